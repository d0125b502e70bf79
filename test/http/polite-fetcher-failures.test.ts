import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/http/fetch-error.js';
import { createPoliteFetcher, type PoliteFetcher } from '../../shared/http/polite-fetcher.js';
import { startHttpServer, type LoopbackServer } from './loopback-server.js';
import { testSettings } from './test-settings.js';

let server: LoopbackServer | undefined;
let fetcher: PoliteFetcher | undefined;

afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  fetcher = undefined;
  server = undefined;
});

async function failureOf(promise: Promise<unknown>): Promise<FetchError> {
  const outcome = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(outcome instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(outcome)}`);
  return outcome;
}

/** Records the waits the fetcher asks for instead of sleeping through them. */
function recordingSleep(): { sleeps: number[]; sleep: (ms: number) => Promise<void> } {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms) => void sleeps.push(ms) };
}

/** Answers each request with the next status in `statuses` (the last one repeats). */
function statusSequence(statuses: number[], headers: Record<string, string> = {}) {
  let served = 0;
  return (_request: unknown, response: ServerResponse) => {
    const status = statuses[Math.min(served, statuses.length - 1)] ?? 500;
    served += 1;
    response.writeHead(status, status === 200 ? { 'content-type': 'text/plain' } : headers).end(`status ${status}`);
  };
}

describe('polite fetcher: timeouts and size cap', () => {
  it('throws a timeout FetchError once timeoutMs passes on a server that never answers', async () => {
    server = await startHttpServer(() => {});
    fetcher = createPoliteFetcher(testSettings({ timeoutMs: 300 }));
    const startedAt = performance.now();

    const error = await failureOf(fetcher.get(`${server.origin}/slow`));
    const elapsedMs = performance.now() - startedAt;

    expect(error.reason).toBe('timeout');
    expect(error.url).toBe(`${server.origin}/slow`);
    expect(error.message).toBe(`GET ${server.origin}/slow timed out after 300 ms`);
    // Generous upper bound: the point is that it ends near timeoutMs, not after a transport's own long defaults.
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
    expect(elapsedMs).toBeLessThan(2_000);
  });

  it('retries a timeout as many times as attempts allow', async () => {
    server = await startHttpServer(() => {});
    const { sleeps, sleep } = recordingSleep();
    fetcher = createPoliteFetcher({
      ...testSettings({ timeoutMs: 100, retry: { attempts: 2, baseDelayMs: 400, maxDelayMs: 1_000 } }),
      sleep,
      random: () => 0.5,
    });

    const error = await failureOf(fetcher.get(`${server.origin}/slow`));

    expect(error.reason).toBe('timeout');
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([200]);
  });

  it('aborts a 10 MB streamed body past maxBytes as too-large and tears the connection down', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const tenMegabytes = 10 * 1024 * 1024;
    let written = 0;
    let reportClose: (closed: { finished: boolean }) => void = () => {};
    const serverSawClose = new Promise<{ finished: boolean }>((resolve) => (reportClose = resolve));
    server = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.on('close', () => reportClose({ finished: response.writableFinished }));
      const pump = (): void => {
        while (written < tenMegabytes) {
          written += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      pump();
    });
    fetcher = createPoliteFetcher(testSettings({ maxBytes: 1024 * 1024 }));

    const error = await failureOf(fetcher.get(`${server.origin}/huge`));
    const serverSide = await serverSawClose;

    expect(error.reason).toBe('too-large');
    expect(error.message).toBe(`GET ${server.origin}/huge response is larger than 1048576 bytes`);
    expect(serverSide.finished).toBe(false);
    expect(written).toBeLessThan(tenMegabytes);
  });

  it('rejects a body whose declared Content-Length exceeds maxBytes without reading it', async () => {
    server = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'content-length': '2000' }).end(Buffer.alloc(2000));
    });
    fetcher = createPoliteFetcher(testSettings({ maxBytes: 1000 }));

    const error = await failureOf(fetcher.get(`${server.origin}/declared`));

    expect(error.reason).toBe('too-large');
  });
});

describe('polite fetcher: retries', () => {
  it('retries a 503 once and returns the 200 that follows (exactly 2 requests)', async () => {
    server = await startHttpServer(statusSequence([503, 200]));
    const { sleeps, sleep } = recordingSleep();
    fetcher = createPoliteFetcher({
      ...testSettings({ retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 } }),
      sleep,
      random: () => 0.25,
    });

    const result = await fetcher.get(`${server.origin}/flaky`);

    expect(result.kind).toBe('fetched');
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([25]);
  });

  it('backs off with full jitter that doubles per try and is capped at maxDelayMs', async () => {
    server = await startHttpServer(statusSequence([502]));
    const { sleeps, sleep } = recordingSleep();
    fetcher = createPoliteFetcher({
      ...testSettings({ retry: { attempts: 5, baseDelayMs: 100, maxDelayMs: 500 } }),
      sleep,
      random: () => 0.5,
    });

    const error = await failureOf(fetcher.get(`${server.origin}/down`));

    expect(error.reason).toBe('http-status');
    expect(error.status).toBe(502);
    expect(server.requests).toHaveLength(5);
    expect(sleeps).toEqual([50, 100, 200, 250]);
  });

  it('waits exactly what a 429 Retry-After in seconds asks for', async () => {
    server = await startHttpServer(statusSequence([429, 200], { 'retry-after': '1' }));
    const { sleeps, sleep } = recordingSleep();
    fetcher = createPoliteFetcher({
      ...testSettings({ retry: { attempts: 2, baseDelayMs: 100, maxDelayMs: 5_000 } }),
      sleep,
    });

    const result = await fetcher.get(`${server.origin}/busy`);

    expect(result.kind).toBe('fetched');
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([1_000]);
  });

  it('honours a Retry-After HTTP-date against the injected clock, capped at maxDelayMs', async () => {
    const now = Date.parse('2025-11-26T12:00:00Z');
    server = await startHttpServer(
      statusSequence([503, 503, 200], { 'retry-after': 'Wed, 26 Nov 2025 12:00:03 GMT' }),
    );
    const { sleeps, sleep } = recordingSleep();
    fetcher = createPoliteFetcher({
      ...testSettings({ retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 } }),
      sleep,
      now: () => now,
    });

    await fetcher.get(`${server.origin}/busy`);

    expect(sleeps).toEqual([2_000, 2_000]);
  });

  it('reports the Retry-After it was given when it runs out of attempts', async () => {
    server = await startHttpServer(statusSequence([429], { 'retry-after': '120' }));
    fetcher = createPoliteFetcher(testSettings());

    const error = await failureOf(fetcher.get(`${server.origin}/busy`));

    expect(error.reason).toBe('http-status');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(120_000);
  });

  it('does not retry a 404 and reports it as not-found', async () => {
    server = await startHttpServer(statusSequence([404]));
    const { sleeps, sleep } = recordingSleep();
    fetcher = createPoliteFetcher({
      ...testSettings({ retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 10 } }),
      sleep,
    });

    const error = await failureOf(fetcher.get(`${server.origin}/bill/99999-8`));

    expect(error.reason).toBe('not-found');
    expect(error.status).toBe(404);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry other 4xx statuses', async () => {
    server = await startHttpServer(statusSequence([403]));
    fetcher = createPoliteFetcher(testSettings({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } }));

    const error = await failureOf(fetcher.get(`${server.origin}/forbidden`));

    expect(error.reason).toBe('http-status');
    expect(error.status).toBe(403);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a connection the server drops and reports network when it keeps dropping', async () => {
    server = await startHttpServer((request) => request.socket.destroy());
    fetcher = createPoliteFetcher(testSettings({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } }));

    const error = await failureOf(fetcher.get(`${server.origin}/drop`));

    expect(error.reason).toBe('network');
    expect(server.requests).toHaveLength(2);
  });
});
