import type { FetchError } from './fetch-error.js';

/** How persistently a failed request is retried. */
export interface RetryPolicy {
  /** Total tries including the first; 1 means never retry. */
  attempts: number;
  baseDelayMs: number;
  /** Upper bound for any wait, including one asked for by Retry-After. */
  maxDelayMs: number;
}

/** Only overload (429), server faults (5xx), timeouts and network failures may succeed on a later try. */
export function isRetryable(error: FetchError): boolean {
  if (error.reason === 'timeout' || error.reason === 'network') return true;
  if (error.reason !== 'http-status' || error.status === undefined) return false;
  return error.status === 429 || error.status >= 500;
}

/**
 * Parses a Retry-After header (delta-seconds or HTTP-date) into milliseconds from `nowMs`.
 * Returns undefined when the header is absent or unreadable, so the caller falls back to backoff.
 */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP-date form starts with a day name; Date.parse alone would also accept things like "-5" or "1.5".
  const at = /^[A-Za-z]{3}/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * Wait before try number `failedAttempt + 1`: the server's Retry-After when given, otherwise full jitter
 * (uniform between 0 and an exponentially growing ceiling) so many pollers do not retry in lockstep.
 * Always capped at `maxDelayMs`.
 */
export function retryDelayMs(
  failedAttempt: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs: number | undefined,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.floor(random() * ceiling);
}
