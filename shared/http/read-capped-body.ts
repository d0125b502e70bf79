import type { Readable } from 'node:stream';

/** Thrown by {@link readCappedBody} once the body passes the cap; the stream has already been destroyed. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/**
 * Reads `body` to the end and destroys it as soon as more than `maxBytes` arrive, so an oversized or endless
 * response never sits in memory and its connection is torn down.
 */
export async function readCappedBody(body: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) {
      abandonBody(body);
      throw new BodyTooLargeError(`body exceeds ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}

/**
 * Reads and drops the rest of a body whose status already says everything, so its keep-alive connection can carry
 * the next request; a remainder over `maxBytes` is abandoned instead, and a broken one only costs the connection.
 */
export async function discardBody(body: Readable, maxBytes: number): Promise<void> {
  let length = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > maxBytes) break;
    }
  } catch {
    // The exchange's outcome is already known; a reset while draining changes nothing about it.
  }
  if (!body.readableEnded) abandonBody(body);
}

/**
 * Destroys a response body that will not be read, which closes its connection. A destroy can surface as an
 * 'error' on the stream; nobody is listening any more, so it is swallowed rather than crashing the process.
 */
export function abandonBody(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}
