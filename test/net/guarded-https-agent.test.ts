import { request } from 'node:https';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedLookup } from '../../shared/net/checked-lookup.js';
import { GuardedHttpsAgent } from '../../shared/net/guarded-https-agent.js';
import { BlockedAddressError } from '../../shared/net/ssrf-guard.js';

describe('guarded https agent: the connected peer is checked again', () => {
  let bytesReceived = 0;
  let peerClosed: Promise<void> = Promise.resolve();
  const listener = createServer((socket: Socket) => {
    peerClosed = new Promise((resolve) => socket.on('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => (bytesReceived += chunk.length));
  });
  afterAll(() => listener.close());

  it('refuses a loopback peer that an unguarded lookup let through, before sending a single byte', async () => {
    // Arrange: a lookup that does no checking, so only the connect-time check of the peer stands in the way.
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as AddressInfo;
    const lookup = checkedLookup(async () => [{ address: '127.0.0.1', family: 4 }], false, 5_000);
    const agent = new GuardedHttpsAgent(lookup, 1_000);

    // Act
    const error = await new Promise<unknown>((resolve) => {
      const outgoing = request({ host: 'innocent.test', port, method: 'POST', agent }, () => resolve(undefined));
      outgoing.on('error', resolve);
      outgoing.end('{}');
    });
    await peerClosed;
    agent.destroy();

    // Assert
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect((error as BlockedAddressError).reason).toBe('connected to 127.0.0.1, which is not a public address');
    expect(bytesReceived).toBe(0);
  });
});
