import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/http/fetch-error.js';
import { createPoliteFetcher, type PoliteFetcher } from '../../shared/http/polite-fetcher.js';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { parseBillPageBytes } from '../../shared/sozd/parse-bill-page.js';
import { BillPageScan } from '../../shared/sozd/slice-bill-page.js';
import { startHttpServer, type LoopbackServer } from './loopback-server.js';
import { testSettings, testUserAgent } from './test-settings.js';

const etag = '"bill-1234-v7"';
const lastModified = 'Tue, 25 Nov 2025 10:00:00 GMT';
// "Законопроект" in windows-1251: the fetcher must hand these bytes back untouched for the caller to decode.
const cp1251Body = Buffer.from([
  0xc7, 0xe0, 0xea, 0xee, 0xed, 0xee, 0xef, 0xf0, 0xee, 0xe5, 0xea, 0xf2,
]);
const cp1251Hash = createHash('sha256').update(cp1251Body).digest('hex');

let server: LoopbackServer | undefined;
let fetcher: PoliteFetcher | undefined;

afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  fetcher = undefined;
  server = undefined;
});

/** Serves the cp1251 page with validators, answering 304 when the client's validators match. */
async function startBillPageServer(): Promise<LoopbackServer> {
  return startHttpServer((request, response) => {
    if (request.headers['if-none-match'] === etag || request.headers['if-modified-since'] === lastModified) {
      response.writeHead(304).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=windows-1251', etag, 'last-modified': lastModified })
      .end(cp1251Body);
  });
}

describe('polite fetcher: conditional GET and content hash', () => {
  it('returns the raw bytes, sha256, validators, content type and final URL of a new page', async () => {
    server = await startBillPageServer();
    fetcher = createPoliteFetcher(testSettings());

    const result = await fetcher.get(`${server.origin}/bill/1234-8`);

    expect(result).toEqual({
      kind: 'fetched',
      status: 200,
      body: cp1251Body,
      hash: cp1251Hash,
      etag,
      lastModified,
      contentType: 'text/html; charset=windows-1251',
      finalUrl: `${server.origin}/bill/1234-8`,
    });
  });

  it('sends the exact User-Agent and no conditional headers when it has none', async () => {
    server = await startBillPageServer();
    fetcher = createPoliteFetcher(testSettings());

    await fetcher.get(`${server.origin}/bill/1234-8`);

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['user-agent']).toBe(testUserAgent);
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(server.requests[0]?.headers['if-modified-since']).toBeUndefined();
  });

  it('sends If-None-Match and If-Modified-Since and maps 304 to not-modified', async () => {
    server = await startBillPageServer();
    fetcher = createPoliteFetcher(testSettings());

    const result = await fetcher.get(`${server.origin}/bill/1234-8`, { etag, lastModified });

    expect(result).toEqual({ kind: 'not-modified' });
    expect(server.requests[0]?.headers['if-none-match']).toBe(etag);
    expect(server.requests[0]?.headers['if-modified-since']).toBe(lastModified);
  });

  it('reports a 200 whose body hashes to previousHash as unchanged, without the bytes', async () => {
    server = await startBillPageServer();
    fetcher = createPoliteFetcher(testSettings());

    const result = await fetcher.get(`${server.origin}/bill/1234-8`, { previousHash: cp1251Hash });

    expect(result).toEqual({ kind: 'unchanged', hash: cp1251Hash, etag, lastModified });
  });

  it('follows same-host redirects and reports the final URL', async () => {
    server = await startHttpServer((request, response) => {
      if (request.url === '/bill/1234-8') response.writeHead(302, { location: '/bill/1234-8/' }).end();
      else response.writeHead(200, { 'content-type': 'text/html' }).end('ok');
    });
    fetcher = createPoliteFetcher(testSettings());

    const result = await fetcher.get(`${server.origin}/bill/1234-8`);

    expect(result).toEqual({
      kind: 'fetched',
      status: 200,
      body: Buffer.from('ok'),
      hash: createHash('sha256').update('ok').digest('hex'),
      contentType: 'text/html',
      finalUrl: `${server.origin}/bill/1234-8/`,
    });
    expect(server.requests.map((request) => request.url)).toEqual(['/bill/1234-8', '/bill/1234-8/']);
  });

  it('refuses a redirect to another host without requesting it', async () => {
    const elsewhere = await startHttpServer((_request, response) => response.end('elsewhere'));
    server = await startHttpServer((_request, response) => {
      response.writeHead(301, { location: `http://localhost:${elsewhere.port}/` }).end();
    });
    fetcher = createPoliteFetcher(testSettings());

    const error = await fetcher.get(`${server.origin}/bill/1`).catch((caught: unknown) => caught);
    await elsewhere.close();

    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).reason).toBe('redirect-refused');
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('gives up after 3 redirects (4 requests in all)', async () => {
    server = await startHttpServer((request, response) => {
      response.writeHead(307, { location: `${request.url}x` }).end();
    });
    fetcher = createPoliteFetcher(testSettings());

    const error = await fetcher.get(`${server.origin}/r`).catch((caught: unknown) => caught);

    expect((error as FetchError).reason).toBe('too-many-redirects');
    expect(server.requests.map((request) => request.url)).toEqual(['/r', '/rx', '/rxx', '/rxxx']);
  });

  it.each(['ftp://sozd.duma.gov.ru/bill', 'file:///etc/passwd', 'not a url', ''])(
    'rejects %j as invalid-url',
    async (url) => {
      fetcher = createPoliteFetcher(testSettings());

      const error = await fetcher.get(url).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(FetchError);
      expect((error as FetchError).reason).toBe('invalid-url');
    },
  );
});

describe('polite fetcher: keeping only the needed head of a large page', () => {
  // A bill page with 1 MB of other tabs after its events tab, as sozd's 2.7 MB pages are.
  const page = Buffer.from(`${buildBillPage(pageAt(lawBill, 3))}<div role="tabpanel">${'<p>другая вкладка</p>'.repeat(40_000)}</div></html>`);

  it('returns the head the parser reads, hashed as the whole page would be, and drops the rest', async () => {
    server = await startHttpServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
    fetcher = createPoliteFetcher({ ...testSettings(), maxBytes: 4 << 20 });
    const conditions = { bodyReader: () => new BillPageScan() };

    const first = await fetcher.get(`${server.origin}/bill/1`, conditions);
    const second = await fetcher.get(`${server.origin}/bill/1`, { ...conditions, previousHash: first.kind === 'fetched' ? first.hash : '' });

    expect(first.kind === 'fetched' && first.body.length).toBe(new BillPageScan().neededBytes(page));
    expect(first.kind === 'fetched' && first.hash).toBe(createHash('sha256').update(new BillPageScan().significantBytes(page)).digest('hex'));
    expect(first.kind === 'fetched' && parseBillPageBytes(first.body)).toEqual(parseBillPageBytes(page));
    expect(second.kind).toBe('unchanged');
  });

  it('reads a retried page afresh, not from where a broken first answer left off', async () => {
    // Arrange: the first answer shows the bill number, then 300 KB of anything, and breaks; the retry sends the page.
    const broken = Buffer.concat([page.subarray(0, page.indexOf('id="number_oz_id"') + 20), Buffer.alloc(300_000, 'x')]);
    server = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (server?.requests.length === 1) response.write(broken, () => response.destroy());
      else response.end(page);
    });
    fetcher = createPoliteFetcher({ ...testSettings(), maxBytes: 4 << 20, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });

    // Act
    const result = await fetcher.get(`${server.origin}/bill/1`, { bodyReader: () => new BillPageScan() });

    // Assert
    expect(server.requests).toHaveLength(2);
    expect(result.kind === 'fetched' && result.body.length).toBe(new BillPageScan().neededBytes(page));
    expect(result.kind === 'fetched' && result.hash).toBe(createHash('sha256').update(new BillPageScan().significantBytes(page)).digest('hex'));
  });

  it('still refuses a body that passes the cap before the head it needs has arrived', async () => {
    server = await startHttpServer((_request, response) => response.writeHead(200).end(page));
    fetcher = createPoliteFetcher({ ...testSettings(), maxBytes: new BillPageScan().neededBytes(page)! - 1 });

    const failure = await fetcher.get(`${server.origin}/bill/1`, { bodyReader: () => new BillPageScan() }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(FetchError);
    expect((failure as FetchError).reason).toBe('too-large');
  });
});
