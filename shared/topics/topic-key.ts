import { createHash } from 'node:crypto';
import { parseTopicQuery } from './parse-topic-query.js';
import type { QueryWord, TopicQuery } from './topic-query.js';
import { TopicQueryError } from './topic-query-error.js';
import { isLemmaKey } from './word-keys.js';

/**
 * The key of what a query means rather than how it is written: built from its words' match keys (lemmas, stems)
 * and structure only, with the operands of AND and OR in a fixed order, so "Экстрадиция", "экстрадиции" and
 * "a b" / "b AND a" each share one.
 */
export function topicKey(query: TopicQuery): string {
  return `q${createHash('sha256').update(canonical(query)).digest('hex').slice(0, 24)}`;
}

/** The key of a query text, or undefined when the text does not parse. */
export function topicKeyOfText(text: string): string | undefined {
  try {
    return topicKey(parseTopicQuery(text));
  } catch (error) {
    if (error instanceof TopicQueryError) return undefined;
    throw error;
  }
}

function canonical(query: TopicQuery): string {
  switch (query.kind) {
    case 'term':
      return JSON.stringify(query.words.map(meaningOf));
    case 'not':
      return `not(${canonical(query.operand)})`;
    case 'and':
    case 'or':
      return `${query.kind}(${query.operands.map(canonical).sort().join(',')})`;
  }
}

/**
 * What a query word means: its dictionary lemmas, or for a word the dictionary lacks its stem (the first key),
 * leaving out the key that only widens a word to text whose stem it is (which differs by form).
 */
function meaningOf(word: QueryWord): string[] {
  const lemmas = word.keys.filter(isLemmaKey);
  return lemmas.length > 0 ? lemmas.sort() : word.keys.slice(0, 1);
}
