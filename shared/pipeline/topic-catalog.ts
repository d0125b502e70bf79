import type { Logger } from '@aws-lambda-powertools/logger';
import { cachedFor } from '../runtime/cached-for.js';
import type { TopicStore } from '../store/topic-store.js';
import type { MatchExplanation } from '../topics/match-topic.js';
import { parseTopicQuery } from '../topics/parse-topic-query.js';
import type { TopicDocument } from '../topics/prepared-document.js';
import { TopicIndex } from '../topics/topic-index.js';
import { topicKey } from '../topics/topic-key.js';
import type { TopicQuery } from '../topics/topic-query.js';

/** One distinct query (by meaning) and every stored topic that writes it. */
export interface TopicCatalogEntry {
  key: string;
  /** The first way it was written, to show in alerts. */
  query: string;
  topicIds: string[];
  watchLinkedBills: boolean;
}

/** Every subscriber topic, indexed once: what matches a document, and why. */
export interface TopicCatalog {
  size: number;
  /** The entries that match, each with `explain()` to work out why when its alert is raised (see TopicIndexMatch). */
  match(document: TopicDocument): Array<{ entry: TopicCatalogEntry; explain(): MatchExplanation }>;
}

/**
 * Reads every topic and builds one index entry per distinct query, so that identical queries written by many
 * subscribers are matched once. A stored query that no longer parses is logged and left out, never fatal.
 */
export async function loadTopicCatalog(topics: TopicStore, logger: Logger): Promise<TopicCatalog> {
  const entries = new Map<string, TopicCatalogEntry & { parsed: TopicQuery }>();
  for await (const page of topics.listTopics()) {
    for (const topic of page) {
      let parsed: TopicQuery;
      try {
        parsed = parseTopicQuery(topic.query);
      } catch (error) {
        logger.warn('stored topic does not parse', { topicId: topic.topicId, error: (error as Error).message });
        continue;
      }
      const key = topicKey(parsed);
      const entry = entries.get(key);
      if (entry) {
        entry.topicIds.push(topic.topicId);
        entry.watchLinkedBills ||= topic.watchLinkedBills;
      } else {
        entries.set(key, { key, query: topic.query, topicIds: [topic.topicId], watchLinkedBills: topic.watchLinkedBills, parsed });
      }
    }
  }
  const index = new TopicIndex([...entries.values()].map((entry) => ({ topicId: entry.key, query: entry.parsed })));
  return {
    size: index.size,
    match(document) {
      return index.match(document).flatMap((match) => {
        const entry = entries.get(match.topicId);
        return entry ? [{ entry, explain: () => match.explain() }] : [];
      });
    },
  };
}

/**
 * The catalog, built at most once per `maxAgeMs`: one build serves a whole poll (every item of every feed,
 * every changed bill), and a new topic is picked up by the next run.
 */
export function cachedTopicCatalog(
  topics: TopicStore,
  logger: Logger,
  options: { maxAgeMs?: number; now?: () => number } = {},
): () => Promise<TopicCatalog> {
  return cachedFor(() => loadTopicCatalog(topics, logger), { maxAgeMs: options.maxAgeMs ?? 60_000, ...(options.now ? { now: options.now } : {}) });
}
