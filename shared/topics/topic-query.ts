/** One word of a query term: the keys a text word must share one of (see word-keys.ts), and whether it is a stop word. */
export interface QueryWord {
  keys: string[];
  stop: boolean;
}

/**
 * A parsed topic query. A term is a word or a "quoted phrase"; it matches where its words appear consecutively
 * within one sentence (one word for a plain word, several for a phrase or a hyphenated word).
 */
export type TopicQuery =
  | { kind: 'term'; text: string; words: QueryWord[] }
  | { kind: 'and'; operands: TopicQuery[] }
  | { kind: 'or'; operands: TopicQuery[] }
  | { kind: 'not'; operand: TopicQuery };

export type TopicTerm = Extract<TopicQuery, { kind: 'term' }>;
