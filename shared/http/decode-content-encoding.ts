import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';
import { BodyTooLargeError } from './read-capped-body.js';

/** What the fetcher asks servers for: compression saves the Duma's servers and ours the bytes. */
export const ACCEPT_ENCODING = 'gzip, deflate';

/** A body whose Content-Encoding cannot be undone: unknown, or corrupt. */
export class ContentEncodingError extends Error {
  override readonly name = 'ContentEncodingError';
}

const GZIP_MAGIC = [0x1f, 0x8b];
type Decompress = (bytes: Buffer, options: ZlibOptions) => Promise<Buffer>;
const gunzipAsync: Decompress = promisify(gunzip);
const brotliAsync: Decompress = promisify(brotliDecompress);
const inflateAsync: Decompress = promisify(inflate);
const inflateRawAsync: Decompress = promisify(inflateRaw);
const DECOMPRESSORS: Record<string, Decompress> = {
  gzip: gunzipAsync,
  'x-gzip': gunzipAsync,
  br: brotliAsync,
  // "deflate" should be zlib-wrapped, but some servers send it raw.
  deflate: (bytes, options) => (isZlibWrapped(bytes) ? inflateAsync(bytes, options) : inflateRawAsync(bytes, options)),
};

/**
 * Undoes the Content-Encoding of a body (gzip, deflate, br, several in a row), also gzip sent without saying so.
 * The decoded body is held to `maxBytes` too, so a small compressed body that inflates enormously (a zip bomb) is
 * refused as too large rather than filling memory.
 * @throws BodyTooLargeError past `maxBytes`; ContentEncodingError for an unknown or corrupt encoding
 */
export async function decodeContentEncoding(body: Buffer, contentEncoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const declared = (contentEncoding ?? '').split(',').map((coding) => coding.trim().toLowerCase()).filter((coding) => coding && coding !== 'identity');
  const codings = declared.length === 0 && GZIP_MAGIC.every((byte, index) => body[index] === byte) ? ['gzip'] : declared;
  let decoded = body;
  for (const coding of codings.reverse()) {
    const decompress = DECOMPRESSORS[coding];
    if (!decompress) throw new ContentEncodingError(`the body's Content-Encoding ${coding} is not one the fetcher can read`);
    try {
      decoded = await decompress(decoded, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new BodyTooLargeError(`decoded body exceeds ${maxBytes} bytes`);
      throw new ContentEncodingError(`the body is not valid ${coding}: ${(error as Error).message}`);
    }
  }
  return decoded;
}

function isZlibWrapped(bytes: Buffer): boolean {
  return bytes.length >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;
}
