import { stemWord } from './stem-word.js';

/** One word of a text, as topic matching sees it. */
export interface Token {
  stem: string;
  /** The word exactly as the text writes it. */
  word: string;
  /** UTF-16 offsets of the word in the text: `text.slice(start, end) === word`. */
  start: number;
  end: number;
}

// Combining marks belong to the word so that a decomposed "й" (и + U+0306) is not split in two.
// A hyphenated word ("военно-промышленный", "COVID-19") yields its parts as consecutive tokens, so a query word
// matches a part and a hyphenated query word (parsed as a phrase of its parts) matches the whole.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Splits text into words on Unicode word boundaries and stems each one; tokens are in text order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    tokens.push({ stem: stemWord(word), word, start: match.index, end: match.index + word.length });
  }
  return tokens;
}
