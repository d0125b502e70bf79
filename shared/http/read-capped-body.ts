import type { Readable } from 'node:stream';

/** Thrown by {@link readCappedBody} once the body passes the cap; the stream has already been destroyed. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/**
 * The first size at which a body's head is offered to `neededBytes`, each later offer doubling it: a real bill page
 * needs its first 200–310 KB, so most are settled by the first or second offer.
 */
const FIRST_HEAD_CHECK_BYTES = 256 * 1024;

/**
 * Reads `body` to the end and destroys it as soon as more than `maxBytes` arrive, so an oversized or endless
 * response never sits in memory and its connection is torn down.
 * @param neededBytes given the head read so far, how many leading bytes hold everything the caller reads, or
 *   undefined while that may not have arrived. Once they have, the body is abandoned: on a 2.7 MB bill page the
 *   needed ~300 KB come first, and receiving the rest cost more than a new connection (as for a long status answer).
 *   Offered heads double in size, so copying stays linear.
 * @returns the whole body, or its needed head.
 */
export async function readCappedBody(
  body: Readable,
  maxBytes: number,
  neededBytes?: (head: Buffer) => number | undefined,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  let nextCheck = FIRST_HEAD_CHECK_BYTES;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) {
      abandonBody(body);
      throw new BodyTooLargeError(`body exceeds ${maxBytes} bytes`);
    }
    chunks.push(chunk);
    if (neededBytes && length >= nextCheck) {
      const head = Buffer.concat(chunks, length);
      chunks.splice(0, chunks.length, head);
      const needed = neededBytes(head);
      if (needed !== undefined) {
        abandonBody(body);
        return head.subarray(0, needed);
      }
      nextCheck = length * 2;
    }
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
