import { describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/http/fetch-error.js';
import { isRetryable, parseRetryAfterMs, retryDelayMs } from '../../shared/http/retry-policy.js';

const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
const now = Date.parse('2025-11-26T12:00:00Z');

describe('parseRetryAfterMs', () => {
  it.each([
    ['delta seconds', '7', 7_000],
    ['zero', '0', 0],
    ['padded seconds', ' 3 ', 3_000],
    ['HTTP-date in the future', 'Wed, 26 Nov 2025 12:00:05 GMT', 5_000],
    ['HTTP-date in the past', 'Wed, 26 Nov 2025 11:59:00 GMT', 0],
  ])('reads %s', (_label, header, expected) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });

  it.each([undefined, '', 'soon', '-5', '1.5'])('returns undefined for %j', (header) => {
    expect(parseRetryAfterMs(header, now)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('uses the full-jitter ceiling base * 2^(attempt-1), capped at maxDelayMs', () => {
    const almostOne = () => 0.999_999;

    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, policy, almostOne, undefined))).toEqual([
      99, 199, 399, 799, 999,
    ]);
  });

  it('can wait nothing at all when the jitter draws zero', () => {
    expect(retryDelayMs(3, policy, () => 0, undefined)).toBe(0);
  });

  it('prefers Retry-After over backoff, capped at maxDelayMs', () => {
    expect(retryDelayMs(1, policy, () => 0.5, 300)).toBe(300);
    expect(retryDelayMs(1, policy, () => 0.5, 60_000)).toBe(1_000);
  });
});

describe('isRetryable', () => {
  const failure = (reason: FetchError['reason'], status?: number) =>
    new FetchError('x', { reason, url: 'https://sozd.duma.gov.ru/', ...(status === undefined ? {} : { status }) });

  it('retries 429, 5xx, timeouts and network failures only', () => {
    expect(
      [
        failure('http-status', 429),
        failure('http-status', 500),
        failure('http-status', 503),
        failure('timeout'),
        failure('network'),
        failure('http-status', 400),
        failure('http-status', 403),
        failure('not-found', 404),
        failure('too-large'),
        failure('invalid-url'),
        failure('redirect-refused'),
        failure('too-many-redirects'),
      ].map(isRetryable),
    ).toEqual([true, true, true, true, true, false, false, false, false, false, false, false]);
  });
});
