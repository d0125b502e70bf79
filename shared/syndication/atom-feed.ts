import { xmlText } from './xml-text.js';

/** A link of a feed or an entry (RFC 4287 §4.2.7). */
export interface AtomLink {
  href: string;
  rel: 'alternate' | 'self' | 'related';
  type?: string;
}

/** One entry (RFC 4287 §4.1.2). */
export interface AtomEntry {
  /** A permanent IRI: the same entry keeps it in every version of the feed. */
  id: string;
  title: string;
  /** RFC 3339 date-time of the entry's last significant change. */
  updated: string;
  links: AtomLink[];
  /** The entry's body as HTML (escaped once more as Atom `type="html"` content). */
  html: string;
  categories?: string[];
}

/** A whole feed (RFC 4287 §4.1.1). */
export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** RFC 3339 date-time; the newest entry's when there are entries. */
  updated: string;
  language: string;
  links: AtomLink[];
  author: string;
  entries: AtomEntry[];
}

/** The feed as an Atom 1.0 document. Every text goes through {@link xmlText}; nothing else is written. */
export function renderAtomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    `<id>${xmlText(feed.id)}</id>`,
    `<title>${xmlText(feed.title)}</title>`,
    ...(feed.subtitle ? [`<subtitle>${xmlText(feed.subtitle)}</subtitle>`] : []),
    `<updated>${xmlText(feed.updated)}</updated>`,
    `<author><name>${xmlText(feed.author)}</name></author>`,
    `<generator>duma-alerts</generator>`,
    ...feed.links.map(renderLink),
    ...feed.entries.map(renderEntry),
    '</feed>',
    '',
  ].join('\n');
}

function renderEntry(entry: AtomEntry): string {
  return [
    '<entry>',
    `<id>${xmlText(entry.id)}</id>`,
    `<title>${xmlText(entry.title)}</title>`,
    `<updated>${xmlText(entry.updated)}</updated>`,
    ...entry.links.map(renderLink),
    ...(entry.categories ?? []).map((term) => `<category term="${xmlText(term)}"/>`),
    `<content type="html">${xmlText(entry.html)}</content>`,
    '</entry>',
  ].join('\n');
}

function renderLink(link: AtomLink): string {
  return `<link rel="${link.rel}" href="${xmlText(link.href)}"${link.type ? ` type="${xmlText(link.type)}"` : ''}/>`;
}
