import { describe, expect, it } from 'vitest';
import { isDigestDue, latestDigestSlot } from '../../shared/digests/digest-schedule.js';

const slot = (now: string, timeZone: string, frequency: 'daily' | 'weekly' = 'daily', hour = 8) =>
  latestDigestSlot(new Date(now), { timeZone, hour, frequency }).toISOString();

describe('latestDigestSlot', () => {
  it('finds 08:00 London time on both sides of the spring DST change (2026-03-29)', () => {
    expect([
      slot('2026-03-28T08:30:00Z', 'Europe/London'),
      slot('2026-03-29T06:59:59Z', 'Europe/London'),
      slot('2026-03-29T07:00:00Z', 'Europe/London'),
    ]).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z']);
  });

  it('finds 08:00 London time on both sides of the autumn DST change (2026-10-25)', () => {
    expect([slot('2026-10-25T07:30:00Z', 'Europe/London'), slot('2026-10-25T08:00:00Z', 'Europe/London')]).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
    ]);
  });

  it('uses each zone’s own clock, and a configured hour', () => {
    expect([
      slot('2026-03-29T07:30:00Z', 'Asia/Tokyo'),
      slot('2026-03-29T07:30:00Z', 'America/New_York'),
      slot('2026-03-29T07:30:00Z', 'Europe/Moscow', 'daily', 6),
    ]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-28T12:00:00.000Z', '2026-03-29T03:00:00.000Z']);
  });

  it('finds the latest Monday 08:00 for weekly digests', () => {
    expect([slot('2026-03-29T07:30:00Z', 'Europe/London', 'weekly'), slot('2026-03-30T07:00:00Z', 'Europe/London', 'weekly')]).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });
});

describe('isDigestDue', () => {
  const timing = { timeZone: 'Europe/London', hour: 8, frequency: 'daily' as const };

  it('is due once a slot has passed since the oldest waiting change, and not for a change queued after today’s slot', () => {
    expect([
      isDigestDue(new Date('2026-03-29T06:30:00Z'), new Date('2026-03-29T07:00:00Z'), timing),
      isDigestDue(new Date('2026-03-29T07:30:00Z'), new Date('2026-03-29T09:00:00Z'), timing),
      isDigestDue(new Date('2026-03-29T07:30:00Z'), new Date('2026-03-30T07:00:00Z'), timing),
    ]).toEqual([true, false, true]);
  });
});
