import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

/** A real server on 127.0.0.1 and a random port, with the requests it has seen. */
export interface LoopbackServer {
  /** Origin such as http://127.0.0.1:54321 (no trailing slash). */
  origin: string;
  port: number;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/** Self-signed certificate for 127.0.0.1/localhost, made for these tests only. */
export const loopbackTestCertificate = readFileSync(
  new URL('./fixtures/loopback-test-cert.pem', import.meta.url),
  'utf8',
);
const loopbackTestKey = readFileSync(new URL('./fixtures/loopback-test-key.pem', import.meta.url), 'utf8');

/** Starts a plain HTTP server on loopback. */
export function startHttpServer(handler: RequestListener): Promise<LoopbackServer> {
  return listen(createHttpServer(), handler, 'http');
}

/** Starts an HTTPS server on loopback with {@link loopbackTestCertificate}. */
export function startHttpsServer(handler: RequestListener): Promise<LoopbackServer> {
  return listen(createHttpsServer({ key: loopbackTestKey, cert: loopbackTestCertificate }), handler, 'https');
}

/** Listens on 127.0.0.1 port 0 and records every request before handing it to `handler`. */
async function listen(server: Server, handler: RequestListener, scheme: 'http' | 'https'): Promise<LoopbackServer> {
  const requests: IncomingMessage[] = [];
  server.on('request', (request: IncomingMessage, response) => {
    requests.push(request);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
