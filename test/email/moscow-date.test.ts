import { describe, expect, it } from 'vitest';
import { formatMoscowDate } from '../../shared/email/moscow-date.js';

describe('formatMoscowDate', () => {
  it('shows a Moscow-offset date as written, in both languages', () => {
    expect(formatMoscowDate('2022-06-01T14:39:34+03:00', 'en')).toBe('1 June 2022, 14:39 MSK');
    expect(formatMoscowDate('2022-06-01T14:39:34+03:00', 'ru')).toBe('1 июня 2022, 14:39 МСК');
  });

  it('converts a UTC moment to Moscow wall-clock time across midnight and the year end', () => {
    expect(formatMoscowDate('2022-12-31T21:05:00Z', 'en')).toBe('1 January 2023, 00:05 MSK');
    expect(formatMoscowDate('2022-12-31T21:05:00Z', 'ru')).toBe('1 января 2023, 00:05 МСК');
  });

  it('uses the historical Moscow offset (+04:00 in 2012)', () => {
    expect(formatMoscowDate('2012-03-15T08:00:00Z', 'en')).toBe('15 March 2012, 12:00 MSK');
  });

  it('refuses a string that is not a date', () => {
    expect(() => formatMoscowDate('yesterday', 'en')).toThrow(RangeError);
  });
});
