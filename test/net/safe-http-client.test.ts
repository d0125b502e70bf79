import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createSafeHttpClient,
  SafeHttpNetworkError,
  SafeHttpTimeoutError,
} from '../../shared/net/safe-http-client.js';
import type { HostResolver, ResolvedAddress } from '../../shared/net/safe-http-client.js';
import { createDnsResolver } from '../../shared/net/dns-resolver.js';
import { BlockedAddressError } from '../../shared/net/ssrf-guard.js';
import { startLoopbackDns } from '../support/loopback-dns.js';

const PUBLIC_V4: ResolvedAddress = { address: '93.184.216.34', family: 4 };
const LOOPBACK_V4: ResolvedAddress = { address: '127.0.0.1', family: 4 };

/** A hostile DNS: fixed answers per name, plus a rebinding name that answers public first, loopback after. */
function hostileResolver(): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  let rebindCalls = 0;
  const answers: Record<string, readonly ResolvedAddress[]> = {
    localhost: [LOOPBACK_V4],
    'evil.test': [LOOPBACK_V4],
    'example.com': [LOOPBACK_V4],
    'mixed.test': [PUBLIC_V4, LOOPBACK_V4],
    'metadata.test': [{ address: '169.254.169.254', family: 4 }],
    'mapped.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
  };
  const resolver = async (hostname: string): Promise<readonly ResolvedAddress[]> => {
    calls.push(hostname);
    if (hostname === 'rebind.test') return rebindCalls++ === 0 ? [PUBLIC_V4] : [LOOPBACK_V4];
    const answer = answers[hostname];
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer;
  };
  return Object.assign(resolver, { calls });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('safe HTTP client against a counting loopback listener', () => {
  let connections = 0;
  let received: { body: string; signature: string | undefined }[] = [];
  const target = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ body, signature: req.headers['webhook-signature'] as string | undefined });
      res.end('ok');
    });
  });
  target.on('connection', () => connections++);
  let port = 0;
  const redirector = createServer((_req, res) => {
    res.writeHead(302, { location: `http://127.0.0.1:${port}/` }).end();
  });
  let redirectPort = 0;

  beforeAll(async () => {
    port = await listen(target);
    redirectPort = await listen(redirector);
  });
  // Each test counts only the connections and requests it causes, whichever ran before it.
  beforeEach(() => {
    connections = 0;
    received = [];
  });
  afterAll(() => {
    target.close();
    redirector.close();
  });

  const hostileUrls = (): string[] => [
    `https://127.0.0.1:${port}/`,
    `http://127.0.0.1:${port}/`,
    `https://2130706433:${port}/`,
    `https://0177.0.0.1:${port}/`,
    `https://0x7f.1:${port}/`,
    `https://127.1:${port}/`,
    `https://[::1]:${port}/`,
    `https://[::ffff:127.0.0.1]:${port}/`,
    `https://[::ffff:7f00:1]:${port}/`,
    `https://[0:0:0:0:0:ffff:7f00:1]:${port}/`,
    `https://[64:ff9b::7f00:1]:${port}/`,
    `https://0.0.0.0:${port}/`,
    'https://169.254.169.254/latest/meta-data/',
    'https://100.64.0.1/',
    'https://10.0.0.1/',
    'https://172.16.0.1/',
    'https://192.168.1.1/',
    'https://[fc00::1]/',
    'https://[fe80::1]/',
    `https://localhost:${port}/`,
    `https://evil.test:${port}/`,
    `https://rebind.test:${port}/`,
    `https://mixed.test:${port}/`,
    'https://metadata.test/latest/meta-data/',
    `https://mapped.test:${port}/`,
    `http://example.com:${port}/`,
    `http://localhost:${port}/`,
    'file:///etc/passwd',
    `gopher://127.0.0.1:${port}/_POST`,
    `http://user:secret@localhost:${redirectPort}/`,
    `https://user:secret@evil.test:${port}/`,
  ];

  it('refuses every hostile URL with BlockedAddressError and lets none of them connect', async () => {
    // Arrange: localhost is allowed only on the redirector's port, never on the target's.
    const client = createSafeHttpClient({ allowHosts: [`localhost:${redirectPort}`], lookup: hostileResolver() });
    const urls = hostileUrls();
    const outcomes: string[] = [];

    // Act
    for (const url of urls) {
      const before = connections;
      const error = await client.post(url, { headers: {}, body: '{}' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      outcomes.push(`${url} -> ${error instanceof BlockedAddressError ? 'blocked' : String(error)}, +${connections - before}`);
    }
    await client.close();

    // Assert
    expect(urls.length).toBeGreaterThanOrEqual(20);
    expect(outcomes).toEqual(urls.map((url) => `${url} -> blocked, +0`));
    expect(connections).toBe(0);
  });

  it('checks the address at connect time, so a DNS answer that turns to loopback after the first check is refused', async () => {
    // Arrange
    const rebinding = hostileResolver();
    const rebindingClient = createSafeHttpClient({ lookup: rebinding });

    // Act
    const error = await rebindingClient.post(`https://rebind.test:${port}/`, { headers: {}, body: '{}' }).catch((e: unknown) => e);
    await rebindingClient.close();

    // Assert: the first answer (public) passed the early check; the connect-time answer (loopback) was refused.
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect((error as BlockedAddressError).reason).toBe('resolves to 127.0.0.1, which is not a public address');
    expect(rebinding.calls).toEqual(['rebind.test', 'rebind.test']);
    expect(connections).toBe(0);
  });

  it('reports a 302 to loopback with its Location and does not follow it', async () => {
    // Arrange
    const redirectClient = createSafeHttpClient({ allowHosts: [`localhost:${redirectPort}`], lookup: hostileResolver() });

    // Act
    const response = await redirectClient.post(`http://localhost:${redirectPort}/hook`, { headers: {}, body: '{}' });
    await redirectClient.close();

    // Assert
    expect(response.status).toBe(302);
    expect(response.redirectLocation).toBe(`http://127.0.0.1:${port}/`);
    expect(connections).toBe(0);
  });

  it('delivers to an operator-allowed host:port over http: exactly one connection, body and headers intact', async () => {
    // Arrange
    const allowedClient = createSafeHttpClient({ allowHosts: [`localhost:${port}`], lookup: hostileResolver() });

    // Act
    const response = await allowedClient.post(`http://localhost:${port}/hook`, {
      headers: { 'content-type': 'application/json', 'webhook-signature': 'v1,abc' },
      body: '{"type":"ping"}',
    });
    await allowedClient.close();

    // Assert
    expect({ status: response.status, bodyText: response.bodyText, bodyTruncated: response.bodyTruncated }).toEqual({
      status: 200,
      bodyText: 'ok',
      bodyTruncated: false,
    });
    expect(received).toEqual([{ body: '{"type":"ping"}', signature: 'v1,abc' }]);
    expect(connections).toBe(1);
  });
});

describe('safe HTTP client failures', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  it('gives up with SafeHttpTimeoutError when the endpoint never answers', async () => {
    // Arrange: a server that reads the request and never responds.
    const silent = createServer(() => undefined);
    servers.push(silent);
    const port = await listen(silent);
    const client = createSafeHttpClient({ allowHosts: [`127.0.0.1:${port}`], timeoutMs: 300 });

    // Act
    const error = await client.post(`http://127.0.0.1:${port}/`, { headers: {}, body: '{}' }).catch((e: unknown) => e);
    await client.close();

    // Assert
    expect(error).toBeInstanceOf(SafeHttpTimeoutError);
    expect((error as SafeHttpTimeoutError).timeoutMs).toBe(300);
  });

  it('ends the attempt at its deadline when the DNS lookup never answers, and tells the resolver to stop', async () => {
    // Arrange: a resolver that never answers and ignores being told to stop.
    let lookupSignal: AbortSignal | undefined;
    const client = createSafeHttpClient({
      timeoutMs: 300,
      lookup: (_hostname, signal) => {
        lookupSignal = signal;
        return new Promise(() => undefined);
      },
    });

    // Act
    const error = await client.post('https://hooks.example.org/in', { headers: {}, body: '{}' }).catch((e: unknown) => e);
    await client.close();

    // Assert
    expect(error).toBeInstanceOf(SafeHttpTimeoutError);
    expect(lookupSignal?.aborted).toBe(true);
  });

  it('ends the attempt at its deadline when the DNS server is a black hole, however long the resolver would wait', async () => {
    // Arrange: a loopback DNS server that never replies, behind a resolver patient for 10 s.
    const blackHole = await startLoopbackDns();
    const client = createSafeHttpClient({ timeoutMs: 300, lookup: createDnsResolver({ timeoutMs: 10_000, servers: [blackHole.server] }) });

    // Act
    const error = await client.post('https://hooks.example.org/in', { headers: {}, body: '{}' }).catch((e: unknown) => e);
    await client.close();
    await blackHole.stop();

    // Assert
    expect(error).toBeInstanceOf(SafeHttpTimeoutError);
    expect(blackHole.queries).toContain('hooks.example.org/A');
  });

  it('reports a refused connection as SafeHttpNetworkError', async () => {
    // Arrange: take a port, then free it so nothing listens there.
    const closed = createServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createSafeHttpClient({ allowHosts: [`127.0.0.1:${port}`] });

    // Act
    const error = await client.post(`http://127.0.0.1:${port}/`, { headers: {}, body: '{}' }).catch((e: unknown) => e);
    await client.close();

    // Assert
    expect(error).toBeInstanceOf(SafeHttpNetworkError);
  });

  it('keeps only maxResponseBytes of a large response body and says it truncated', async () => {
    // Arrange
    const chatty = createServer((_req, res) => res.end('x'.repeat(100_000)));
    servers.push(chatty);
    const port = await listen(chatty);
    const client = createSafeHttpClient({ allowHosts: [`127.0.0.1:${port}`], maxResponseBytes: 100 });

    // Act
    const response = await client.post(`http://127.0.0.1:${port}/`, { headers: {}, body: '{}' });
    await client.close();

    // Assert
    expect({ status: response.status, bodyText: response.bodyText, bodyTruncated: response.bodyTruncated }).toEqual({
      status: 200,
      bodyText: 'x'.repeat(100),
      bodyTruncated: true,
    });
  });

  it('rejects an allow-list entry without a port, which would otherwise exempt a whole host', () => {
    expect(() => createSafeHttpClient({ allowHosts: ['localhost'] })).toThrow('allowHosts entry "localhost" is not host:port');
  });
});
