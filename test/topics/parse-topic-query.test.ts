import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TOPIC_QUERY_DEPTH, parseTopicQuery } from '../../shared/topics/parse-topic-query.js';
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

describe('parseTopicQuery on good queries', () => {
  it('parses a single word to a term with its stem', () => {
    expect(parseTopicQuery('Экстрадиция')).toEqual({ kind: 'term', text: 'Экстрадиция', stems: ['экстрадиц'] });
  });

  it('parses quoted phrases joined by AND to an AND of multi-stem terms', () => {
    expect(parseTopicQuery('"иностранные граждане" AND "военная служба"')).toEqual({
      kind: 'and',
      operands: [
        { kind: 'term', text: 'иностранные граждане', stems: ['иностра', 'граждан'] },
        { kind: 'term', text: 'военная служба', stems: ['воен', 'служб'] },
      ],
    });
  });

  it('reads words side by side as AND, binds NOT tighter than AND and AND tighter than OR', () => {
    expect(parseTopicQuery('tax bill OR sanctions NOT court')).toEqual({
      kind: 'or',
      operands: [
        {
          kind: 'and',
          operands: [
            { kind: 'term', text: 'tax', stems: ['tax'] },
            { kind: 'term', text: 'bill', stems: ['bill'] },
          ],
        },
        {
          kind: 'and',
          operands: [
            { kind: 'term', text: 'sanctions', stems: ['sanction'] },
            { kind: 'not', operand: { kind: 'term', text: 'court', stems: ['court'] } },
          ],
        },
      ],
    });
  });

  it('accepts И / ИЛИ / НЕ, parentheses and «ёлочки» quotes', () => {
    expect(parseTopicQuery('налог И (пенсия ИЛИ «военная служба») НЕ суд')).toEqual({
      kind: 'and',
      operands: [
        { kind: 'term', text: 'налог', stems: ['налог'] },
        {
          kind: 'or',
          operands: [
            { kind: 'term', text: 'пенсия', stems: ['пенс'] },
            { kind: 'term', text: 'военная служба', stems: ['воен', 'служб'] },
          ],
        },
        { kind: 'not', operand: { kind: 'term', text: 'суд', stems: ['суд'] } },
      ],
    });
  });

  it('flattens nested ANDs and keeps lower-case "и" and "or" as words', () => {
    expect(parseTopicQuery('a AND (b AND c) и or')).toEqual({
      kind: 'and',
      operands: ['a', 'b', 'c', 'и', 'or'].map((word) => ({ kind: 'term', text: word, stems: [word] })),
    });
  });

  it('parses a hyphenated word to one term over its parts and drops punctuation around words', () => {
    expect(parseTopicQuery('военно-промышленный, COVID-19.')).toEqual({
      kind: 'and',
      operands: [
        { kind: 'term', text: 'военно-промышленный', stems: ['воен', 'промышлен'] },
        { kind: 'term', text: 'COVID-19', stems: ['covid', '19'] },
      ],
    });
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
    ['(a NOT b) OR NOT c', 'NOT needs a word beside it that must appear (on its own it matches everything) at 13'],
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
    expect(parseTopicQuery(`${'('.repeat(depth)}налог${')'.repeat(depth)}`)).toEqual({
      kind: 'term',
      text: 'налог',
      stems: ['налог'],
    });
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
