import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/http/fetch-error.js';
import { createPoliteFetcher, type PoliteFetcher } from '../../shared/http/polite-fetcher.js';
import { startForwardProxy, type ForwardProxy } from './forward-proxy.js';
import { loopbackTestCertificate, startHttpServer, startHttpsServer, type LoopbackServer } from './loopback-server.js';
import { testSettings, testUserAgent } from './test-settings.js';

const expectedAuthorization = `Basic ${Buffer.from('alice:s3cr@t').toString('base64')}`;

let target: LoopbackServer | undefined;
let proxy: ForwardProxy | undefined;
let fetcher: PoliteFetcher | undefined;

afterEach(async () => {
  await fetcher?.close();
  await proxy?.close();
  await target?.close();
  fetcher = undefined;
  proxy = undefined;
  target = undefined;
});

/** The proxy URL with credentials; '@' in the password is percent-encoded as a URL requires. */
function proxyUrlWithCredentials(origin: string, password = 's3cr%40t'): string {
  return origin.replace('http://', `http://alice:${password}@`);
}

describe('polite fetcher: through an HTTP proxy', () => {
  it('sends an http:// page request to the proxy as an absolute-URI GET with Proxy-Authorization', async () => {
    target = await startHttpServer((_request, response) => response.end('через прокси'));
    proxy = await startForwardProxy(expectedAuthorization);
    fetcher = createPoliteFetcher(testSettings({ proxyUrl: proxyUrlWithCredentials(proxy.origin) }));

    const result = await fetcher.get(`${target.origin}/bill/1234-8`);

    expect(result).toMatchObject({ kind: 'fetched', status: 200, body: Buffer.from('через прокси') });
    expect(proxy.seen).toEqual([
      { method: 'GET', target: `${target.origin}/bill/1234-8`, proxyAuthorization: expectedAuthorization },
    ]);
    expect(target.requests).toHaveLength(1);
    expect(target.requests[0]?.headers['user-agent']).toBe(testUserAgent);
  });

  it('tunnels an https:// page request through CONNECT with Proxy-Authorization', async () => {
    target = await startHttpsServer((_request, response) => response.end('tls page'));
    proxy = await startForwardProxy(expectedAuthorization);
    fetcher = createPoliteFetcher(
      testSettings({ proxyUrl: proxyUrlWithCredentials(proxy.origin), extraCaCertificates: [loopbackTestCertificate] }),
    );

    const result = await fetcher.get(`${target.origin}/bill/1234-8`);

    expect(result).toMatchObject({ kind: 'fetched', status: 200, body: Buffer.from('tls page') });
    expect(proxy.seen).toEqual([
      { method: 'CONNECT', target: `127.0.0.1:${target.port}`, proxyAuthorization: expectedAuthorization },
    ]);
    expect(target.requests).toHaveLength(1);
  });

  it.each([
    ['http', startHttpServer],
    ['https', startHttpsServer],
  ] as const)('fails a %s request the proxy refuses (407), keeping the password out of the error', async (_scheme, start) => {
    target = await start((_request, response) => response.end('never'));
    proxy = await startForwardProxy(expectedAuthorization);
    fetcher = createPoliteFetcher(
      testSettings({
        proxyUrl: proxyUrlWithCredentials(proxy.origin, 'wrong-password'),
        extraCaCertificates: [loopbackTestCertificate],
      }),
    );

    const error = await fetcher.get(`${target.origin}/bill/1`).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).reason).toBe('network');
    expect((error as FetchError).message).toContain('407');
    expect((error as FetchError).message).not.toContain('wrong-password');
    expect(target.requests).toHaveLength(0);
  });
});
