import { matchTopic, type TermHit } from './match-topic.js';
import { parseTopicQuery } from './parse-topic-query.js';
import type { TopicQuery, TopicTerm } from './topic-query.js';
import { TopicQueryError } from './topic-query-error.js';

/**
 * What trying a topic on a headline gives: whether it matches, the words found where (for a match, what an alert
 * would show; otherwise every term found, a NOT's included, to tell why not) and the terms found nowhere; or why
 * the query was refused.
 */
export type TopicTrial =
  | { match: boolean; why: TermHit[]; missing: string[] }
  | { match: null; error: { message: string; problem: string; position: number } };

/**
 * Tries a topic query on a headline (the "text", matched as an alert's title) and an optional summary, exactly as
 * alerts match news: for users checking a topic before subscribing, and for checks of the matching rules.
 */
export function tryTopic(query: string, item: { text: string; summary?: string | undefined }): TopicTrial {
  let parsed: TopicQuery;
  try {
    parsed = parseTopicQuery(query);
  } catch (error) {
    if (!(error instanceof TopicQueryError)) throw error;
    return { match: null, error: { message: error.message, problem: error.problem, position: error.position } };
  }
  const fields: Record<string, string> = item.summary === undefined ? { title: item.text } : { title: item.text, summary: item.summary };
  const document = { fields };
  const explanation = matchTopic(parsed, document);
  const terms = termsOf(parsed).map((term) => ({ term, hits: matchTopic(term, document)?.hits }));
  return {
    match: explanation !== null,
    why: explanation ? explanation.hits : terms.flatMap(({ hits }) => hits ?? []),
    missing: [...new Set(terms.filter(({ hits }) => !hits).map(({ term }) => term.text))],
  };
}

function termsOf(query: TopicQuery): TopicTerm[] {
  switch (query.kind) {
    case 'term':
      return [query];
    case 'not':
      return termsOf(query.operand);
    case 'and':
    case 'or':
      return query.operands.flatMap(termsOf);
  }
}
