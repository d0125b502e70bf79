import { rootCertificates } from 'node:tls';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import type { FetcherSettings } from './fetcher-settings.js';

/**
 * The undici dispatcher for the fetcher: a plain keep-alive Agent, or a ProxyAgent when a proxy is set
 * (the Duma's sites are often reachable only through a proxy with a Russian exit).
 * Through the proxy, http:// targets go as absolute-URI requests and https:// targets through a CONNECT tunnel;
 * credentials in the proxy URL become a Proxy-Authorization header.
 */
export function createFetchDispatcher(settings: FetcherSettings): Dispatcher {
  const tls = settings.extraCaCertificates
    ? { ca: [...rootCertificates, ...settings.extraCaCertificates] }
    : {};
  // undici's own timers match the fetcher's, so whichever fires first is reported as the same timeout.
  const common = {
    connectTimeout: settings.timeoutMs,
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
  };
  if (settings.proxyUrl === undefined) return new Agent({ ...common, connect: tls });
  // Tunnelling plain-http targets too would break on proxies that allow CONNECT to port 443 only.
  return new ProxyAgent({ ...common, uri: settings.proxyUrl, proxyTunnel: false, requestTls: tls });
}
