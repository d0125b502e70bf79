import type { FetcherSettings } from '../../shared/http/fetcher-settings.js';

export const testUserAgent = 'duma-alerts-test/1.0 (+https://example.invalid/duma-alerts)';

/** Fast settings for loopback tests; each test overrides what it is about. */
export function testSettings(overrides: Partial<FetcherSettings> = {}): FetcherSettings {
  return {
    userAgent: testUserAgent,
    timeoutMs: 2_000,
    maxBytes: 1_000_000,
    maxInFlightPerHost: 4,
    minGapMsPerHost: 0,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 10 },
    ...overrides,
  };
}
