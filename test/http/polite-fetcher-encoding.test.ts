import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/http/fetch-error.js';
import { createPoliteFetcher, type PoliteFetcher } from '../../shared/http/polite-fetcher.js';
import { startHttpServer, type LoopbackServer } from './loopback-server.js';
import { testSettings } from './test-settings.js';

/* Compressed answers over loopback: asked for, decoded, and held to the size cap after decoding (a zip bomb). */

const PAGE = Buffer.from('<rss version="2.0"><channel><title>Лента</title></channel></rss>');
/** What the server answers on each path: a body and its headers. */
const answers = new Map<string, { body: Buffer; headers: Record<string, string> }>();
let server: LoopbackServer;
// Retries on, so a test can show what is not retried.
let fetcher: PoliteFetcher;

beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    const answer = answers.get(request.url ?? '') ?? { body: PAGE, headers: {} };
    response.writeHead(200, { 'content-type': 'application/rss+xml', ...answer.headers }).end(answer.body);
  });
  fetcher = createPoliteFetcher(testSettings({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } }));
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

/** The URL of a fresh path that answers `body` with these headers. */
function serving(body: Buffer, headers: Record<string, string>): string {
  const path = `/${answers.size}`;
  answers.set(path, { body, headers });
  return `${server.origin}${path}`;
}

async function failureOf(url: string): Promise<FetchError> {
  const outcome = await fetcher.get(url).then(() => undefined, (caught: unknown) => caught);
  if (!(outcome instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(outcome)}`);
  return outcome;
}

describe('polite fetcher: content encodings', () => {
  it('asks for gzip and deflate', async () => {
    const url = serving(PAGE, {});

    await fetcher.get(url);

    expect(server.requests.find((request) => url.endsWith(request.url ?? ''))?.headers['accept-encoding']).toBe('gzip, deflate');
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
    const url = serving(body, headers);

    const result = await fetcher.get(url);

    expect(result.kind).toBe('fetched');
    if (result.kind !== 'fetched') return;
    expect(result.body.equals(PAGE)).toBe(true);
    const again = await fetcher.get(url, { previousHash: result.hash });
    expect(again.kind).toBe('unchanged');
  });

  it('refuses a zip bomb: a small gzip body that decodes past maxBytes is too large', async () => {
    const maxBytes = testSettings().maxBytes;
    const bomb = gzipSync(Buffer.alloc(20 * maxBytes, 0x20));
    const url = serving(bomb, { 'content-encoding': 'gzip' });

    const error = await failureOf(url);

    expect(bomb.length).toBeLessThan(maxBytes);
    expect(error.reason).toBe('too-large');
    expect(error.message).toBe(`GET ${url} response is larger than ${maxBytes} bytes`);
  });

  it.each([
    ['corrupt gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]), 'gzip', 'the body is not valid gzip'],
    ['an encoding it cannot read', PAGE, 'compress', "the body's Content-Encoding compress is not one the fetcher can read"],
  ])('%s is a bad-encoding FetchError, not retried', async (_case, body, encoding, detail) => {
    const url = serving(body, { 'content-encoding': encoding });

    const error = await failureOf(url);

    expect(error.reason).toBe('bad-encoding');
    expect(error.message.startsWith(`GET ${url} sent a body that cannot be decoded: ${detail}`)).toBe(true);
    expect(server.requests.filter((request) => url.endsWith(request.url ?? ''))).toHaveLength(1);
  });
});
