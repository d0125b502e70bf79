import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';
import { BlockedAddressError, checkOutboundUrl, isPublicAddress, normaliseAllowedHost } from './ssrf-guard.js';

/** One address a hostname resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a hostname to every address it has; injectable so tests can play a hostile DNS server. */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface SafeHttpClientOptions {
  /** Deadline for the whole exchange, connect to last body byte. Default 15 s. */
  timeoutMs?: number;
  /** Response bytes kept; the rest is not read. Default 64 KiB. */
  maxResponseBytes?: number;
  /** `host:port` pairs an operator allows for local runs: http and non-public addresses are permitted for exactly those. */
  allowHosts?: readonly string[];
  lookup?: HostResolver;
}

export interface SafeHttpResponse {
  status: number;
  headers: Record<string, string>;
  /** The response body as UTF-8, cut at `maxResponseBytes`. */
  bodyText: string;
  /** True when the body was longer than `maxResponseBytes` and the rest was dropped unread. */
  bodyTruncated: boolean;
  /** The `Location` of a 3xx, which is reported and never followed. */
  redirectLocation?: string;
}

export interface SafeHttpClient {
  /**
   * POSTs to a user-supplied URL under the SSRF policy.
   * @throws BlockedAddressError, SafeHttpTimeoutError or SafeHttpNetworkError; any HTTP status is a response, not an error
   */
  post(url: string, init: { headers: Record<string, string>; body: string }): Promise<SafeHttpResponse>;
  /** Closes the pooled connections. */
  close(): Promise<void>;
}

/** The exchange did not finish within `timeoutMs`. */
export class SafeHttpTimeoutError extends Error {
  override readonly name = 'SafeHttpTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`no complete response within ${timeoutMs} ms`);
  }
}

/** The connection failed: refused, reset, DNS failure, TLS error. */
export class SafeHttpNetworkError extends Error {
  override readonly name = 'SafeHttpNetworkError';
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

const systemResolver: HostResolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** The first address the resolution returns that the policy refuses, if any. */
function firstNonPublic(addresses: readonly ResolvedAddress[]): ResolvedAddress | undefined {
  return addresses.find(({ address }) => !isPublicAddress(address));
}

function blockedResolution(hostname: string, address: ResolvedAddress): BlockedAddressError {
  return new BlockedAddressError(hostname, `resolves to ${address.address}, which is not a public address`);
}

/**
 * A `net.connect` lookup that runs the resolver and, when guarding, refuses the connection if any answer is non-public.
 * Checking here, on the very answer the socket connects to, is what defeats DNS rebinding: there is no second lookup
 * between the check and the connect. A mixed answer (public + private) is refused as a whole.
 */
function connectLookup(resolve: HostResolver, guard: boolean) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    resolve(hostname).then(
      (resolved) => {
        const blocked = guard ? firstNonPublic(resolved) : undefined;
        if (blocked) return callback(blockedResolution(hostname, blocked), '');
        const usable = resolved.filter(({ family }) => !options.family || options.family === family);
        const first = usable[0];
        if (!first) return callback(new SafeHttpNetworkError(`${hostname} has no usable address`), '');
        if (options.all) return callback(null, usable.map(({ address, family }) => ({ address, family })));
        return callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new SafeHttpNetworkError(String(error)), ''),
    );
  };
}

function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Reads at most `maxBytes` of the body and abandons the rest, so a hostile endpoint cannot make us buffer gigabytes. */
async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    if (kept + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - kept));
      body.destroy();
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(buffer);
    kept += buffer.length;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

/**
 * An HTTP client for user-supplied URLs (webhooks, Slack) that cannot be pointed at our own network: see
 * {@link checkOutboundUrl} for the URL rules; hostnames are checked on the resolved address at connect time.
 * Redirects are never followed. Allow-listed `host:port` pairs go through a separate, unguarded connection pool,
 * so the exemption cannot leak to another port of the same host.
 * @throws Error when an `allowHosts` entry is not `host:port`
 */
export function createSafeHttpClient(options: SafeHttpClientOptions = {}): SafeHttpClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const resolve = options.lookup ?? systemResolver;
  const allowedHosts = new Set((options.allowHosts ?? []).map(normaliseAllowedHost));
  const guardedAgent = new Agent({ connect: { lookup: connectLookup(resolve, true), timeout: timeoutMs } });
  const allowedAgent = new Agent({ connect: { lookup: connectLookup(resolve, false), timeout: timeoutMs } });

  async function post(rawUrl: string, init: { headers: Record<string, string>; body: string }): Promise<SafeHttpResponse> {
    const verdict = checkOutboundUrl(rawUrl, allowedHosts);
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      if (!verdict.operatorAllowed && isIP(verdict.hostname) === 0) {
        // Fails fast, before any socket exists, for the common case; the connect-time check stays the guarantee.
        const blocked = firstNonPublic(await resolve(verdict.hostname));
        if (blocked) throw blockedResolution(verdict.hostname, blocked);
      }
      const response = await request(verdict.url, {
        method: 'POST',
        headers: init.headers,
        body: init.body,
        signal,
        dispatcher: verdict.operatorAllowed ? allowedAgent : guardedAgent,
      });
      const { text, truncated } = await readCapped(response.body, maxResponseBytes);
      const headers = flattenHeaders(response.headers);
      const location = response.statusCode >= 300 && response.statusCode < 400 ? headers.location : undefined;
      return {
        status: response.statusCode,
        headers,
        bodyText: text,
        bodyTruncated: truncated,
        ...(location !== undefined ? { redirectLocation: location } : {}),
      };
    } catch (error) {
      if (error instanceof BlockedAddressError) throw error;
      if (isTimeout(error, signal)) throw new SafeHttpTimeoutError(timeoutMs);
      throw new SafeHttpNetworkError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  return {
    post,
    close: async () => {
      await Promise.all([guardedAgent.close(), allowedAgent.close()]);
    },
  };
}
