import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

/** A DNS server on a random loopback UDP port, for the resolver tests; `stop` frees the port. */
export interface LoopbackDns {
  server: string;
  /** The names asked for, in order (`name/A`, `name/AAAA`). */
  queries: string[];
  stop(): Promise<void>;
}

const TYPE_A = 1;
const TYPE_AAAA = 28;

/** The query's name and type, read from the question section (RFC 1035 4.1.2). */
function question(packet: Buffer): { name: string; type: number; end: number } {
  const labels: string[] = [];
  let offset = 12;
  for (let length = packet[offset]!; length > 0; length = packet[offset]!) {
    labels.push(packet.subarray(offset + 1, offset + 1 + length).toString('ascii'));
    offset += length + 1;
  }
  return { name: labels.join('.'), type: packet.readUInt16BE(offset + 1), end: offset + 5 };
}

/**
 * Starts a loopback DNS server. With `answers`, it answers A queries for those names with their IPv4 address and
 * every other query with no records; without, it is a black hole that reads queries and never replies.
 */
export async function startLoopbackDns(answers?: Record<string, string>): Promise<LoopbackDns> {
  const socket: Socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (packet, peer) => {
    const { name, type, end } = question(packet);
    queries.push(`${name}/${type === TYPE_A ? 'A' : type === TYPE_AAAA ? 'AAAA' : type}`);
    if (!answers) return;
    const address = type === TYPE_A ? answers[name] : undefined;
    const header = Buffer.alloc(12);
    packet.copy(header, 0, 0, 2);
    header.writeUInt16BE(0x8180, 2); // a response, recursion desired and available, no error
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(address ? 1 : 0, 6);
    const answer = address
      ? Buffer.concat([Buffer.from([0xc0, 0x0c, 0, TYPE_A, 0, 1, 0, 0, 0, 60, 0, 4]), Buffer.from(address.split('.').map(Number))])
      : Buffer.alloc(0);
    socket.send(Buffer.concat([header, packet.subarray(12, end), answer]), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    server: `127.0.0.1:${(socket.address() as AddressInfo).port}`,
    queries,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
