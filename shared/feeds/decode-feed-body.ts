import { TextDecoder } from 'node:util';

const BYTE_ORDER_MARKS: Array<{ bytes: number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];
const HEADER_CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/iu;
const DECLARED_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/u;

/** A feed body as text, and how far its charset could be trusted. */
export interface DecodedFeedBody {
  text: string;
  /** False when no declared charset decodes every byte: the text then holds U+FFFD where bytes were lost. */
  clean: boolean;
  /** Why the body was not read as first declared, or that it could not be read cleanly; for the feed's health. */
  warning?: string;
}

interface Declaration {
  source: string;
  label: string;
  decoder: TextDecoder;
}

/**
 * Decodes a feed body to text by the first declaration that decodes it cleanly, in order of trust: a byte order mark
 * (which cannot be wrong), the HTTP Content-Type charset, the XML declaration, else UTF-8; a label the platform does
 * not know is skipped. windows-1251 bytes served as `charset=utf-8` but declared windows-1251 in the XML are read as
 * windows-1251, with a warning. When nothing decodes cleanly, the first declaration is used and the result says so.
 */
export function decodeFeedBody(body: Buffer, contentType: string | undefined): DecodedFeedBody {
  const declarations = [
    { source: 'byte order mark', label: byteOrderMarkCharset(body) },
    { source: 'Content-Type header', label: HEADER_CHARSET.exec(contentType ?? '')?.[1] },
    { source: 'XML declaration', label: DECLARED_ENCODING.exec(body.subarray(0, 1024).toString('latin1'))?.[1] },
  ].flatMap(({ source, label }) => {
    const decoder = label === undefined ? undefined : decoderFor(label);
    return decoder ? [{ source, label: label!.trim(), decoder }] : [];
  });
  const tried: Declaration[] = declarations.length > 0 ? declarations : [{ source: 'XML default', label: 'utf-8', decoder: new TextDecoder('utf-8') }];
  const first = tried[0]!;
  for (const declaration of tried) {
    const text = decodeStrictly(body, declaration.decoder.encoding);
    if (text === undefined) continue;
    if (declaration.decoder.encoding === first.decoder.encoding) return { text, clean: true };
    return {
      text,
      clean: true,
      warning: `the ${first.source} says ${first.label}, but the body is not ${first.label}: read as ${declaration.label}, as the ${declaration.source} says`,
    };
  }
  // By the platform's name for each: "UTF-8" in the header and "utf-8" in the XML declaration are one charset.
  const labels = [...new Set(tried.map((declaration) => declaration.decoder.encoding))].join(' nor ');
  return { text: first.decoder.decode(body), clean: false, warning: `the body is not valid ${labels}: characters that cannot be read were lost` };
}

function decodeStrictly(body: Buffer, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
}

function byteOrderMarkCharset(body: Buffer): string | undefined {
  return BYTE_ORDER_MARKS.find(({ bytes }) => bytes.every((byte, index) => body[index] === byte))?.charset;
}

/** The platform's decoder for a charset label (white space around it is ignored, as the Encoding Standard says). */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}
