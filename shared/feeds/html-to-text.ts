import { Parser } from 'htmlparser2';

// Block elements separate words; inline ones (<b>, <a>) must not, or "Hel<b>lo</b>" would become "Hel lo".
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'img', 'li', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);
const INVISIBLE_ELEMENTS = new Set(['script', 'style', 'template', 'noscript']);

/** The visible text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed to single spaces. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let invisibleDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
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
  return parts.join('').replace(/\s+/gu, ' ').trim();
}
