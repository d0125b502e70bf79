import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../shared/webhooks/retry-schedule.js';

const now = new Date('2026-12-01T12:00:00Z');

describe('parseRetryAfter on loosely written headers', () => {
  it('reads delta-seconds and an HTTP date with whitespace around them', () => {
    expect([parseRetryAfter(' 120\t', now), parseRetryAfter('  Tue, 01 Dec 2026 12:01:00 GMT ', now)]).toEqual([120, 60]);
  });

  it('ignores an HTTP date with words before it, which JavaScript date parsing would silently skip', () => {
    expect(parseRetryAfter('soon Tue, 01 Dec 2026 12:01:00 GMT', now)).toBeUndefined();
  });
});
