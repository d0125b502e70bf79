import { describe, expect, it } from 'vitest';
import {
  classifyDeliveryResponse,
  MAX_DELIVERY_ATTEMPTS,
  nextAttemptDelay,
  parseRetryAfter,
  shouldDisableFailingEndpoint,
} from '../../shared/webhooks/retry-schedule.js';

const noJitter = () => 0.5;
const HOUR = 3_600_000;

describe('nextAttemptDelay', () => {
  it('follows 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after attempts 1..7 and stops after attempt 8', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => nextAttemptDelay(attempt, { random: noJitter }));
    expect(delays).toEqual([5_000, 300_000, 1_800_000, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR, undefined]);
    expect(MAX_DELIVERY_ATTEMPTS).toBe(8);
  });

  it('spreads a delay by exactly -20% and +20% at the extremes of random', () => {
    expect(nextAttemptDelay(2, { random: () => 0 })).toBe(240_000);
    expect(nextAttemptDelay(2, { random: () => 0.999999 })).toBe(360_000);
    expect(nextAttemptDelay(1, { random: () => 0.75 })).toBe(5_500);
  });

  it('waits as long as Retry-After asks when that is longer than the schedule, without jitter', () => {
    expect(nextAttemptDelay(1, { retryAfterSeconds: 120, random: () => 0 })).toBe(120_000);
  });

  it('keeps the schedule when Retry-After asks for less', () => {
    expect(nextAttemptDelay(3, { retryAfterSeconds: 1, random: noJitter })).toBe(1_800_000);
  });

  it('caps a Retry-After of a week at 10 hours', () => {
    expect(nextAttemptDelay(1, { retryAfterSeconds: 7 * 24 * 3600, random: noJitter })).toBe(10 * HOUR);
  });

  it('has no next attempt for nonsense attempt numbers', () => {
    expect([0, -1, 1.5, 99].map((attempt) => nextAttemptDelay(attempt, { random: noJitter }))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2025-03-01T12:00:00Z');

  it('reads delta-seconds and HTTP dates, and ignores what it cannot read', () => {
    expect([
      parseRetryAfter('120', now),
      parseRetryAfter('Sat, 01 Mar 2025 12:01:30 GMT', now),
      parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now),
      parseRetryAfter('soon', now),
      parseRetryAfter('-5', now),
      parseRetryAfter(undefined, now),
    ]).toEqual([120, 90, 0, undefined, undefined, undefined]);
  });

  it('ignores a date it cannot parse rather than returning NaN', () => {
    expect([parseRetryAfter('Sat, 99 Foo 2025 25:61:00 GMT', now), parseRetryAfter('Mon, tomorrow', now)]).toEqual([undefined, undefined]);
  });

  it('does not trust delta-seconds followed by anything else', () => {
    expect([parseRetryAfter('120abc', now), parseRetryAfter('120 s', now), parseRetryAfter('1.5', now)]).toEqual([undefined, undefined, undefined]);
  });
});

describe('classifyDeliveryResponse', () => {
  it('maps statuses and errors to verdicts on a middle attempt, 300 being no success', () => {
    const outcomes = [{ status: 200 }, { status: 204 }, { status: 299 }, { status: 300 }, { status: 302 }, { status: 400 }, { status: 410 },
      { status: 429 }, { status: 500 }, { status: 199 }, { error: new Error('ECONNREFUSED') }];
    expect(outcomes.map((outcome) => classifyDeliveryResponse(outcome, 3))).toEqual([
      'delivered', 'delivered', 'delivered', 'retry', 'retry', 'retry', 'disable-endpoint', 'retry', 'retry', 'retry', 'retry',
    ]);
  });

  it('fails permanently instead of retrying after the 8th attempt, but still honours success and 410', () => {
    const outcomes = [{ status: 500 }, { status: 301 }, { error: new Error('timeout') }, { status: 201 }, { status: 410 }];
    expect(outcomes.map((outcome) => classifyDeliveryResponse(outcome, 8))).toEqual([
      'failed-permanently', 'failed-permanently', 'failed-permanently', 'delivered', 'disable-endpoint',
    ]);
  });
});

describe('shouldDisableFailingEndpoint', () => {
  const now = new Date('2025-03-06T12:00:00Z');

  it('disables after exactly 5 days of failing, not a millisecond before, and never a healthy endpoint', () => {
    expect([
      shouldDisableFailingEndpoint(new Date('2025-03-01T12:00:00Z'), now),
      shouldDisableFailingEndpoint(new Date('2025-03-01T12:00:00.001Z'), now),
      shouldDisableFailingEndpoint(undefined, now),
    ]).toEqual([true, false, false]);
  });
});
