import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { startHttpServer, type LoopbackServer } from '../http/loopback-server.js';

/** One request a receiver got. */
export interface ReceivedHit {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a path answers: a status, headers, a delay before answering. */
export interface ReceiverAnswer {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

/**
 * A webhook receiver on loopback: each path answers as the test says (by how many hits it has had), and every
 * request is kept with its headers and exact body, so a test can verify signatures and count attempts.
 */
export interface WebhookReceiver {
  origin: string;
  /** `127.0.0.1:<port>`, for the safe client's allowHosts. */
  hostPort: string;
  hits: ReceivedHit[];
  hitsTo(path: string): ReceivedHit[];
  /** Sets how a path answers; `answer` gets the 1-based number of the hit. Unset paths answer 200. */
  on(path: string, answer: ReceiverAnswer | ((hit: number) => ReceiverAnswer)): void;
  close(): Promise<void>;
}

/** Starts a {@link WebhookReceiver} on 127.0.0.1, port 0. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const hits: ReceivedHit[] = [];
  const answers = new Map<string, (hit: number) => ReceiverAnswer>();
  const server: LoopbackServer = await startHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      hits.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers.get(path)?.(hits.filter((hit) => hit.path === path).length) ?? { status: 200 };
      const reply = () => {
        if (response.destroyed) return;
        response.writeHead(answer.status, answer.headers ?? {});
        response.end('ok');
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  return {
    origin: server.origin,
    hostPort: `127.0.0.1:${server.port}`,
    hits,
    hitsTo: (path) => hits.filter((hit) => hit.path === path),
    on(path, answer) {
      answers.set(path, typeof answer === 'function' ? answer : () => answer);
    },
    close: () => server.close(),
  };
}

/** A loopback port with nothing listening: a receiver that is down. */
export async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
