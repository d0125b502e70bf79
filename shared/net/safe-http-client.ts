import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import {
  blockedResolution,
  checkedLookup,
  firstNonPublic,
  resolveWithin,
  systemResolver,
  type HostResolver,
} from './checked-lookup.js';
import { createDnsResolver } from './dns-resolver.js';
import { GuardedHttpsAgent } from './guarded-https-agent.js';
import { BlockedAddressError, checkOutboundUrl, normaliseAllowedHost, type OutboundUrlVerdict } from './ssrf-guard.js';

export type { HostResolver, ResolvedAddress } from './checked-lookup.js';

export interface SafeHttpClientOptions {
  /** Deadline for the whole exchange, connect to last body byte. Default 15 s. */
  timeoutMs?: number;
  /** Response bytes kept; the rest is not read. Default 64 KiB. */
  maxResponseBytes?: number;
  /** `host:port` pairs an operator allows for local runs: http and non-public addresses are permitted for exactly those. */
  allowHosts?: readonly string[];
  /**
   * Resolves every hostname (tests play hostile DNS with it). By default user-supplied names go to DNS through
   * c-ares within the deadline ({@link createDnsResolver}) and allow-listed hosts through the system resolver.
   */
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

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Reads at most `maxBytes` of the body and abandons the rest, so a hostile endpoint cannot make us buffer gigabytes. */
async function readCapped(body: IncomingMessage, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const buffer of body as AsyncIterable<Buffer>) {
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

/** POSTs `body` and resolves once the response headers arrive; `signal` aborts it at any stage. */
function send(
  verdict: OutboundUrlVerdict,
  agent: HttpAgent,
  init: { headers: Record<string, string>; body: string },
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const { url, hostname } = verdict;
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)(
      {
        host: hostname,
        port: Number(url.port || (secure ? 443 : 80)),
        method: 'POST',
        path: `${url.pathname}${url.search}`,
        headers: init.headers,
        agent,
        signal,
      },
      resolve,
    );
    // Errors after the response belong to its body stream; a settled promise ignores them.
    request.on('error', reject);
    request.end(init.body);
  });
}

/**
 * An HTTP client for user-supplied URLs (webhooks, Slack) that cannot be pointed at our own network: see
 * {@link checkOutboundUrl} for the URL rules; hostnames are checked on the resolved address at connect time, and the
 * address the socket reached is checked again before anything is sent. Redirects are never followed. Allow-listed `host:port` pairs go through a separate, unguarded connection pool,
 * so the exemption cannot leak to another port of the same host.
 * @throws Error when an `allowHosts` entry is not `host:port`
 */
export function createSafeHttpClient(options: SafeHttpClientOptions = {}): SafeHttpClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const resolve = options.lookup ?? createDnsResolver({ timeoutMs });
  const allowedHosts = new Set((options.allowHosts ?? []).map(normaliseAllowedHost));
  const guardedAgent = new GuardedHttpsAgent(checkedLookup(resolve, true, timeoutMs), timeoutMs);
  const unguarded = { keepAlive: true, lookup: checkedLookup(options.lookup ?? systemResolver, false, timeoutMs) };
  const allowedHttpAgent = new HttpAgent(unguarded);
  const allowedHttpsAgent = new HttpsAgent(unguarded);
  const agentFor = ({ operatorAllowed, url }: OutboundUrlVerdict): HttpAgent => {
    if (!operatorAllowed) return guardedAgent;
    return url.protocol === 'https:' ? allowedHttpsAgent : allowedHttpAgent;
  };

  async function post(rawUrl: string, init: { headers: Record<string, string>; body: string }): Promise<SafeHttpResponse> {
    const verdict = checkOutboundUrl(rawUrl, allowedHosts);
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      if (!verdict.operatorAllowed && isIP(verdict.hostname) === 0) {
        // Fails fast, before any socket exists, for the common case; the connect-time check stays the guarantee.
        const blocked = firstNonPublic(await resolveWithin(resolve, verdict.hostname, signal));
        if (blocked) throw blockedResolution(verdict.hostname, blocked);
      }
      const response = await send(verdict, agentFor(verdict), init, signal);
      const { text, truncated } = await readCapped(response, maxResponseBytes);
      const status = response.statusCode ?? 0;
      const headers = flattenHeaders(response.headers);
      const location = status >= 300 && status < 400 ? headers.location : undefined;
      return {
        status,
        headers,
        bodyText: text,
        bodyTruncated: truncated,
        ...(location !== undefined ? { redirectLocation: location } : {}),
      };
    } catch (error) {
      if (error instanceof BlockedAddressError) throw error;
      if (signal.aborted) throw new SafeHttpTimeoutError(timeoutMs);
      throw new SafeHttpNetworkError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  return {
    post,
    close: async () => {
      for (const agent of [guardedAgent, allowedHttpAgent, allowedHttpsAgent]) agent.destroy();
    },
  };
}
