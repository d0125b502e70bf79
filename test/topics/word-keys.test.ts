import { describe, expect, it } from 'vitest';
import { foldCase, isLemmaKey, queryWordKeys, textWordKeys } from '../../shared/topics/word-keys.js';

/*
 * The keys a word is matched by: a text word and a query word match when they share one. Lemmas ("=…") come from the
 * Russian dictionary, stems ("~…") from Snowball (Russian) or Porter2 (English).
 */

describe('foldCase', () => {
  it('lower-cases a word and reads ё as е', () => {
    expect(foldCase('ЁЛКА Ёж ёлка')).toBe('елка еж елка');
  });
});

describe('textWordKeys', () => {
  it('keys a Russian word by every dictionary lemma it may be a form of, then by its Snowball stem', () => {
    expect(textWordKeys('Песков')).toEqual(['=песок', '=песков', '~песк']);
    expect(textWordKeys('Мир')).toEqual(['=мир', '=миро', '~мир']);
  });

  it('gives a lower-case Russian word no name readings: "песков" is only sand', () => {
    expect(textWordKeys('песков')).toEqual(['=песок', '~песк']);
  });

  it('reads a Russian word in capitals as the capitalised word too, so a headline in capitals finds the name', () => {
    expect(textWordKeys('ПЕСКОВ')).toEqual(['=песок', '=песков', '~песк']);
    expect(textWordKeys('РОСТОВ')).toEqual(['=рост', '=ростов', '~рост']);
  });

  it('lists each key once, though the word in capitals and capitalised reads as the same lemma', () => {
    expect(textWordKeys('ЛДПР')).toEqual(['=лдпр', '~лдпр']);
  });

  it('folds ё to е in lemmas and stems', () => {
    expect(textWordKeys('Ёлки')).toEqual(['=елка', '~елк']);
  });

  it('keys a Russian word the dictionary lacks by its Snowball stem only', () => {
    expect(textWordKeys('абырвалгами')).toEqual(['~абырвалг']);
  });

  it('reads a Russian word with a Latin look-alike letter as the Russian word', () => {
    // "Пеcков" with a Latin c.
    expect(textWordKeys('Пеcков')).toEqual(['=песок', '=песков', '~песк']);
  });

  it('keys an English word by its Porter2 stem, in any case', () => {
    expect(textWordKeys('bills')).toEqual(['~bill']);
    expect(textWordKeys('Bills')).toEqual(['~bill']);
  });

  it('keys an irregular English form by its own stem and its base\'s, so "children" finds "child"', () => {
    expect(textWordKeys('children')).toEqual(['~children', '~child']);
    expect(textWordKeys('PEOPLE')).toEqual(['~peopl', '~person']);
  });

  it('keys a word in neither alphabet by its lower-case self, unstemmed', () => {
    expect(textWordKeys('ΑΘΗΝΩΝ')).toEqual(['~αθηνων']);
    expect(textWordKeys('東京')).toEqual(['~東京']);
    expect(textWordKeys('2024')).toEqual(['~2024']);
  });

  it('gives the same keys each time a word is read', () => {
    const first = textWordKeys('Санкции');

    expect(textWordKeys('Санкции')).toEqual(first);
    expect(first).toEqual(['=санкция', '~санкц']);
  });
});

describe('queryWordKeys', () => {
  it('matches a Russian query word by its lemmas and by itself as a stem, not by its own Snowball stem', () => {
    // "песков" would stem to "песк", which every form of "песок" shares; the query word keeps its whole self.
    expect(queryWordKeys('песков')).toEqual(['=песок', '~песков']);
    expect(queryWordKeys('Ёлки')).toEqual(['=елка', '~елки']);
  });

  it('reads a capitalised query word that can be a name as the name only: Песков the surname, Ростов the city', () => {
    expect(queryWordKeys('Песков')).toEqual(['=песков', '~песков']);
    expect(queryWordKeys('Ростова')).toEqual(['=ростов', '~ростова']);
    expect(queryWordKeys('ПУТИНА')).toEqual(['=путин', '~путина']);
  });

  it('reads a capitalised query word that cannot be a name by all its readings', () => {
    expect(queryWordKeys('Мир')).toEqual(['=мир', '=миро', '~мир']);
  });

  it('matches a Russian query word the dictionary lacks by its Snowball stem and by itself, once each', () => {
    expect(queryWordKeys('абырвалгами')).toEqual(['~абырвалг', '~абырвалгами']);
    expect(queryWordKeys('абырвалг')).toEqual(['~абырвалг']);
  });

  it('reads a Russian query word with a Latin look-alike letter as the Russian word', () => {
    expect(queryWordKeys('Пеcков')).toEqual(['=песков', '~песков']);
  });

  it('keys an English or other query word as a text word is keyed', () => {
    expect(queryWordKeys('Children')).toEqual(['~children', '~child']);
    expect(queryWordKeys('ΑΘΗΝΩΝ')).toEqual(['~αθηνων']);
  });
});

describe('isLemmaKey', () => {
  it('tells a dictionary lemma key from a stem key', () => {
    expect(isLemmaKey('=закон')).toBe(true);
    expect(isLemmaKey('~закон')).toBe(false);
  });
});
