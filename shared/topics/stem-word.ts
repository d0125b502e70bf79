// One module per language (Orama's Snowball ports): a bundle carries Russian and English only, ~9 KB, not all 25.
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as russian } from '@orama/stemmers/russian';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

// Stemming is the hot path of matching 1,000 items against 10,000 topics; news vocabulary repeats a lot.
const MAX_CACHED_STEMS = 200_000;
const stemCache = new Map<string, string>();

/**
 * The stem of one word, the unit that topic matching compares: lower-cased, NFC, ё read as е, then Snowball-stemmed
 * with the Russian stemmer for Cyrillic words and the English one for Latin words (others are left as they are).
 */
export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const normalised = word.normalize('NFC').toLowerCase().replaceAll('ё', 'е');
  const stem = CYRILLIC.test(normalised)
    ? russian(normalised)
    : LATIN.test(normalised)
      ? english(normalised)
      : normalised;
  if (stemCache.size >= MAX_CACHED_STEMS) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}
