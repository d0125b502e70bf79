import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServices, type LocalServices } from '../../local/local-services.js';

/** Whether a TCP connection to `host:port` is accepted or refused. */
function connectOutcome(host: string, port: number): Promise<'accepted' | 'refused'> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNREFUSED' ? resolve('refused') : reject(error)));
  });
}

describe('startLocalServices', () => {
  let services: LocalServices;
  beforeAll(async () => {
    services = await startLocalServices();
  });
  afterAll(async () => {
    await services.stop();
  });

  it('binds dynalite, the SES emulator and fauxqs to 127.0.0.1 alone: another address of the machine is refused', async () => {
    // Arrange: 127.0.0.2 is this machine too; a server listening on every address (0.0.0.0) accepts it.
    const ports = [services.dynamodbEndpoint, services.sesEndpoint, services.sqsEndpoint].map((endpoint) => Number(new URL(endpoint).port));

    // Act
    const outcomes = await Promise.all(
      ports.map(async (port) => [await connectOutcome('127.0.0.1', port), await connectOutcome('127.0.0.2', port)]),
    );

    // Assert
    expect(outcomes).toEqual([
      ['accepted', 'refused'],
      ['accepted', 'refused'],
      ['accepted', 'refused'],
    ]);
  });
});
