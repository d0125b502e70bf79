/** After this many polls in a row that the source answered "no such bill", the bill leaves the watch list. */
export const MISSING_POLL_LIMIT = 12;
// A bill announced minutes before its page appears is read again on the next cycles without delay.
const IMMEDIATE_RETRIES = 3;
const FIRST_RETRY_MS = 3600_000;
const LONGEST_RETRY_MS = 24 * 3600_000;

/**
 * When to ask the source again about a bill it said does not exist, after `misses` such answers in a row: at the
 * next cycles for the first few, then an hour later, doubling up to a day. Undefined once `misses` reaches
 * {@link MISSING_POLL_LIMIT} (about four days of asking): a well-formed number nobody registered must not be
 * polled forever.
 */
export function missingRetryAt(misses: number, at: Date): Date | undefined {
  if (misses >= MISSING_POLL_LIMIT) return undefined;
  if (misses <= IMMEDIATE_RETRIES) return at;
  return new Date(at.getTime() + Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (misses - IMMEDIATE_RETRIES - 1)));
}
