import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isConsolePath } from '../shared/api/console/console-paths.js';
import type { HttpApiHandler } from '../shared/api/http-handler.js';

export type { HttpApiHandler };

export interface HttpApiServer {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

// API Gateway refuses payloads over 10 MB before the function sees them; so does this server.
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
// What API Gateway passes as text; everything else arrives base64-encoded, as in AWS.
const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript)|multipart\/form-data)/i;

/**
 * Serves an HTTP API handler on loopback the way API Gateway would: each request becomes a payload 2.0
 * event (cookies apart, repeated headers joined with commas, binary bodies base64), and the structured
 * result is written back. This is how `npm start` serves the web pages and the API.
 */
export async function startHttpApiServer(
  handler: HttpApiHandler,
  options: { host?: string; port?: number } = {},
): Promise<HttpApiServer> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((request, response) => {
    serve(handler, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`handler failed: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(handler: HttpApiHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  if (body === undefined) {
    response.writeHead(413, { 'content-type': 'application/json' }).end('{"message":"Request Entity Too Large"}');
    return;
  }
  const result = await handler(toEvent(request, body));
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const payload = result.body ?? '';
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(result.isBase64Encoded ? Buffer.from(payload, 'base64') : payload);
}

function toEvent(request: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headersDistinct)) {
    if (!value) continue;
    if (name === 'cookie') cookies = value.flatMap((line) => line.split(';').map((cookie) => cookie.trim()).filter(Boolean));
    else headers[name] = value.join(',');
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const text = body.length === 0 || TEXT_TYPES.test(headers['content-type'] ?? '');
  const method = request.method ?? 'GET';
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies,
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: `${now.getTime()}-${Math.random().toString(36).slice(2)}`,
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length > 0 ? (text ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: !text,
  };
}

/** The whole body, or undefined once it passes the limit (the rest is drained, not kept). */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_REQUEST_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks);
}

/**
 * One handler for the HTTP API's two functions, routing as API Gateway does: the console's paths to the console
 * function, the rest to the api function.
 */
export function httpApiOf(functions: { api: HttpApiHandler; console: HttpApiHandler }): HttpApiHandler {
  return (event) => (isConsolePath(event.rawPath) ? functions.console(event) : functions.api(event));
}
