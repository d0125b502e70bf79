import { TextDecoder } from 'node:util';

/**
 * The decoder for a page: sozd serves UTF-8; a charset the Content-Type names is honoured, an unknown one falls back
 * to UTF-8.
 */
export function pageDecoder(contentType: string | undefined): TextDecoder {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** A whole page's text, decoded as {@link pageDecoder} says. */
export function decodePage(body: Uint8Array, contentType: string | undefined): string {
  return pageDecoder(contentType).decode(body);
}
