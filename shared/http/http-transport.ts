import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/** One request as the fetcher asks for it; the transport decides how it reaches the server (direct or via a proxy). */
export interface TransportRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  /** Aborting it tears the exchange down, whatever stage it is at. */
  signal: AbortSignal;
}

/** The status line and headers of an answer; the body is streamed so the caller can cap it. */
export interface TransportResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Readable;
}

/** The polite fetcher's port to the network, so the fetcher's rules do not depend on an HTTP library. */
export interface HttpTransport {
  request(request: TransportRequest): Promise<TransportResponse>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}
