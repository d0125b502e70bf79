import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/http/fetch-error.js';
import { createPoliteFetcher, type PoliteFetcher } from '../../shared/http/polite-fetcher.js';
import { startHttpServer, type LoopbackServer } from './loopback-server.js';
import { testSettings } from './test-settings.js';

/* Compressed answers over loopback: asked for, decoded, and held to the size cap after decoding (a zip bomb). */

let server: LoopbackServer | undefined;
let fetcher: PoliteFetcher | undefined;

afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  fetcher = undefined;
  server = undefined;
});

const PAGE = Buffer.from('<rss version="2.0"><channel><title>Лента</title></channel></rss>');

/** Serves `body` with these headers on every path. */
async function serving(body: Buffer, headers: Record<string, string>): Promise<LoopbackServer> {
  return startHttpServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml', ...headers }).end(body);
  });
}

async function failureOf(promise: Promise<unknown>): Promise<FetchError> {
  const outcome = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(outcome instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(outcome)}`);
  return outcome;
}

describe('polite fetcher: content encodings', () => {
  it('asks for gzip and deflate', async () => {
    server = await serving(PAGE, {});
    fetcher = createPoliteFetcher(testSettings());

    await fetcher.get(`${server.origin}/feed`);

    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate');
  });

  it.each([
    ['gzip', gzipSync(PAGE), { 'content-encoding': 'gzip' }],
    ['x-gzip', gzipSync(PAGE), { 'content-encoding': 'x-gzip' }],
    ['zlib-wrapped deflate', deflateSync(PAGE), { 'content-encoding': 'deflate' }],
    ['raw deflate', deflateRawSync(PAGE), { 'content-encoding': 'deflate' }],
    ['brotli sent unasked', brotliCompressSync(PAGE), { 'content-encoding': 'br' }],
    ['gzip sent without a Content-Encoding', gzipSync(PAGE), {}],
    ['gzip then deflate', deflateSync(gzipSync(PAGE)), { 'content-encoding': 'gzip, deflate' }],
    ['identity', PAGE, { 'content-encoding': 'identity' }],
  ])('decodes %s to the page, hashing the decoded bytes', async (_case, body, headers) => {
    server = await serving(body, headers);
    fetcher = createPoliteFetcher(testSettings());

    const result = await fetcher.get(`${server.origin}/feed`);

    expect(result.kind).toBe('fetched');
    if (result.kind !== 'fetched') return;
    expect(result.body.equals(PAGE)).toBe(true);
    const again = await fetcher.get(`${server.origin}/feed`, { previousHash: result.hash });
    expect(again.kind).toBe('unchanged');
  });

  it('refuses a zip bomb: a small gzip body that decodes past maxBytes is too large', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    server = await serving(bomb, { 'content-encoding': 'gzip' });
    fetcher = createPoliteFetcher(testSettings({ maxBytes: 1024 * 1024 }));

    const error = await failureOf(fetcher.get(`${server.origin}/bomb`));

    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(error.reason).toBe('too-large');
    expect(error.message).toBe(`GET ${server.origin}/bomb response is larger than 1048576 bytes`);
  });

  it.each([
    ['corrupt gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]), 'gzip', 'the body is not valid gzip'],
    ['an encoding it cannot read', PAGE, 'compress', "the body's Content-Encoding compress is not one the fetcher can read"],
  ])('%s is a bad-encoding FetchError, not retried', async (_case, body, encoding, detail) => {
    server = await serving(body, { 'content-encoding': encoding });
    fetcher = createPoliteFetcher(testSettings({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } }));

    const error = await failureOf(fetcher.get(`${server.origin}/broken`));

    expect(error.reason).toBe('bad-encoding');
    expect(error.message.startsWith(`GET ${server.origin}/broken sent a body that cannot be decoded: ${detail}`)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});
