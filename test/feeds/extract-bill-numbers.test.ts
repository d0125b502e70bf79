import { describe, expect, it } from 'vitest';
import { extractBillNumbers } from '../../shared/feeds/extract-bill-numbers.js';

describe('extractBillNumbers', () => {
  it.each([
    ['№ 1075342-8', ['1075342-8']],
    ['Госдума рассмотрит законопроект 1075342-8 в среду', ['1075342-8']],
    ['поправки ко второму чтению законопроекта №1075342-8.', ['1075342-8']],
    ['Законопроекту N 1075342-8', ['1075342-8']],
    ['the bill No. 1075342-8 passed', ['1075342-8']],
    ['Bill no 1075342-8', ['1075342-8']],
    ['https://sozd.duma.gov.ru/bill/1075342-8', ['1075342-8']],
    ['see http://sozd.duma.gov.ru/bill/1075342-8/ and https://sozd.duma.gov.ru/bill/99010270-2?tab=events#x', ['1075342-8', '99010270-2']],
    ['законопроекты № 1-8, 2-8 и № 3-8', ['1-8', '2-8', '3-8']],
    ['bills 4-8 and 5-8;6-8', ['4-8', '5-8', '6-8']],
  ])('finds the bill numbers in %j', (text, expected) => {
    expect(extractBillNumbers(text)).toEqual(expected);
  });

  it('lists each number once, in the order first found', () => {
    expect(extractBillNumbers('№ 2-8, then bill 1-8, again законопроект 2-8 and sozd.duma.gov.ru https://sozd.duma.gov.ru/bill/1-8')).toEqual(['2-8', '1-8']);
  });

  it.each([
    ['a date', 'в 2024-10 заседание'],
    ['a phone number', 'звоните +7 495 692-80-00'],
    ['a number without context', 'счёт 12-3 в пользу'],
    ['a date after №', 'приказ № 2024-10-05'],
    ['a context word inside another word', 'подзаконопроект 5-8, billion 12-3'],
    ['a link to another site', 'https://example.com/bill/1075342-8'],
  ])('finds nothing in %s', (_case, text) => {
    expect(extractBillNumbers(text)).toEqual([]);
  });
});
