import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import englishStemmer from 'wink-porter2-stemmer';
import { englishIrregularBase } from './english-irregular-forms.js';
import { normalizeWord } from './normalize-word.js';
import { russianReadings, type RussianReading } from './russian-dictionary.js';

/*
 * A word is matched by keys: a text word and a query word match when they share one. A key is either a lemma from
 * the Russian dictionary ("=закон") or a stem ("~закон", Snowball: Russian for words the dictionary lacks, Porter2
 * for English). The prefixes keep the two apart, so a stem never meets a lemma by accident.
 */

const LEMMA = '=';
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const ALL_CAPS = /^[\p{Lu}\p{N}]{2,}$/u;

/** The lower-case form keys compare: ё read as е. */
export function foldCase(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е');
}

/**
 * The keys of a word of a text: every dictionary lemma it may be a form of and its own stem (Russian), or its
 * stem and the stem of its irregular base (English); a word in neither alphabet is its lower-case self.
 */
export function textWordKeys(word: string): readonly string[] {
  const normalised = normalizeWord(word);
  const lower = foldCase(normalised);
  let keys: string[];
  if (CYRILLIC.test(lower)) {
    keys = [...lemmaKeys(readingsOf(normalised)), stemKey(russianStemmer(lower))];
  } else if (LATIN.test(lower)) {
    keys = englishKeys(lower);
  } else {
    keys = [stemKey(lower)];
  }
  return [...new Set(keys)];
}

/**
 * The keys of a word of a query. A Russian word the dictionary holds matches the forms of its lemmas, and a text
 * word whose stem is the query word itself; it does not match by its own stem, which is where a stemmer
 * over-reaches (Песков → песк ← песка, казнь → казн ← казны). A capitalised word that can be a name is read as
 * the name only (Ростов the city, not рост). A word the dictionary lacks (a new word, a rare surname or
 * place) matches by its stem (its first key).
 */
export function queryWordKeys(word: string): readonly string[] {
  const normalised = normalizeWord(word);
  const lower = foldCase(normalised);
  if (!CYRILLIC.test(lower)) return textWordKeys(normalised);
  const readings = readingsOf(normalised);
  if (readings.length === 0) return [...new Set([stemKey(russianStemmer(lower)), stemKey(lower)])];
  // Only a capitalised word has name readings (russianReadings), so a word with any is read as the name.
  const names = readings.filter((reading) => reading.proper);
  const meant = names.length > 0 ? names : readings;
  return [...new Set([...lemmaKeys(meant), stemKey(lower)])];
}

/** Readings of a Russian word; a word in capitals ("ПЕСКОВ") is also read as a capitalised one ("Песков"). */
function readingsOf(word: string): RussianReading[] {
  const readings = russianReadings(word);
  if (!ALL_CAPS.test(word)) return readings;
  return [...readings, ...russianReadings(word.charAt(0) + word.slice(1).toLowerCase())];
}

function englishKeys(lower: string): string[] {
  const base = englishIrregularBase(lower);
  return base ? [stemKey(englishStemmer(lower)), stemKey(englishStemmer(base))] : [stemKey(englishStemmer(lower))];
}

function lemmaKeys(readings: readonly RussianReading[]): string[] {
  return readings.map((reading) => `${LEMMA}${foldCase(reading.lemma)}`);
}

/** Whether a key is a dictionary lemma (else it is a stem). */
export function isLemmaKey(key: string): boolean {
  return key.startsWith(LEMMA);
}

function stemKey(stem: string): string {
  return `~${stem}`;
}
