import { anchorKeys } from './anchor-keys.js';
import { matchPrepared, type MatchExplanation } from './match-topic.js';
import { prepareDocument, type TopicDocument } from './prepared-document.js';
import type { TopicQuery } from './topic-query.js';

/** A topic to index: its id and its parsed query. */
export interface IndexedTopic {
  topicId: string;
  query: TopicQuery;
}

/** A topic that matched a document, and why. */
export interface TopicIndexMatch {
  topicId: string;
  explanation: MatchExplanation;
}

/**
 * Many topic queries, filed by key so that a document is checked only against the topics that could match it:
 * each query is filed under keys of which any matching document must contain one (see anchorKeys), and those
 * candidates are then verified in full. Gives exactly what matchTopic gives over every topic, in topic order.
 */
export class TopicIndex {
  private readonly topics: IndexedTopic[];
  private readonly topicsByKey = new Map<string, number[]>();

  /** @throws Error when a query could match a document without any of its words (parseTopicQuery never makes one). */
  constructor(topics: Iterable<IndexedTopic>) {
    this.topics = [...topics];
    this.topics.forEach((topic, position) => {
      const keys = anchorKeys(topic.query);
      if (!keys) throw new Error(`topic ${topic.topicId} would match every document: it needs a word that must appear`);
      for (const key of keys) {
        const list = this.topicsByKey.get(key);
        if (list) list.push(position);
        else this.topicsByKey.set(key, [position]);
      }
    });
  }

  /** How many topics are indexed. */
  get size(): number {
    return this.topics.length;
  }

  /** Every indexed topic that matches the document, in the order the topics were given. */
  match(document: TopicDocument): TopicIndexMatch[] {
    const prepared = prepareDocument(document);
    const candidates = new Set<number>();
    for (const key of prepared.occurrences.keys()) {
      for (const position of this.topicsByKey.get(key) ?? []) candidates.add(position);
    }
    const matches: TopicIndexMatch[] = [];
    for (const position of [...candidates].sort((a, b) => a - b)) {
      const topic = this.topics[position];
      const explanation = topic && matchPrepared(topic.query, prepared);
      if (topic && explanation) matches.push({ topicId: topic.topicId, explanation });
    }
    return matches;
  }
}
