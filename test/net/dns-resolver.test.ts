import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../shared/net/dns-resolver.js';
import { startLoopbackDns, type LoopbackDns } from '../support/loopback-dns.js';

describe('the DNS resolver for user-supplied names', () => {
  let dns: LoopbackDns;
  let blackHole: LoopbackDns;
  beforeAll(async () => {
    dns = await startLoopbackDns({ 'hooks.example.test': '203.0.113.7' });
    blackHole = await startLoopbackDns();
  });
  afterAll(async () => {
    await dns.stop();
    await blackHole.stop();
  });

  it('returns the A and AAAA records a DNS server gives, asking it for both', async () => {
    // Arrange
    const resolve = createDnsResolver({ timeoutMs: 2_000, servers: [dns.server] });

    // Act
    const addresses = await resolve('hooks.example.test', new AbortController().signal);

    // Assert
    expect(addresses).toEqual([{ address: '203.0.113.7', family: 4 }]);
    expect([...dns.queries].sort()).toEqual(['hooks.example.test/A', 'hooks.example.test/AAAA']);
  });

  it('gives up on a black-hole server after its own timeout', async () => {
    // Arrange
    const resolve = createDnsResolver({ timeoutMs: 200, servers: [blackHole.server] });

    // Act
    const error = await resolve('hooks.example.test', new AbortController().signal).catch((e: unknown) => e);

    // Assert: the server was asked, never answered, and the lookup ended with the timeout rather than hanging.
    expect((error as Error).name).toBe('TimeoutError');
    expect(blackHole.queries).toContain('hooks.example.test/A');
  });

  it('gives up as soon as the caller aborts, long before its own timeout', async () => {
    // Arrange
    const resolve = createDnsResolver({ timeoutMs: 60_000, servers: [blackHole.server] });
    const controller = new AbortController();

    // Act
    const pending = resolve('slow.example.test', controller.signal).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 50);
    const error = await pending;

    // Assert
    expect((error as Error).name).toBe('AbortError');
  });
});
