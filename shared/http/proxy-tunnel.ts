import { request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type AgentOptions, type RequestOptions } from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';

/** The proxy refused or could not open the way to the target; the message names the status, never the credentials. */
export class ProxyRefusedError extends Error {
  override readonly name = 'ProxyRefusedError';
}

/** Where the proxy is (credentials removed) and the Proxy-Authorization its URL's credentials give, if any. */
export interface ProxyEndpoint {
  url: URL;
  authorization: string | undefined;
}

/**
 * Splits a proxy URL into its address and a Basic Proxy-Authorization header, so the credentials travel only in that
 * header and never in anything that might be logged or put in an error.
 */
export function parseProxyEndpoint(proxyUrl: string): ProxyEndpoint {
  const url = new URL(proxyUrl);
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  const authorization =
    url.username === '' && url.password === '' ? undefined : `Basic ${Buffer.from(credentials).toString('base64')}`;
  url.username = '';
  url.password = '';
  return { url, authorization };
}

/** The Proxy-Authorization header to send, as a spreadable object (empty without credentials). */
export function proxyAuthorizationHeader(proxy: ProxyEndpoint): Record<string, string> {
  return proxy.authorization === undefined ? {} : { 'proxy-authorization': proxy.authorization };
}

/** The host of a URL as a socket takes it: IPv6 literals without their brackets. */
export function socketHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** The port of a URL, the scheme's default when none is written. */
export function socketPort(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}

/**
 * An https Agent whose every connection is a CONNECT tunnel through the proxy with TLS to the target inside it,
 * so the proxy never sees the page. Tunnelled sockets are pooled per target like any keep-alive connection.
 */
export class TunnellingAgent extends HttpsAgent {
  constructor(
    private readonly proxy: ProxyEndpoint,
    private readonly connectTimeoutMs: number,
    options: AgentOptions,
  ) {
    super(options);
  }

  override createConnection(
    options: RequestOptions,
    callback: (error: Error | null, socket?: Duplex) => void,
  ): Duplex | null | undefined {
    const host = options.host ?? 'localhost';
    const authority = `${isIP(host) === 6 ? `[${host}]` : host}:${options.port ?? 443}`;
    const { ca } = this.options;
    const connectRequest = (this.proxy.url.protocol === 'https:' ? httpsRequest : httpRequest)({
      host: socketHost(this.proxy.url),
      port: socketPort(this.proxy.url),
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...proxyAuthorizationHeader(this.proxy) },
      agent: false,
      timeout: this.connectTimeoutMs,
      ...(ca === undefined ? {} : { ca }),
    });
    connectRequest.once('connect', (response, socket, head) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        callback(new ProxyRefusedError(`proxy refused CONNECT to ${authority}: HTTP ${response.statusCode}`));
        return;
      }
      // The connect deadline must not follow the tunnel into the pool, where it would cut idle keep-alive sockets.
      socket.setTimeout(0);
      if (head.length > 0) socket.unshift(head);
      // SNI carries a name only: RFC 6066 forbids an IP literal there.
      const servername = isIP(host) === 0 ? host : undefined;
      callback(null, tlsConnect({ socket, host, ...(servername ? { servername } : {}), ...(ca === undefined ? {} : { ca }) }));
    });
    connectRequest.once('timeout', () =>
      connectRequest.destroy(new ProxyRefusedError(`proxy did not open a tunnel to ${authority} in time`)),
    );
    connectRequest.on('error', (error) => callback(error));
    connectRequest.end();
    return undefined;
  }
}
