import { anchorKeys } from './anchor-keys.js';
import { explainMatch, matchesPrepared, type MatchExplanation } from './match-topic.js';
import { prepareDocument, type PreparedDocument, type TopicDocument } from './prepared-document.js';
import type { TopicQuery } from './topic-query.js';

/** A topic to index: its id and its parsed query. */
export interface IndexedTopic {
  topicId: string;
  query: TopicQuery;
}

/**
 * A topic that matched a document, and why: worked out by `explain()` when the caller gets to it, one match at a
 * time. Explanations built for hundreds of matches at once and kept until the last is used survive young-space
 * collections and cost more than the matching itself (`npm run bench -- topics`).
 */
export interface TopicIndexMatch {
  topicId: string;
  /** The words found where; worked out anew on each call. */
  explain(): MatchExplanation;
}

/** A match as a small object, no closure per match: hundreds are made per document. */
class IndexMatch implements TopicIndexMatch {
  readonly topicId: string;

  constructor(
    private readonly topic: IndexedTopic,
    private readonly document: PreparedDocument,
  ) {
    this.topicId = topic.topicId;
  }

  explain(): MatchExplanation {
    return explainMatch(this.topic.query, this.document);
  }
}

/**
 * Many topic queries, filed by key so that a document is checked only against the topics that could match it:
 * each query is filed under keys of which any matching document must contain one (see anchorKeys), and those
 * candidates are then verified in full. Gives exactly what matchTopic gives over every topic, in topic order.
 */
export class TopicIndex {
  private readonly topics: IndexedTopic[];
  private readonly topicsByKey = new Map<string, number[]>();
  private readonly candidateStamps: Uint32Array;
  private stamp = 0;

  /** @throws Error when a query could match a document without any of its words (parseTopicQuery never makes one). */
  constructor(topics: Iterable<IndexedTopic>) {
    this.topics = [...topics];
    this.candidateStamps = new Uint32Array(this.topics.length);
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
    return this.matchPrepared(prepareDocument(document));
  }

  /** {@link match} on a document already tokenised. */
  matchPrepared(prepared: PreparedDocument): TopicIndexMatch[] {
    // A topic filed under several keys of the document is a candidate once: marked in a reused array, not a Set.
    this.stamp += 1;
    const candidates: number[] = [];
    for (const key of prepared.occurrences.keys()) {
      const positions = this.topicsByKey.get(key);
      if (!positions) continue;
      for (const position of positions) {
        if (this.candidateStamps[position] === this.stamp) continue;
        this.candidateStamps[position] = this.stamp;
        candidates.push(position);
      }
    }
    const matches: TopicIndexMatch[] = [];
    for (const position of Int32Array.from(candidates).sort()) {
      const topic = this.topics[position];
      if (topic && matchesPrepared(topic.query, prepared)) {
        matches.push(new IndexMatch(topic, prepared));
      }
    }
    return matches;
  }
}
