import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { systemClock, type Clock } from './clock.js';
import { FetchError } from './fetch-error.js';
import type { FetchConditions, FetchResult } from './fetch-result.js';
import { parseFetcherSettings, type FetcherSettings } from './fetcher-settings.js';
import { HostLimiter } from './host-limiter.js';
import type { TransportResponse } from './http-transport.js';
import { ACCEPT_ENCODING, ContentEncodingError, decodeContentEncoding } from './decode-content-encoding.js';
import { createNodeHttpTransport } from './node-http-transport.js';
import { abandonBody, BodyTooLargeError, discardBody, readCappedBody } from './read-capped-body.js';
import { isRetryable, parseRetryAfterMs, retryDelayMs } from './retry-policy.js';
import { redirectStatuses, sameHostRedirectTarget } from './same-host-redirect.js';

/** Settings plus an optional injected clock (now, sleep, random) for tests. */
export type PoliteFetcherOptions = FetcherSettings & Partial<Clock>;

/** Polls pages politely; one instance per process, shared by all polls so per-host limits hold. */
export interface PoliteFetcher {
  /**
   * GETs `url` conditionally. Resolves to not-modified, unchanged (same sha256 as `previousHash`) or fetched;
   * throws FetchError for everything else, after retrying 429/5xx/timeouts/network failures.
   */
  get(url: string, conditions?: FetchConditions): Promise<FetchResult>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

const maxRedirects = 3;
/** A status answer's body is read to this size so its connection can be reused; past it closing is cheaper. */
const reusableRemainderBytes = 64 * 1024;

type HopOutcome = FetchResult | { kind: 'redirect'; location: string | undefined };

/**
 * Creates the polite fetcher: clear User-Agent, per-request timeout, streamed size cap, conditional GET,
 * content hash, jittered retries honouring Retry-After, per-host concurrency and spacing, optional proxy.
 * Throws a readable error when the options are invalid.
 */
export function createPoliteFetcher(options: PoliteFetcherOptions): PoliteFetcher {
  const { now, sleep, random, ...rawSettings } = options;
  const settings = parseFetcherSettings(rawSettings);
  const clock: Clock = {
    now: now ?? systemClock.now,
    sleep: sleep ?? systemClock.sleep,
    random: random ?? systemClock.random,
  };
  const transport = createNodeHttpTransport(settings);
  const limiter = new HostLimiter(
    { maxInFlight: settings.maxInFlightPerHost, minGapMs: settings.minGapMsPerHost },
    clock,
  );

  async function requestOnce(url: URL, conditions: FetchConditions): Promise<HopOutcome> {
    const release = await limiter.acquire(url.host);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), settings.timeoutMs);
    try {
      const response = await transport.request({
        url,
        method: 'GET',
        headers: requestHeaders(settings.userAgent, conditions),
        signal: abort.signal,
      });
      return await interpretResponse(url, response, conditions, settings.maxBytes, clock.now());
    } catch (error) {
      throw toFetchError(error, url, abort.signal.aborted, settings);
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  async function fetchFollowingRedirects(url: URL, conditions: FetchConditions): Promise<FetchResult> {
    let current = url;
    for (let redirects = 0; ; redirects += 1) {
      const outcome = await requestOnce(current, conditions);
      if (outcome.kind !== 'redirect') return outcome;
      if (redirects === maxRedirects) {
        throw new FetchError(`GET ${url.href} redirected more than ${maxRedirects} times`, {
          reason: 'too-many-redirects',
          url: url.href,
        });
      }
      current = sameHostRedirectTarget(current, outcome.location);
    }
  }

  return {
    async get(rawUrl, conditions = {}) {
      const url = parseTargetUrl(rawUrl);
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await fetchFollowingRedirects(url, conditions);
        } catch (error) {
          const failure = error as FetchError;
          if (!isRetryable(failure) || attempt >= settings.retry.attempts) throw failure;
          await clock.sleep(retryDelayMs(attempt, settings.retry, clock.random, failure.retryAfterMs));
        }
      }
    },
    close: () => transport.close(),
  };
}

function parseTargetUrl(rawUrl: string): URL {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch (cause) {
    throw new FetchError(`Not a valid URL: ${JSON.stringify(rawUrl)}`, { reason: 'invalid-url', url: rawUrl, cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`Only http:// and https:// URLs can be fetched, not ${url.protocol}`, {
      reason: 'invalid-url',
      url: rawUrl,
    });
  }
  return url;
}

function requestHeaders(userAgent: string, conditions: FetchConditions): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, 'accept-encoding': ACCEPT_ENCODING };
  if (conditions.etag !== undefined) headers['if-none-match'] = conditions.etag;
  if (conditions.lastModified !== undefined) headers['if-modified-since'] = conditions.lastModified;
  return headers;
}

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function interpretResponse(
  url: URL,
  response: TransportResponse,
  conditions: FetchConditions,
  maxBytes: number,
  nowMs: number,
): Promise<HopOutcome> {
  const { statusCode: status, headers, body } = response;
  if (status >= 200 && status < 300) {
    if (Number(singleHeader(headers, 'content-length') ?? 0) > maxBytes) {
      abandonBody(body);
      throw new BodyTooLargeError(`declared length exceeds ${maxBytes} bytes`);
    }
    const contentEncoding = singleHeader(headers, 'content-encoding');
    // A compressed body is read whole: its needed head is only known once decoded.
    const compressed = contentEncoding !== undefined && contentEncoding.trim().toLowerCase() !== 'identity';
    const reader = conditions.bodyReader?.();
    const raw = await readCappedBody(body, maxBytes, compressed ? undefined : reader?.neededBytes?.bind(reader));
    const bytes = await decodeContentEncoding(raw, contentEncoding, maxBytes);
    // Only the part of the page that carries meaning is hashed: faster on large pages, and blind to noise around it.
    const hash = createHash('sha256').update(reader?.significantBytes?.(bytes) ?? bytes).digest('hex');
    const validators = {
      ...optional('etag', singleHeader(headers, 'etag')),
      ...optional('lastModified', singleHeader(headers, 'last-modified')),
    };
    if (hash === conditions.previousHash) return { kind: 'unchanged', hash, ...validators };
    return {
      kind: 'fetched',
      status,
      body: bytes,
      hash,
      ...validators,
      ...optional('contentType', singleHeader(headers, 'content-type')),
      finalUrl: url.href,
    };
  }
  await discardBody(body, reusableRemainderBytes);
  if (status === 304) return { kind: 'not-modified' };
  if (redirectStatuses.has(status)) return { kind: 'redirect', location: singleHeader(headers, 'location') };
  if (status === 404 || status === 410) {
    throw new FetchError(`GET ${url.href} answered ${status}: no such page (yet)`, {
      reason: 'not-found',
      url: url.href,
      status,
    });
  }
  throw new FetchError(`GET ${url.href} answered HTTP ${status}`, {
    reason: 'http-status',
    url: url.href,
    status,
    ...optional('retryAfterMs', parseRetryAfterMs(singleHeader(headers, 'retry-after'), nowMs)),
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function toFetchError(error: unknown, url: URL, aborted: boolean, settings: FetcherSettings): FetchError {
  if (error instanceof FetchError) return error;
  if (aborted) {
    return new FetchError(`GET ${url.href} timed out after ${settings.timeoutMs} ms`, {
      reason: 'timeout',
      url: url.href,
      cause: error,
    });
  }
  if (error instanceof BodyTooLargeError) {
    return new FetchError(`GET ${url.href} response is larger than ${settings.maxBytes} bytes`, {
      reason: 'too-large',
      url: url.href,
      cause: error,
    });
  }
  if (error instanceof ContentEncodingError) {
    return new FetchError(`GET ${url.href} sent a body that cannot be decoded: ${error.message}`, { reason: 'bad-encoding', url: url.href, cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new FetchError(`GET ${url.href} failed: ${detail}`, { reason: 'network', url: url.href, cause: error });
}
