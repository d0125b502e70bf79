import { Agent as HttpsAgent, type RequestOptions } from 'node:https';
import { connect as netConnect, isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { ConnectLookup } from './checked-lookup.js';
import { BlockedAddressError, isPublicAddress } from './ssrf-guard.js';

/**
 * A keep-alive https Agent for user-supplied URLs. Its sockets resolve through the checked lookup, so only an
 * address the policy accepted is dialled; then, before a single byte (not even the TLS ClientHello) is sent, the
 * peer the socket actually reached is checked again: a second line should the lookup ever be bypassed (IP literals
 * skip it) or wrong.
 */
export class GuardedHttpsAgent extends HttpsAgent {
  constructor(
    private readonly lookup: ConnectLookup,
    private readonly connectTimeoutMs: number,
  ) {
    super({ keepAlive: true });
  }

  override createConnection(
    options: RequestOptions,
    callback: (error: Error | null, socket?: Duplex) => void,
  ): Duplex | null | undefined {
    const host = options.host ?? '';
    const socket = netConnect({ host, port: Number(options.port ?? 443), lookup: this.lookup });
    socket.on('error', (error) => callback(error));
    // The request's own deadline abandons it, but the half-open socket would linger without this.
    socket.setTimeout(this.connectTimeoutMs, () => socket.destroy(new Error(`connect to ${host} timed out`)));
    socket.once('connect', () => {
      socket.setTimeout(0);
      const peer = socket.remoteAddress ?? '';
      if (!isPublicAddress(peer)) {
        socket.destroy();
        callback(new BlockedAddressError(host, `connected to ${peer}, which is not a public address`));
        return;
      }
      // SNI carries a name only: RFC 6066 forbids an IP literal there.
      callback(null, tlsConnect({ socket, host, ...(isIP(host) === 0 ? { servername: host } : {}) }));
    });
    return undefined;
  }
}
