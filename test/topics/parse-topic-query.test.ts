import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TOPIC_QUERY_DEPTH, parseTopicQuery } from '../../shared/topics/parse-topic-query.js';
import type { TopicQuery } from '../../shared/topics/topic-query.js';
import { TopicQueryError } from '../../shared/topics/topic-query-error.js';
import { TopicQueryTextSchema } from '../../shared/topics/topic-query-schema.js';

function errorOf(text: string): { message: string; position: number } {
  try {
    parseTopicQuery(text);
  } catch (error) {
    if (error instanceof TopicQueryError) return { message: error.message, position: error.position };
    throw error;
  }
  throw new Error(`expected "${text}" to fail`);
}

/** The query's structure with each term as its text: the parser's business (the keys are word-keys'). */
function shape(query: TopicQuery): unknown {
  switch (query.kind) {
    case 'term':
      return query.text;
    case 'not':
      return { not: shape(query.operand) };
    default:
      return { [query.kind]: query.operands.map(shape) };
  }
}

describe('parseTopicQuery on good queries', () => {
  it('parses a single word to a term whose word matches by its dictionary lemma and by itself as a stem', () => {
    expect(parseTopicQuery('Экстрадиция')).toEqual({
      kind: 'term',
      text: 'Экстрадиция',
      words: [{ keys: ['=экстрадиция', '~экстрадиция'], stop: false }],
    });
  });

  it('parses a word the dictionary lacks to its Snowball stem and itself', () => {
    expect(parseTopicQuery('маркетплейсы')).toEqual({
      kind: 'term',
      text: 'маркетплейсы',
      words: [{ keys: ['~маркетплейс', '~маркетплейсы'], stop: false }],
    });
  });

  it('reads a capitalised word that can be a name as the name only: Ростов the city, not рост', () => {
    expect(parseTopicQuery('Ростов')).toEqual({ kind: 'term', text: 'Ростов', words: [{ keys: ['=ростов', '~ростов'], stop: false }] });
    expect(parseTopicQuery('ростов')).toEqual({ kind: 'term', text: 'ростов', words: [{ keys: ['=рост', '~ростов'], stop: false }] });
  });

  it('parses quoted phrases joined by AND to an AND of multi-word terms', () => {
    expect(shape(parseTopicQuery('"иностранные граждане" AND "военная служба"'))).toEqual({
      and: ['иностранные граждане', 'военная служба'],
    });
  });

  it('reads words side by side as AND, binds NOT tighter than AND and AND tighter than OR', () => {
    expect(shape(parseTopicQuery('tax bill OR sanctions NOT court'))).toEqual({
      or: [{ and: ['tax', 'bill'] }, { and: ['sanctions', { not: 'court' }] }],
    });
  });

  it('accepts И / ИЛИ / НЕ, parentheses and «ёлочки» quotes', () => {
    expect(shape(parseTopicQuery('налог И (пенсия ИЛИ «военная служба») НЕ суд'))).toEqual({
      and: ['налог', { or: ['пенсия', 'военная служба'] }, { not: 'суд' }],
    });
  });

  it('reads a comma as OR, at the level of OR, with or without spaces', () => {
    expect(shape(parseTopicQuery('санкции,пошлины'))).toEqual({ or: ['санкции', 'пошлины'] });
    expect(shape(parseTopicQuery('иностранные граждане, мигранты'))).toEqual({
      or: [{ and: ['иностранные', 'граждане'] }, 'мигранты'],
    });
    expect(shape(parseTopicQuery('"санкции, пошлины"'))).toBe('санкции, пошлины');
  });

  it('flattens nested ANDs and keeps lower-case "и" and "or" as words', () => {
    expect(shape(parseTopicQuery('x AND (y AND z) и or'))).toEqual({ and: ['x', 'y', 'z', 'и', 'or'] });
  });

  it('parses a hyphenated word to one term over its parts and drops punctuation around words', () => {
    const query = parseTopicQuery('военно-промышленный COVID-19.');
    expect(shape(query)).toEqual({ and: ['военно-промышленный', 'COVID-19'] });
    expect(query.kind === 'and' && query.operands.map((term) => term.kind === 'term' && term.words.length)).toEqual([2, 2]);
  });

  it('parses a phrase of three or more words to one term of as many words', () => {
    const query = parseTopicQuery('"проект федерального закона о полиции"');
    expect(query.kind === 'term' && query.words.map((word) => word.stop)).toEqual([false, false, false, true, false]);
  });

  it('accepts a query of exactly 500 characters', () => {
    const text = `${'налог '.repeat(82)}сбор`.padEnd(500, 'ы');
    expect(text).toHaveLength(500);
    expect(() => parseTopicQuery(text)).not.toThrow();
  });
});

describe('parseTopicQuery on bad queries', () => {
  it.each([
    ['', 'the query is empty at 0'],
    ['   ', 'the query is empty at 0'],
    ['закон "военная служба', 'unclosed quote at 6'],
    ['закон «военная служба', 'unclosed quote at 6'],
    ['закон »', 'closing quote » without an opening one at 6'],
    ['закон ""', 'empty phrase at 6'],
    ['налог NOT', 'NOT needs a term after it at 6'],
    ['налог НЕ )', 'НЕ needs a term after it at 6'],
    ['налог AND', 'AND needs a term after it at 6'],
    ['налог AND OR суд', 'AND needs a term after it at 6'],
    ['AND налог', 'AND needs a term before it at 0'],
    ['налог OR', 'OR needs a term after it at 6'],
    ['налог ИЛИ ИЛИ суд', 'ИЛИ needs a term after it at 6'],
    ['(налог OR суд', "unbalanced parenthesis: '(' is never closed at 0"],
    ['(налог', "unbalanced parenthesis: '(' is never closed at 0"],
    ['налог) суд', "unbalanced parenthesis: ')' has no matching '(' at 5"],
    [') налог', "unbalanced parenthesis: ')' has no matching '(' at 0"],
    ['налог ()', 'empty parentheses at 6'],
    ['налог - суд', "'-' has no letters or digits at 6"],
    ['NOT налог', 'NOT needs a word beside it that must appear (on its own it matches everything) at 0'],
    ['налог OR NOT суд', 'NOT needs a word beside it that must appear (on its own it matches everything) at 9'],
    ['(x NOT y) OR NOT z', 'NOT needs a word beside it that must appear (on its own it matches everything) at 13'],
    ['и', "'и' has only stop words, which appear in almost every text: add a word that names the topic at 0"],
    ['"и в на"', "'и в на' has only stop words, which appear in almost every text: add a word that names the topic at 0"],
    ['налог OR the', "'the' has only stop words, which appear in almost every text: add a word that names the topic at 9"],
    ['налог,', ', needs a term after it at 5'],
  ])('%j fails with "%s"', (text, expected) => {
    expect(errorOf(text).message).toBe(expected);
  });

  it('refuses a query longer than 500 characters, pointing at character 500', () => {
    expect(errorOf('налог '.repeat(84))).toEqual({ message: 'the query is longer than 500 characters at 500', position: 500 });
  });

  it('refuses parentheses nested deeper than the limit, pointing at the first parenthesis too deep', () => {
    const depth = MAX_TOPIC_QUERY_DEPTH + 1;
    expect(errorOf(`${'('.repeat(depth)}налог${')'.repeat(depth)}`)).toEqual({
      message: `nested deeper than ${MAX_TOPIC_QUERY_DEPTH} levels at ${MAX_TOPIC_QUERY_DEPTH}`,
      position: MAX_TOPIC_QUERY_DEPTH,
    });
  });

  it('accepts parentheses nested exactly to the limit', () => {
    const depth = MAX_TOPIC_QUERY_DEPTH;
    expect(shape(parseTopicQuery(`${'('.repeat(depth)}налог${')'.repeat(depth)}`))).toBe('налог');
  });

  it('limits a chain of NOTs to the same depth as parentheses', () => {
    const depth = MAX_TOPIC_QUERY_DEPTH + 1;
    expect(errorOf(`налог ${'NOT '.repeat(depth)}суд`)).toEqual({
      message: `nested deeper than ${MAX_TOPIC_QUERY_DEPTH} levels at ${6 + 4 * MAX_TOPIC_QUERY_DEPTH}`,
      position: 6 + 4 * MAX_TOPIC_QUERY_DEPTH,
    });
    expect(() => parseTopicQuery(`налог ${'NOT '.repeat(MAX_TOPIC_QUERY_DEPTH)}суд`)).not.toThrow();
  });

  it('gives any string either a query or a TopicQueryError, never another error', () => {
    const queryish = fc
      .array(fc.constantFrom('налог', 'bill', '"', '«', '»', '(', ')', 'AND', 'OR', 'NOT', 'И', 'ИЛИ', 'НЕ', ' ', '-', '!'), {
        maxLength: 40,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 600 }), queryish), (text) => {
        try {
          parseTopicQuery(text);
        } catch (error) {
          if (!(error instanceof TopicQueryError)) throw error;
          expect(error.position).toBeGreaterThanOrEqual(0);
          expect(error.position).toBeLessThanOrEqual(Math.max(text.length, 0));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('TopicQueryTextSchema', () => {
  it('accepts a query that parses and keeps the text as it is', () => {
    expect(TopicQueryTextSchema.parse('"военная служба" NOT суд')).toBe('"военная служба" NOT суд');
  });

  it("rejects a query that does not parse with the parser's message", () => {
    const result = TopicQueryTextSchema.safeParse('налог AND');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['AND needs a term after it at 6']);
  });
});
