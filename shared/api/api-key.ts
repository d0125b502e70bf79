import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when `given` is the admin API key. Both sides are hashed first so the comparison is constant-time
 * whatever their lengths; with no key configured, nothing is accepted.
 */
export function verifyApiKey(given: string | undefined, expected: string | undefined): boolean {
  if (!expected || given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
