import { createServer, request as httpRequest } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** What the proxy was asked to do. */
export interface ProxiedRequest {
  method: string;
  /** Absolute URI for a forwarded GET, host:port for CONNECT. */
  target: string;
  proxyAuthorization: string | undefined;
}

/** A tiny HTTP forward proxy on loopback that handles absolute-URI requests and CONNECT tunnels. */
export interface ForwardProxy {
  origin: string;
  seen: ProxiedRequest[];
  close(): Promise<void>;
}

/** Starts the proxy; with `requiredAuthorization` it answers 407 to requests without that Proxy-Authorization. */
export async function startForwardProxy(requiredAuthorization?: string): Promise<ForwardProxy> {
  const seen: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const authorized = (header: string | undefined) =>
    requiredAuthorization === undefined || header === requiredAuthorization;
  const server = createServer((request, response) => {
    const proxyAuthorization = request.headers['proxy-authorization'];
    seen.push({ method: request.method ?? '', target: request.url ?? '', proxyAuthorization });
    if (!authorized(proxyAuthorization)) {
      response.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const { 'proxy-authorization': _auth, 'proxy-connection': _connection, ...headers } = request.headers;
    const upstream = httpRequest(request.url ?? '', { method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request, client: Socket, head: Buffer) => {
    const proxyAuthorization = request.headers['proxy-authorization'];
    seen.push({ method: 'CONNECT', target: request.url ?? '', proxyAuthorization });
    if (!authorized(proxyAuthorization)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    const [host = '', port = ''] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
