/*
 * Invisible or decorative characters inside a word that must not stop a match: soft hyphens and zero-width
 * characters left by CMS hyphenation and copy-paste, and stress marks (combining acute/grave) on Russian letters in
 * teaching texts. A stress mark is removed from the decomposed word: NFC would make some stressed letters (ѝ, ѐ)
 * letters of their own, which no dictionary holds. On a Latin letter the mark is part of the letter (é) and stays.
 */
const INVISIBLE_IN_WORD = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
const RUSSIAN_STRESS = /(?<=\p{Script=Cyrillic})[\u0300\u0301]/gu;

/** These characters may stand inside a word (the tokenizer keeps them in the word, this module removes them). */
export const IN_WORD_INVISIBLES = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';

// Latin letters that look exactly like Cyrillic ones, and back: one stray letter from the wrong keyboard layout
// ("Пеcков" with a Latin c) otherwise makes a word that no dictionary and no reader would tell apart.
const LATIN_TO_CYRILLIC = new Map(
  [...'aAcCeEoOpPxXyKkMHBT'].map((latin, index) => [latin, 'аАсСеЕоОрРхХуКкМНВТ'[index] ?? latin]),
);
const CYRILLIC_TO_LATIN = new Map([...LATIN_TO_CYRILLIC].map(([latin, cyrillic]) => [cyrillic, latin]));
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

/**
 * One word as matching reads it, case kept (the dictionary tells names by their capital): NFC, without soft
 * hyphens, zero-width characters and stress marks, and in one script when it mixes Latin and Cyrillic
 * look-alike letters (the script most of its letters are in; Cyrillic on a tie).
 */
export function normalizeWord(word: string): string {
  const clean = word.normalize('NFD').replace(INVISIBLE_IN_WORD, '').replace(RUSSIAN_STRESS, '').normalize('NFC');
  const cyrillic = clean.match(CYRILLIC_LETTER)?.length ?? 0;
  const latin = clean.match(LATIN_LETTER)?.length ?? 0;
  if (cyrillic === 0 || latin === 0) return clean;
  const map = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  return [...clean].map((char) => map.get(char) ?? char).join('');
}
