import { matchTopic, type TermHit } from './match-topic.js';
import { parseTopicQuery } from './parse-topic-query.js';
import { TopicQueryError } from './topic-query-error.js';

/** What trying a topic on a headline gives: whether it matches and why, or why the query was refused. */
export type TopicTrial =
  | { match: boolean; why: TermHit[] }
  | { match: null; error: { message: string; problem: string; position: number } };

/**
 * Tries a topic query on a headline (the "text", matched as an alert's title) and an optional summary, exactly as
 * alerts match news: for users checking a topic before subscribing, and for checks of the matching rules.
 */
export function tryTopic(query: string, item: { text: string; summary?: string | undefined }): TopicTrial {
  let parsed;
  try {
    parsed = parseTopicQuery(query);
  } catch (error) {
    if (!(error instanceof TopicQueryError)) throw error;
    return { match: null, error: { message: error.message, problem: error.problem, position: error.position } };
  }
  const fields: Record<string, string> = { title: item.text };
  if (item.summary !== undefined) fields.summary = item.summary;
  const explanation = matchTopic(parsed, { fields });
  return explanation ? { match: true, why: explanation.hits } : { match: false, why: [] };
}
