import { TopicQueryError } from './topic-query-error.js';

export type QueryLexeme =
  | { kind: 'word'; text: string; position: number }
  | { kind: 'phrase'; text: string; position: number }
  | { kind: 'and' | 'or' | 'not' | 'open' | 'close'; text: string; position: number };

const OPERATORS = new Map<string, 'and' | 'or' | 'not'>([
  ['AND', 'and'],
  ['OR', 'or'],
  ['NOT', 'not'],
  ['И', 'and'],
  ['ИЛИ', 'or'],
  ['НЕ', 'not'],
]);

// People paste phrases in «ёлочки» and “typographic” quotes as often as in straight ones.
const CLOSING_QUOTE = new Map([
  ['"', '"'],
  ['«', '»'],
  ['“', '”'],
  ['„', '“'],
]);

const WORD_END = /[\s"«»“”„(),]/u;

/**
 * Splits a topic query into words, phrases, parentheses and operators. Operators are upper case only, so the
 * everyday words "и", "не", "or" stay searchable. A comma outside quotes is OR: people list alternatives
 * ("санкции, пошлины") far more often than they mean a phrase across a comma.
 */
export function lexTopicQuery(text: string): QueryLexeme[] {
  const lexemes: QueryLexeme[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (/\s/u.test(char)) {
      index += 1;
    } else if (char === ',') {
      lexemes.push({ kind: 'or', text: char, position: index });
      index += 1;
    } else if (char === '(' || char === ')') {
      lexemes.push({ kind: char === '(' ? 'open' : 'close', text: char, position: index });
      index += 1;
    } else if (CLOSING_QUOTE.has(char)) {
      const close = text.indexOf(CLOSING_QUOTE.get(char) ?? char, index + 1);
      if (close === -1) throw new TopicQueryError('unclosed quote', index);
      lexemes.push({ kind: 'phrase', text: text.slice(index + 1, close), position: index });
      index = close + 1;
    } else if (char === '»' || char === '”') {
      throw new TopicQueryError(`closing quote ${char} without an opening one`, index);
    } else {
      let end = index + 1;
      while (end < text.length && !WORD_END.test(text[end] ?? '')) end += 1;
      const word = text.slice(index, end);
      const operator = OPERATORS.get(word);
      lexemes.push(operator ? { kind: operator, text: word, position: index } : { kind: 'word', text: word, position: index });
      index = end;
    }
  }
  return lexemes;
}
