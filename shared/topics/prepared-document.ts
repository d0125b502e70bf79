import { tokenize, type Token } from './tokenize.js';

/** A text to match topics against, by named fields ("title", "summary", "decision", ...). */
export interface TopicDocument {
  fields: Record<string, string>;
}

/** Where a key occurs: the field, the token's index in that field, and its place in the whole document. */
export interface KeyOccurrence {
  field: string;
  index: number;
  /** The token's position in the document (fields in order, then text order), to merge occurrence lists. */
  order: number;
}

/** A document tokenised once, so that many topics can be checked against it. */
export interface PreparedDocument {
  fields: ReadonlyMap<string, { text: string; tokens: Token[] }>;
  /** Every key of the document, with its occurrences in field order then text order. */
  occurrences: ReadonlyMap<string, KeyOccurrence[]>;
}

/** Tokenises every field of a document once and indexes where each key occurs. */
export function prepareDocument(document: TopicDocument): PreparedDocument {
  const fields = new Map<string, { text: string; tokens: Token[] }>();
  const occurrences = new Map<string, KeyOccurrence[]>();
  let order = 0;
  for (const [field, text] of Object.entries(document.fields)) {
    const tokens = tokenize(text);
    fields.set(field, { text, tokens });
    tokens.forEach((token, index) => {
      const occurrence = { field, index, order: order++ };
      for (const key of token.keys) {
        const list = occurrences.get(key);
        if (list) list.push(occurrence);
        else occurrences.set(key, [occurrence]);
      }
    });
  }
  return { fields, occurrences };
}
