import { tokenize, type Token } from './tokenize.js';

/** A text to match topics against, by named fields ("title", "summary", "decision", ...). */
export interface TopicDocument {
  fields: Record<string, string>;
}

/** Where a stem occurs: the field and the token's index in that field. */
export interface StemOccurrence {
  field: string;
  index: number;
}

/** A document tokenised once, so that many topics can be checked against it. */
export interface PreparedDocument {
  fields: ReadonlyMap<string, { text: string; tokens: Token[] }>;
  /** Every stem of the document, with its occurrences in field order then text order. */
  occurrences: ReadonlyMap<string, StemOccurrence[]>;
}

/** Tokenises every field of a document once and indexes where each stem occurs. */
export function prepareDocument(document: TopicDocument): PreparedDocument {
  const fields = new Map<string, { text: string; tokens: Token[] }>();
  const occurrences = new Map<string, StemOccurrence[]>();
  for (const [field, text] of Object.entries(document.fields)) {
    const tokens = tokenize(text);
    fields.set(field, { text, tokens });
    tokens.forEach((token, index) => {
      const list = occurrences.get(token.stem);
      if (list) list.push({ field, index });
      else occurrences.set(token.stem, [{ field, index }]);
    });
  }
  return { fields, occurrences };
}
