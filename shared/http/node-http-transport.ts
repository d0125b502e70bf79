import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { FetcherSettings } from './fetcher-settings.js';
import type { HttpTransport, TransportRequest } from './http-transport.js';
import {
  parseProxyEndpoint,
  proxyAuthorizationHeader,
  ProxyRefusedError,
  socketHost,
  socketPort,
  TunnellingAgent,
} from './proxy-tunnel.js';
import { abandonBody } from './read-capped-body.js';

/**
 * The fetcher's transport on node:http/node:https, with keep-alive Agents owned by this instance. With a proxy
 * (the Duma's sites are often reachable only through one with a Russian exit), http:// targets go to it as
 * absolute-URI requests and https:// targets through a CONNECT tunnel; credentials in the proxy URL become a
 * Proxy-Authorization header. Tunnelling plain-http targets too would break on proxies that allow CONNECT to 443 only.
 */
export function createNodeHttpTransport(settings: FetcherSettings): HttpTransport {
  const tls = settings.extraCaCertificates ? { ca: [...rootCertificates, ...settings.extraCaCertificates] } : {};
  const proxy = settings.proxyUrl === undefined ? undefined : parseProxyEndpoint(settings.proxyUrl);
  const httpsAgent = proxy
    ? new TunnellingAgent(proxy, settings.timeoutMs, { keepAlive: true, ...tls })
    : new HttpsAgent({ keepAlive: true, ...tls });
  // Carries plain-http targets: straight to them, or to the proxy (over TLS when the proxy itself is https://).
  const httpAgent = proxy?.url.protocol === 'https:' ? new HttpsAgent({ keepAlive: true, ...tls }) : new HttpAgent({ keepAlive: true });

  async function viaProxy({ url, method, headers, signal }: TransportRequest, proxyUrl: URL): Promise<IncomingMessage> {
    const response = await send(
      {
        host: socketHost(proxyUrl),
        port: socketPort(proxyUrl),
        method,
        path: url.href,
        headers: { ...headers, host: url.host, ...proxyAuthorizationHeader(proxy!) },
        agent: httpAgent,
        signal,
      },
      proxyUrl.protocol === 'https:',
    );
    if (response.statusCode === 407) {
      abandonBody(response);
      throw new ProxyRefusedError(`proxy refused the request: HTTP 407`);
    }
    return response;
  }

  return {
    async request(request) {
      const { url, method, headers, signal } = request;
      const secure = url.protocol === 'https:';
      const response =
        proxy && !secure
          ? await viaProxy(request, proxy.url)
          : await send(
              {
                host: socketHost(url),
                port: socketPort(url),
                method,
                path: `${url.pathname}${url.search}`,
                headers,
                agent: secure ? httpsAgent : httpAgent,
                signal,
              },
              secure,
            );
      return { statusCode: response.statusCode ?? 0, headers: response.headers, body: response };
    },
    async close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

/** Sends a body-less request and resolves with the response once its headers arrive. */
function send(options: RequestOptions, secure: boolean): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)(options, resolve);
    // Errors after the response belong to its body stream; a settled promise ignores them.
    request.on('error', reject);
    request.end();
  });
}
