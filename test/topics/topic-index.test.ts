import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchTopic } from '../../shared/topics/match-topic.js';
import { parseTopicQuery } from '../../shared/topics/parse-topic-query.js';
import { TopicIndex, type TopicIndexMatch } from '../../shared/topics/topic-index.js';
import { TopicQueryError } from '../../shared/topics/topic-query-error.js';

/** The matches with their explanations worked out, as a caller raising the alerts does. */
function explained(matches: TopicIndexMatch[]) {
  return matches.map((match) => ({ topicId: match.topicId, explanation: match.explain() }));
}

describe('TopicIndex', () => {
  it('returns the matching topics in the order given, with their explanations', () => {
    const index = new TopicIndex([
      { topicId: 'tax', query: parseTopicQuery('налог') },
      { topicId: 'army', query: parseTopicQuery('"военная служба" NOT суд') },
      { topicId: 'bills', query: parseTopicQuery('bill OR законопроект') },
    ]);

    const matches = explained(index.match({ fields: { title: 'Законопроект о военной службе', summary: 'Налоговый вычет' } }));

    expect(matches).toEqual([
      { topicId: 'army', explanation: { hits: [{ term: 'военная служба', field: 'title', found: ['военной службе'] }] } },
      { topicId: 'bills', explanation: { hits: [{ term: 'законопроект', field: 'title', found: ['Законопроект'] }] } },
    ]);
    expect(index.size).toBe(3);
  });

  it('refuses a hand-built query that would match every document', () => {
    expect(() => new TopicIndex([{ topicId: 't1', query: { kind: 'not', operand: { kind: 'term', text: 'a', words: [{ keys: ['~a'], stop: false }] } } }])).toThrow(
      'topic t1 would match every document: it needs a word that must appear',
    );
  });

  it('gives exactly what matchTopic gives over every topic, on random topics and documents', () => {
    // Inflected forms, so that stems (not spellings) must meet in the index.
    const words = ['налог', 'налоги', 'налогов', 'санкции', 'санкций', 'суд', 'суда', 'военная', 'военной', 'служба', 'службе', 'bill', 'bills', 'court', 'courts', 'tax'];
    const word = fc.constantFrom(...words);
    const query: fc.Arbitrary<string> = fc.letrec<{ query: string }>((tie) => ({
      query: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        word,
        fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`),
        fc.tuple(tie('query'), fc.constantFrom(' AND ', ' OR ', ' ', ' NOT '), tie('query')).map(([a, op, b]) => `(${a}${op}${b})`),
        tie('query').map((inner) => `NOT ${inner}`),
      ),
    })).query;
    const parsedQuery = query.chain((text) => {
      try {
        return fc.constant(parseTopicQuery(text));
      } catch (error) {
        if (error instanceof TopicQueryError) return fc.constant(parseTopicQuery('налог'));
        throw error;
      }
    });
    const document = fc.record({
      title: fc.array(word, { maxLength: 8 }).map((list) => list.join(' ')),
      summary: fc.array(word, { maxLength: 8 }).map((list) => list.join(' ')),
    });

    fc.assert(
      fc.property(fc.array(parsedQuery, { minLength: 1, maxLength: 30 }), fc.array(document, { maxLength: 10 }), (queries, documents) => {
        const topics = queries.map((q, position) => ({ topicId: `t${position}`, query: q }));
        const index = new TopicIndex(topics);
        for (const fields of documents) {
          const expected = topics.flatMap(({ topicId, query: q }) => {
            const explanation = matchTopic(q, { fields });
            return explanation ? [{ topicId, explanation }] : [];
          });
          expect(explained(index.match({ fields }))).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
