import { Parser } from 'htmlparser2';

// Block elements separate words; inline ones (<b>, <a>) must not, or "Hel<b>lo</b>" would become "Hel lo".
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'img', 'li', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);
const INVISIBLE_ELEMENTS = new Set(['script', 'style', 'template', 'noscript']);

/** An HTML fragment read: its visible text, and where its links (`<a href>`) point. */
export interface HtmlReading {
  text: string;
  /** Absolute when a base URL was given and the href resolves against it; as written otherwise. */
  links: string[];
}

/** The visible text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed to single spaces. */
export function htmlToText(html: string): string {
  return readHtml(html).text;
}

/**
 * Reads an HTML fragment once for both its visible text (as {@link htmlToText}) and its links, which stripping the
 * tags would lose (a bill linked only from an `<a href>`), resolved against `base` when given.
 */
export function readHtml(html: string, base?: string): HtmlReading {
  const parts: string[] = [];
  const links: string[] = [];
  let invisibleDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'a' && attributes.href?.trim()) links.push(resolve(attributes.href.trim(), base));
        if (INVISIBLE_ELEMENTS.has(name)) invisibleDepth += 1;
        else if (BLOCK_ELEMENTS.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (invisibleDepth === 0) parts.push(text);
      },
      onclosetag(name) {
        if (INVISIBLE_ELEMENTS.has(name)) invisibleDepth = Math.max(0, invisibleDepth - 1);
        else if (BLOCK_ELEMENTS.has(name)) parts.push(' ');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { text: parts.join('').replace(/\s+/gu, ' ').trim(), links };
}

function resolve(href: string, base: string | undefined): string {
  if (base === undefined) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}
