import { TextDecoder } from 'node:util';

const BYTE_ORDER_MARKS: Array<{ bytes: number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];
const HEADER_CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/iu;
const DECLARED_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/u;
const ENCODING_PSEUDO_ATTRIBUTE = /^(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*["'][^"']*["']/u;

/**
 * Decodes a feed body to text. The charset comes from a byte order mark (which cannot be wrong), else the HTTP
 * Content-Type header, else the XML declaration, else UTF-8; a label the platform does not know is skipped.
 * The declaration's encoding is removed from the result, since the text is no longer in that encoding.
 */
export function decodeFeedBody(body: Buffer, contentType: string | undefined): string {
  const candidates = [
    byteOrderMarkCharset(body),
    HEADER_CHARSET.exec(contentType ?? '')?.[1],
    DECLARED_ENCODING.exec(body.subarray(0, 1024).toString('latin1'))?.[1],
  ];
  const decoder = candidates.map(decoderFor).find((found) => found !== undefined) ?? new TextDecoder('utf-8');
  return decoder.decode(body).replace(ENCODING_PSEUDO_ATTRIBUTE, '$1');
}

function byteOrderMarkCharset(body: Buffer): string | undefined {
  return BYTE_ORDER_MARKS.find(({ bytes }) => bytes.every((byte, index) => body[index] === byte))?.charset;
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim());
  } catch {
    return undefined;
  }
}
