import { IN_WORD_INVISIBLES } from './normalize-word.js';
import { textWordKeys } from './word-keys.js';

/** One word of a text, as topic matching sees it. */
export interface Token {
  /** What the word matches by (see word-keys.ts). */
  keys: readonly string[];
  /** The word exactly as the text writes it. */
  word: string;
  /** UTF-16 offsets of the word in the text: `text.slice(start, end) === word`. */
  start: number;
  end: number;
  /** The 0-based sentence of the text the word is in: a phrase matches within one sentence only. */
  sentence: number;
}

// Combining marks belong to the word so that a decomposed "й" (и + U+0306) is not split in two, and soft hyphens
// and zero-width characters too, so that they do not cut a word (word-keys.ts removes them before matching).
// A hyphenated word ("военно-промышленный", "COVID-19") yields its parts as consecutive tokens, so a query word
// matches a part and a hyphenated query word (parsed as a phrase of its parts) matches the whole.
const WORD = new RegExp(`[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}${IN_WORD_INVISIBLES}]*`, 'gu');
// A full stop, question or exclamation mark or ellipsis, perhaps behind a closing quote or bracket, then a space.
const SENTENCE_END = /[.!?…][\p{Pe}\p{Pf}"']*\s/u;

// Each distinct word is analysed once: a dictionary lookup costs ~25 µs, and news vocabulary repeats a lot. The
// cache is here, where texts are read, so that word-keys stays a plain function of its word (its tests then judge
// every reading of a word, not the first one remembered).
const MAX_CACHED_WORDS = 200_000;
const keyCache = new Map<string, readonly string[]>();

function cachedTextWordKeys(word: string): readonly string[] {
  const cached = keyCache.get(word);
  if (cached) return cached;
  const keys = textWordKeys(word);
  if (keyCache.size >= MAX_CACHED_WORDS) keyCache.clear();
  keyCache.set(word, keys);
  return keys;
}

/** Splits text into words on Unicode word boundaries, with their match keys and sentence; in text order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (tokens.length > 0 && SENTENCE_END.test(text.slice(previousEnd, match.index))) sentence += 1;
    tokens.push({ keys: cachedTextWordKeys(word), word, start: match.index, end: match.index + word.length, sentence });
    previousEnd = match.index + word.length;
  }
  return tokens;
}
