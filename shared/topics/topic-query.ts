/**
 * A parsed topic query. A term is a word or a "quoted phrase"; it matches where its stems appear consecutively
 * (one stem for a plain word, several for a phrase or a hyphenated word).
 */
export type TopicQuery =
  | { kind: 'term'; text: string; stems: string[] }
  | { kind: 'and'; operands: TopicQuery[] }
  | { kind: 'or'; operands: TopicQuery[] }
  | { kind: 'not'; operand: TopicQuery };

export type TopicTerm = Extract<TopicQuery, { kind: 'term' }>;
