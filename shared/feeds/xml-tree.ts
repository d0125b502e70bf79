import { Parser } from 'htmlparser2';

/** An element of a feed document, its children in document order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The URL relative references inside resolve against: `xml:base` resolved against the parent's, the feed's URL at the top. */
  base: string;
  /** False when this element, or one inside it, was closed by something other than its own end tag (a mismatched or missing one). */
  wellFormed: boolean;
}
export type XmlNode = XmlElement | string;

// C0 controls other than tab, newline and carriage return, and the two non-characters: never allowed in XML.
const BAD_CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu;
// An & that starts no entity or character reference, as in "Q&A" or "AT&T".
const STRAY_AMPERSAND = /&(?![A-Za-z][\w.-]*;|#\d+;|#x[\dA-Fa-f]+;)/gu;

/** A document read leniently, with what had to be forgiven to read it. */
export interface XmlDocument {
  /** The top-level elements (a feed has one). */
  roots: XmlElement[];
  strayAmpersands: number;
  badControlCharacters: number;
}

/**
 * Reads XML leniently, so that the common faults of real feeds cost as little as possible: a stray `&` is text, an
 * HTML entity XML does not know (`&nbsp;`, `&laquo;`) is left as written for the HTML reading that follows, bad control
 * characters are dropped, and an element closed by a mismatched or missing end tag is kept but marked not well formed
 * (with every element around it), so a caller can drop just the item it broke.
 */
export function readXmlTree(xml: string, documentUrl: string): XmlDocument {
  const badControlCharacters = xml.match(BAD_CONTROL_CHARACTERS)?.length ?? 0;
  const text = badControlCharacters > 0 ? xml.replace(BAD_CONTROL_CHARACTERS, '') : xml;
  const roots: XmlElement[] = [];
  const open: XmlElement[] = [];
  let ending = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = open.at(-1);
        const element: XmlElement = { name, attributes, children: [], base: resolveBase(attributes['xml:base'], parent?.base ?? documentUrl), wellFormed: true };
        (parent ? parent.children : roots).push(element);
        open.push(element);
      },
      ontext(value) {
        open.at(-1)?.children.push(value);
      },
      onclosetag(_name, isImplied) {
        const element = open.pop();
        if (!element) return;
        // Implied closes also come for self-closing tags (`<link href="…"/>`), which are fine.
        const selfClosing = !ending && text[parser.endIndex] === '>' && text[parser.endIndex - 1] === '/';
        if (isImplied && !selfClosing) element.wellFormed = false;
        const parent = open.at(-1);
        if (parent && !element.wellFormed) parent.wellFormed = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  ending = true;
  parser.end();
  return { roots, strayAmpersands: text.match(STRAY_AMPERSAND)?.length ?? 0, badControlCharacters };
}

/** The text inside an element, markup dropped, in document order. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}

/**
 * The markup inside an element as HTML, in document order, with `href`/`src` made absolute against the element's
 * `xml:base`, for XHTML content (Atom `type="xhtml"`).
 */
export function innerHtml(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child.replace(/</gu, '&lt;') : outerHtml(child))).join('');
}

function outerHtml(element: XmlElement): string {
  const name = localName(element.name);
  const attributes = Object.entries(element.attributes)
    .filter(([attribute]) => !attribute.startsWith('xmlns') && !attribute.startsWith('xml:'))
    .map(([attribute, value]) => ` ${attribute}="${escapeAttribute(attribute === 'href' || attribute === 'src' ? resolveBase(value, element.base) : value)}"`)
    .join('');
  return `<${name}${attributes}>${innerHtml(element)}</${name}>`;
}

/** The children of `element` with one of `names` (as written, prefix included), in document order. */
export function childrenNamed(element: XmlElement, ...names: string[]): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && names.includes(child.name));
}

/** The name without its namespace prefix (`rdf:RDF` → `RDF`). */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function resolveBase(reference: string | undefined, base: string): string {
  if (!reference?.trim()) return base;
  try {
    return new URL(reference.trim(), base).href;
  } catch {
    return base;
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;');
}
