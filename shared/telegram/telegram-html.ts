/** The Bot API's limit on a message's text (`sendMessage`), in UTF-16 code units. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/**
 * Escapes text for the Bot API's `parse_mode=HTML`: `&`, `<` and `>` everywhere, and `"` too, so the same function
 * serves an `href` attribute. A bill title like `<b>` or `&lt;` then reads exactly as written.
 */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Escapes text and cuts it so that the escaped form is at most `max` code units, ending with "…" when cut: never
 * inside an entity (the cut is made on the raw text) nor between the halves of a surrogate pair.
 */
export function escapeWithin(text: string, max: number): string {
  const escaped = escapeTelegramHtml(text);
  if (escaped.length <= max) return escaped;
  let kept = '';
  let length = 0;
  for (const character of text) {
    const piece = escapeTelegramHtml(character);
    if (length + piece.length > max - 1) break;
    kept += piece;
    length += piece.length;
  }
  return `${kept}…`;
}

/** Bold, over HTML that is already escaped. */
export function bold(html: string): string {
  return `<b>${html}</b>`;
}

/** Italic, over HTML that is already escaped. */
export function italic(html: string): string {
  return `<i>${html}</i>`;
}

/** A link over escaped HTML; `url` must be a web address already checked (see shared/email/web-link.ts). */
export function link(html: string, url: string): string {
  return `<a href="${escapeTelegramHtml(url)}">${html}</a>`;
}
