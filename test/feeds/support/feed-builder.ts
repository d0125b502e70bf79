import { TextDecoder } from 'node:util';

/** One item of a test feed; absent fields are left out of the XML. */
export interface TestItem {
  title?: string;
  link?: string;
  guid?: string;
  summary?: string;
  /** ISO date; written in the format's own date syntax. */
  date?: string;
}

export type FeedFormat = 'rss2' | 'rdf' | 'atom';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const element = (name: string, value: string | undefined) => (value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`);

/** A feed document in one of the three formats, with an XML declaration naming `declaredEncoding` if given. */
export function buildFeed(format: FeedFormat, title: string, items: TestItem[], declaredEncoding?: string): string {
  const declaration = `<?xml version="1.0"${declaredEncoding ? ` encoding="${declaredEncoding}"` : ''}?>\n`;
  switch (format) {
    case 'rss2':
      return `${declaration}<rss version="2.0"><channel>${element('title', title)}<link>https://news.example/</link>${items
        .map(
          (item) =>
            `<item>${element('title', item.title)}${element('link', item.link)}${element('guid', item.guid)}${element('description', item.summary)}${element('pubDate', item.date && new Date(item.date).toUTCString())}</item>`,
        )
        .join('\n')}</channel></rss>`;
    case 'rdf':
      return `${declaration}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://news.example/rss">${element('title', title)}<link>https://news.example/</link></channel>${items
        .map(
          (item) =>
            `<item rdf:about="${escapeXml(item.link ?? '')}">${element('title', item.title)}${element('link', item.link)}${element('description', item.summary)}${element('dc:date', item.date)}</item>`,
        )
        .join('\n')}</rdf:RDF>`;
    case 'atom':
      return `${declaration}<feed xmlns="http://www.w3.org/2005/Atom">${element('title', title)}<id>urn:test:feed</id>${items
        .map(
          (item) =>
            `<entry>${element('title', item.title)}${element('id', item.guid)}${item.link ? `<link rel="alternate" href="${escapeXml(item.link)}"/>` : ''}${element('summary', item.summary)}${element('published', item.date)}</entry>`,
        )
        .join('\n')}</feed>`;
  }
}

/** Encodes text in a single-byte charset (windows-1251, koi8-r), by inverting the platform's decoder. */
export function encodeSingleByte(text: string, charset: string): Buffer {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((char) => {
      if (char.charCodeAt(0) < 0x80) return char.charCodeAt(0);
      const byte = table.get(char);
      if (byte === undefined) throw new Error(`${char} has no ${charset} byte`);
      return byte;
    }),
  );
}
