import { compile } from 'css-select';
import { DomHandler, hasChildren, isTag, isText, type AnyNode, type ChildNode, type Document, type Element, type ParentNode } from 'domhandler';
import { Parser, parseDocument, Tokenizer } from 'htmlparser2';
import { BillPageError } from './bill-page-error.js';

/** Where sozd serves its pages and files; relative links on a bill page resolve against it. */
export const SOZD_ORIGIN = 'https://sozd.duma.gov.ru';

/** Real bill pages nest about 15 deep; far deeper markup is broken or hostile, and selector matching over it crawls. */
const MAX_NESTING = 100;

/**
 * A stretch of a page's UTF-8 bytes as a string of one character per byte (latin1). Markup is ASCII, so it parses the
 * same, at a fraction of the cost of decoding the text first (two-byte strings, and half the characters to scan);
 * only what the parser reads of it is decoded, by {@link normalizedText} and {@link attribute}.
 */
export type ByteString = string;

/** A page's bytes as a {@link ByteString}. */
export function byteString(bytes: Uint8Array): ByteString {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * The size a region is read in: a string over ~128 KB is a V8 large object, whose making cost ~1 ms for a 160 KB
 * events tab (a fifth of its parse, and old-generation garbage); chunks of 32 KB cost a thirtieth of that.
 */
const CHUNK_BYTES = 32 * 1024;
/** `<`, which starts every tag, as a byte. */
export const LESS_THAN = 0x3c;

/**
 * A page's bytes as {@link ByteString}s of about 32 KB, each after the first starting at a `<`, so that no match of a
 * pattern that starts with `<` and holds no other `<` (a tag) is split between two. A stretch of more than 32 KB
 * without a `<` stays whole.
 */
export function byteChunks(bytes: Buffer): ByteString[] {
  const chunks: ByteString[] = [];
  for (let start = 0; start < bytes.length; ) {
    const limit = start + CHUNK_BYTES;
    let end = limit >= bytes.length ? bytes.length : bytes.lastIndexOf(LESS_THAN, limit);
    if (end <= start) {
      const next = bytes.indexOf(LESS_THAN, limit);
      end = next === -1 ? bytes.length : next;
    }
    chunks.push(bytes.toString('latin1', start, end));
    start = end;
  }
  return chunks;
}

// Character references are left in the DOM (a reference's character is not a byte) and decoded here, after the UTF-8,
// by the same parser, so each reads exactly as a DOM of the decoded page would have it.
const NON_ASCII = /[^\x00-\x7f]/;

function fromBytes(data: ByteString): string {
  return NON_ASCII.test(data) ? Buffer.from(data, 'latin1').toString('utf8') : data;
}

function decodedText(data: ByteString): string {
  const text = fromBytes(data);
  // `<` escaped: the text of a <title> or <textarea> may hold markup-like `<b>`, which is its text, not elements.
  return text.includes('&') ? (parseDocument(text.replace(/</g, '&lt;')).children.find(isText)?.data ?? text) : text;
}

/** The value of an element's attribute, decoded; undefined when it has none. */
export function attribute(element: Element, name: string): string | undefined {
  const value = element.attribs[name];
  if (value === undefined) return undefined;
  const text = fromBytes(value);
  if (!text.includes('&')) return text;
  const holder = parseDocument(`<a v="${text.replace(/"/g, '&quot;')}">`).children[0];
  return holder && isTag(holder) ? holder.attribs['v'] : text;
}

/**
 * The DOM builder of {@link parseRegion}: refuses a node deeper than {@link MAX_NESTING} as it is added (its depth is the
 * number of elements open above it, the document's own 0), which spares a walk over the finished DOM.
 */
class NestingLimitedHandler extends DomHandler {
  constructor(private readonly region: string) {
    super();
  }

  protected override addNode(node: ChildNode): void {
    if (this.tagStack.length > MAX_NESTING) {
      throw new BillPageError('layout-changed', `the ${this.region} nests elements deeper than ${MAX_NESTING} levels`);
    }
    super.addNode(node);
  }
}

/** The parts of htmlparser2's tokenizer (12.x) that {@link IndexOfTokenizer} reads, private in its types. */
interface TokenizerCursor {
  /** The chunk being read. */
  buffer: string;
  /** Where the chunk starts in the whole input. */
  offset: number;
  /** The character being read, in the whole input. */
  index: number;
}

/**
 * htmlparser2's tokenizer, but skipping to the end of a text, an attribute value or a comment with `String#indexOf` (a
 * native scan) instead of its loop over every character: sozd's markup is deeply indented and carries long tooltips,
 * and that loop was ~8 % of a page's parse. Same contract as the method it replaces: called on a character that is not
 * `code`, it moves the cursor to the next `code` and says true, or to the chunk's last character and says false.
 * `test/sozd/page-dom.test.ts` fails if a new htmlparser2 no longer has that method.
 */
class IndexOfTokenizer extends Tokenizer {}

// Set on the subclass's prototype: TypeScript refuses an override of a member the base class declares private.
(IndexOfTokenizer.prototype as unknown as { fastForwardTo: (this: TokenizerCursor, code: number) => boolean }).fastForwardTo =
  function fastForwardTo(code) {
    const found = this.buffer.indexOf(String.fromCharCode(code), this.index + 1 - this.offset);
    this.index = (found === -1 ? this.buffer.length - 1 : found) + this.offset;
    return found !== -1;
  };

/**
 * Parses one slice of a bill page, its UTF-8 bytes, into a DOM of {@link ByteString}s, written to the parser in
 * {@link byteChunks} (it joins what a chunk's end splits).
 * @throws BillPageError `layout-changed` when elements nest deeper than any bill page does.
 */
export function parseRegion(html: Buffer, region: string): Document {
  const handler = new NestingLimitedHandler(region);
  const parser = new Parser(handler, { decodeEntities: false, Tokenizer: IndexOfTokenizer });
  for (const chunk of byteChunks(html)) parser.write(chunk);
  parser.end();
  return handler.root;
}

/** All text under the node, walked with an explicit stack so that hostile nesting cannot overflow the call stack. */
function textOf(node: AnyNode): string {
  const parts: string[] = [];
  const pending: AnyNode[] = [node];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (isText(next)) parts.push(decodedText(next.data));
    else if (hasChildren(next)) for (let i = next.children.length - 1; i >= 0; i -= 1) pending.push(next.children[i]!);
  }
  return parts.join('');
}

/** The node's text with runs of whitespace (the pages indent heavily, and use &nbsp;) collapsed to one space. */
export function normalizedText(node: AnyNode | null | undefined): string {
  return node ? textOf(node).replace(/\s+/g, ' ').trim() : '';
}

/** The element's classes: the words of its class attribute, between any whitespace. */
function classesOf(element: Element): string[] {
  return attribute(element, 'class')?.match(/\S+/g) ?? [];
}

/** Whether the element carries the class `name` among its space-separated classes. */
export function hasClass(element: Element, name: string): boolean {
  return classesOf(element).includes(name);
}

/** A link on a sozd page resolved against sozd, or undefined when the href is missing or not a URL. */
export function sozdUrl(href: string | undefined): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), SOZD_ORIGIN);
  } catch {
    // not a URL: no link
  }
  return undefined;
}

/** N of the element's first class that is `prefix` followed by digits (`bhi3` → 3), or undefined. */
export function numberedClass(element: Element, prefix: string): number | undefined {
  for (const name of classesOf(element)) {
    if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))) return Number(name.slice(prefix.length));
  }
  return undefined;
}

/**
 * Selectors compiled once per process: css-select compiles a string selector on every call, which was a large share of
 * reading a page's ~30 events (a handful of queries each). Compiled without a context, a selector matches within the
 * root's subtree the same way for the selectors used here, whose every part lies inside the root.
 */
type CompiledQuery = ReturnType<typeof compile<AnyNode, Element>>;
const compiled = new Map<string, CompiledQuery>();

function compiledQuery(selector: string): CompiledQuery {
  let query = compiled.get(selector);
  // The DOM's attribute values are byte strings, references undecoded: a selector's text is matched as its UTF-8 bytes.
  if (!query) compiled.set(selector, (query = compile<AnyNode, Element>(byteString(Buffer.from(selector, 'utf8')))));
  return query;
}

/**
 * Calls `visit` on each element under `root` (not `root` itself) in document order, `<template>` contents skipped, as
 * css-select's own search does, until it returns true. Its search shifts and unshifts arrays and converts its options on
 * every call, which was most of a page's query time.
 */
function forEachElementUnder(root: ParentNode, visit: (element: Element) => boolean): void {
  const pending: AnyNode[] = [...root.children].reverse();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (!isTag(node)) continue;
    if (visit(node)) return;
    if (node.name !== 'template') for (let i = node.children.length - 1; i >= 0; i -= 1) pending.push(node.children[i]!);
  }
}

/** Elements under `root` matching the CSS selector, in document order. */
export function queryAll(selector: string, root: ParentNode): Element[] {
  const query = compiledQuery(selector);
  const found: Element[] = [];
  forEachElementUnder(root, (element) => {
    if (query(element)) found.push(element);
    return false;
  });
  return found;
}

/** The first element under `root` matching the CSS selector, or null. */
export function queryOne(selector: string, root: ParentNode): Element | null {
  const query = compiledQuery(selector);
  let found: Element | null = null;
  forEachElementUnder(root, (element) => {
    if (query(element)) found = element;
    return found !== null;
  });
  return found;
}

/**
 * For each CSS selector, the elements under `root` matching it in document order, as {@link queryAll} finds them, in
 * one walk of the subtree rather than one a selector: an event's half-dozen queries walked it that many times.
 */
export function queryEach<const Selectors extends readonly string[]>(selectors: Selectors, root: Element): { [K in keyof Selectors]: Element[] } {
  const queries = selectors.map(compiledQuery);
  const found = queries.map((): Element[] => []);
  forEachElementUnder(root, (element) => {
    for (let i = 0; i < queries.length; i += 1) if (queries[i]!(element)) found[i]!.push(element);
    return false;
  });
  return found as { [K in keyof Selectors]: Element[] };
}
