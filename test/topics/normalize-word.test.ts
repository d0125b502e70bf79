import { describe, expect, it } from 'vitest';
import { IN_WORD_INVISIBLES, normalizeWord } from '../../shared/topics/normalize-word.js';

// Soft hyphen, zero-width space, non-joiner and joiner, word joiner, and the byte order mark as a zero-width no-break space.
const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

describe('normalizeWord', () => {
  it('composes a decomposed letter: й written as и and a combining breve is й', () => {
    expect(normalizeWord('вои\u0306на')).toBe('война');
  });

  it('removes soft hyphens and zero-width characters wherever they stand in a word', () => {
    for (const invisible of INVISIBLES) expect(normalizeWord(`${invisible}за${invisible}кон${invisible}`)).toBe('закон');
  });

  it('removes acute and grave stress marks from Russian letters, also where a stressed letter has a code point of its own', () => {
    expect(normalizeWord('Песко\u0301ва')).toBe('Пескова');
    expect(normalizeWord('О\u0300ТЧЁТ')).toBe('ОТЧЁТ');
    expect(normalizeWord('ви\u0300ны')).toBe('вины');
    expect(normalizeWord('\u045Dва')).toBe('ива');
    expect(normalizeWord('ве\u0300ды')).toBe('веды');
  });

  it('keeps an accent on a Latin letter, however it is written', () => {
    expect(normalizeWord('cafe\u0301')).toBe('caf\u00E9');
    expect(normalizeWord('caf\u00E9')).toBe('caf\u00E9');
    expect(normalizeWord('a\u0300')).toBe('\u00E0');
  });

  it('writes every Latin look-alike letter in a mostly Cyrillic word in Cyrillic', () => {
    expect(normalizeWord('жжжжжжжжжжжжжжжжжжжжaAcCeEoOpPxXyKkMHBT')).toBe('жжжжжжжжжжжжжжжжжжжжаАсСеЕоОрРхХуКкМНВТ');
  });

  it('writes every Cyrillic look-alike letter in a mostly Latin word in Latin', () => {
    expect(normalizeWord('bbbbbbbbbbbbbbbbbbbbаАсСеЕоОрРхХуКкМНВТ')).toBe('bbbbbbbbbbbbbbbbbbbbaAcCeEoOpPxXyKkMHBT');
  });

  it('reads a word with as many Latin as Cyrillic letters as Cyrillic, and keeps letters that have no look-alike', () => {
    expect(normalizeWord('Cаr')).toBe('Car');
    expect(normalizeWord('aб')).toBe('аб');
    expect(normalizeWord('аb')).toBe('аb');
  });

  it('leaves a word in one script, or with a script that has no look-alikes, as it is', () => {
    expect(normalizeWord('Cat')).toBe('Cat');
    expect(normalizeWord('Кот')).toBe('Кот');
    expect(normalizeWord('COVID19')).toBe('COVID19');
    expect(normalizeWord('ΑΘΗΝΑ')).toBe('ΑΘΗΝΑ');
  });
});

describe('IN_WORD_INVISIBLES', () => {
  it('admits every invisible character normalizeWord removes, so the tokenizer keeps them inside the word', () => {
    const inWord = new RegExp(`^[${IN_WORD_INVISIBLES}]$`, 'u');

    expect(INVISIBLES.filter((invisible) => !inWord.test(invisible))).toEqual([]);
    expect(inWord.test('-')).toBe(false);
  });
});
