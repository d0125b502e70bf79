import { describe, expect, it } from 'vitest';
import { moscowLocalToIso } from '../../shared/sozd/moscow-time.js';

describe('moscowLocalToIso', () => {
  it.each([
    ['2010-01-15T12:00:00', '2010-01-15T12:00:00+03:00'], // winter before 2011: standard time
    ['2010-07-15T12:00:00', '2010-07-15T12:00:00+04:00'], // summer before 2011: DST
    ['2011-03-27T01:59:59', '2011-03-27T01:59:59+03:00'], // the last second before the permanent switch
    ['2011-03-27T03:00:00', '2011-03-27T03:00:00+04:00'], // the first second after it
    ['2012-01-10T09:30:00', '2012-01-10T09:30:00+04:00'], // a winter of the 2011–2014 "permanent summer"
    ['2014-10-26T00:59:59', '2014-10-26T00:59:59+04:00'],
    ['2014-10-26T02:00:00', '2014-10-26T02:00:00+03:00'], // back to +03:00 for good
    ['2022-06-01T14:39:34', '2022-06-01T14:39:34+03:00'],
    ['1996-03-18T02:00', '1996-03-18T02:00:00+03:00'], // seconds are optional
  ])('reads Moscow wall-clock %s as %s', (local, iso) => {
    expect(moscowLocalToIso(local)).toBe(iso);
  });

  it('names the same instant as the offset says', () => {
    expect(Date.parse(moscowLocalToIso('2013-07-24T23:59:59') ?? '')).toBe(Date.parse('2013-07-24T19:59:59Z'));
  });

  it.each(['', 'завтра', '1900-01-01T00:00:00', '2022-02-30T10:00:00', '2022-06-01T24:00:00', '2022-06-01', '2022-06-01T14:39:34Z'])(
    'returns undefined for %j, which is no Moscow date-time ISO 8601 can write',
    (text) => {
      expect(moscowLocalToIso(text)).toBeUndefined();
    },
  );
});
