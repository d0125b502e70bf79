import { secretAccess } from '../access/access.js';
import type { Config } from '../config/config.js';
import { createPoliteFetcher, type PoliteFetcher } from '../http/polite-fetcher.js';

/** What both fetchers read: sozd's proxy URL (a secret, as it may carry credentials). */
export const FETCHER_ACCESS = secretAccess('dumaProxy');

/** The polite fetcher for sozd, with the configured proxy, limits and retries. */
export function createSozdFetcher(config: Config): PoliteFetcher {
  return createPoliteFetcher({
    userAgent: config.sozd.userAgent,
    timeoutMs: config.sozd.timeoutMs,
    maxBytes: config.sozd.maxBytes,
    proxyUrl: config.sozd.proxyUrl,
    maxInFlightPerHost: config.sozd.maxInFlightPerHost,
    minGapMsPerHost: config.sozd.minGapMsPerHost,
    retry: { attempts: config.sozd.retryAttempts, baseDelayMs: 500, maxDelayMs: 30_000 },
  });
}

/** The polite fetcher for news feeds: sozd's proxy and User-Agent, the feed limits. */
export function createFeedFetcher(config: Config): PoliteFetcher {
  return createPoliteFetcher({
    userAgent: config.sozd.userAgent,
    timeoutMs: config.feedFetch.timeoutMs,
    maxBytes: config.feedFetch.maxBytes,
    proxyUrl: config.sozd.proxyUrl,
    // Several feeds share a host (meduza.io, themoscowtimes.com): one request at a time to each is polite enough.
    maxInFlightPerHost: 1,
    minGapMsPerHost: config.feedFetch.minGapMsPerHost,
    retry: { attempts: config.feedFetch.retryAttempts, baseDelayMs: 500, maxDelayMs: 30_000 },
  });
}
