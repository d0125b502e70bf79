import { describe, expect, it } from 'vitest';
import { russianReadings } from '../../shared/topics/russian-dictionary.js';

describe('russianReadings', () => {
  it('gives each lemma a word may be a form of once, however many forms of it the word is', () => {
    // "закон" is the nominative and the accusative; "стали" four forms of сталь and one of стать.
    expect(russianReadings('закон')).toEqual([{ lemma: 'закон', proper: false }]);
    expect(russianReadings('стали')).toEqual([
      { lemma: 'стать', proper: false },
      { lemma: 'сталь', proper: false },
    ]);
  });

  it('tells names of people, places and organisations from common words', () => {
    expect(russianReadings('Иван')).toEqual([{ lemma: 'иван', proper: true }]);
    expect(russianReadings('Иванович')).toEqual([{ lemma: 'иван', proper: true }]);
    expect(russianReadings('Песков')).toEqual([
      { lemma: 'песок', proper: false },
      { lemma: 'песков', proper: true },
    ]);
    expect(russianReadings('Москва')).toEqual([{ lemma: 'москва', proper: true }]);
    expect(russianReadings('Газпром')).toEqual([{ lemma: 'газпром', proper: true }]);
  });

  it('keeps a name and a common word with the same lemma apart', () => {
    expect(russianReadings('Роза')).toEqual([
      { lemma: 'роза', proper: false },
      { lemma: 'роза', proper: true },
    ]);
  });

  it('gives a lower-case word no name readings', () => {
    expect(russianReadings('песков')).toEqual([{ lemma: 'песок', proper: false }]);
  });

  it('lower-cases lemmas and keeps ё in them', () => {
    expect(russianReadings('ЁЛКИ')).toEqual([{ lemma: 'ёлка', proper: false }]);
  });

  it('reads a word as written, not with a doubled letter read as one: "ссуда" is no form of суд, "Анна" no form of ана', () => {
    // Arrange
    const words = ['ссуда', 'ссуд', 'сумма', 'Анна', 'касса'];

    // Act
    const readings = words.map((word) => russianReadings(word));

    // Assert
    expect(readings).toEqual([
      [{ lemma: 'ссуда', proper: false }],
      [{ lemma: 'ссуда', proper: false }],
      [{ lemma: 'сумма', proper: false }],
      [{ lemma: 'анна', proper: true }],
      [{ lemma: 'касса', proper: false }],
    ]);
  });

  it('gives no readings for a word the dictionary lacks, rather than a lemma guessed from its suffix', () => {
    expect(russianReadings('абырвалгами')).toEqual([]);
    expect(russianReadings('Шнобелевскому')).toEqual([]);
  });
});
