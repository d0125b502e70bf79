import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPoliteFetcher } from '../../shared/http/polite-fetcher.js';
import type { BillSource } from '../../shared/sozd/bill-source.js';
import { createSozdHttpSource } from '../../shared/sozd/sozd-http-source.js';

/** The real sozd source reading a test's loopback page server: one attempt, no pacing, so a test sees each answer. */
export function pageServerSource(server: Server): BillSource {
  return pageSourceAt(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

/** {@link pageServerSource} for a page server known by its base URL. */
export function pageSourceAt(baseUrl: string): BillSource {
  const fetcher = createPoliteFetcher({
    userAgent: 'duma-alerts-test/1.0',
    timeoutMs: 5000,
    maxBytes: 1 << 20,
    maxInFlightPerHost: 2,
    minGapMsPerHost: 0,
    retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
  });
  return createSozdHttpSource(fetcher, baseUrl);
}
