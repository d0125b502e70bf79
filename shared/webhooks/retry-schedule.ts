/**
 * Delay before each delivery attempt, attempt 1 first: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h
 * (about 27.6 hours in all), so a receiver that is down for a day still gets the alert.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

export const MAX_DELIVERY_ATTEMPTS = RETRY_SCHEDULE_MS.length;

/** Each delay is spread by up to ±20% so endpoints that failed together do not all get retried in the same second. */
export const RETRY_JITTER_RATIO = 0.2;

/** A Retry-After longer than the longest scheduled gap is cut to it: a receiver must not park a delivery for days. */
export const MAX_RETRY_AFTER_MS = 10 * 3_600_000;

/** An endpoint failing without a single success for this long is disabled. */
export const ENDPOINT_FAILURE_WINDOW_MS = 5 * 24 * 3_600_000;

export interface NextAttemptOptions {
  /** The receiver's Retry-After, in seconds (see {@link parseRetryAfter}). */
  retryAfterSeconds?: number;
  /** A number in [0, 1), `Math.random` in production; injected so tests know the jitter. */
  random: () => number;
}

/**
 * How long to wait, in ms, before the attempt after `attemptNumber` (1-based: the attempt that just failed), or
 * `undefined` when that was the last attempt. The scheduled delay gets ±20% jitter; a Retry-After that asks for longer
 * is honoured (without jitter, the receiver named the moment) up to {@link MAX_RETRY_AFTER_MS}.
 */
export function nextAttemptDelay(attemptNumber: number, options: NextAttemptOptions): number | undefined {
  const scheduled = RETRY_SCHEDULE_MS[attemptNumber];
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1 || scheduled === undefined) return undefined;
  const jittered = Math.round(scheduled * (1 + (options.random() * 2 - 1) * RETRY_JITTER_RATIO));
  const retryAfterMs = Math.min((options.retryAfterSeconds ?? 0) * 1000, MAX_RETRY_AFTER_MS);
  return Math.max(jittered, retryAfterMs);
}

/**
 * Seconds a `Retry-After` header asks for: delta-seconds or an HTTP date; `undefined` when absent or unreadable
 * (an unreadable header is ignored, not trusted).
 */
export function parseRetryAfter(header: string | undefined, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  // An HTTP date starts with the day name; without this, Date.parse would read "-5" as a year.
  if (!/^[A-Za-z]{3},/.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/**
 * What to do after an attempt:
 * - `delivered`: any 2xx;
 * - `disable-endpoint`: 410 Gone, the receiver's way of saying "stop sending";
 * - `retry`: anything else — 3xx (redirects are not followed), 4xx, 5xx, timeouts, network and SSRF refusals
 *   (DNS can change back) — while attempts remain;
 * - `failed-permanently`: the same after the last attempt.
 */
export type DeliveryVerdict = 'delivered' | 'retry' | 'disable-endpoint' | 'failed-permanently';

/** An attempt's outcome: the HTTP status the endpoint answered, or the error that kept it from answering. */
export type DeliveryOutcome = { status: number } | { error: unknown };

/** Classifies an attempt's outcome; `attemptNumber` is 1-based. See {@link DeliveryVerdict}. */
export function classifyDeliveryResponse(outcome: DeliveryOutcome, attemptNumber: number): DeliveryVerdict {
  if ('status' in outcome) {
    if (outcome.status >= 200 && outcome.status < 300) return 'delivered';
    if (outcome.status === 410) return 'disable-endpoint';
  }
  return attemptNumber < MAX_DELIVERY_ATTEMPTS ? 'retry' : 'failed-permanently';
}

/**
 * Whether an endpoint has kept failing long enough to be disabled: its oldest unbroken failure (`failingSince`, reset
 * by any success) is at least 5 days old.
 */
export function shouldDisableFailingEndpoint(failingSince: Date | undefined, now: Date): boolean {
  return failingSince !== undefined && now.getTime() - failingSince.getTime() >= ENDPOINT_FAILURE_WINDOW_MS;
}
