import { FeedError } from './feed-error.js';
import { childrenNamed, innerHtml, localName, readXmlTree, textOf, type XmlElement } from './xml-tree.js';

/** A text field of a feed as HTML, with the URL its relative links resolve against. */
export interface FeedText {
  html: string;
  base: string;
}

/** One item or entry as the feed wrote it, before it is cleaned up into a FeedItem. */
export interface RawFeedItem {
  title?: FeedText;
  /** The item's link (or RDF `rdf:about`) as written, and the URL it resolves against. */
  link?: string;
  base: string;
  guid?: string;
  /** The short text (RSS description, Atom summary) and the full one (content:encoded, Atom content). */
  summary?: FeedText;
  content?: FeedText;
  /** Every date the item gives, most telling first. */
  dates: string[];
  /** False when a mismatched or missing end tag broke the item: nothing it says can be trusted. */
  wellFormed: boolean;
}

export interface RawFeed {
  title?: FeedText;
  items: RawFeedItem[];
  /** What was forgiven to read the XML at all: stray `&`s, bad control characters. */
  repairs: string[];
}

/**
 * Reads RSS 2.0 (or a versionless `<rss>`), RSS 1.0/RDF or Atom XML, leniently (`readXmlTree`): Atom `xml:base` is
 * honoured, XHTML text (`type="xhtml"`) is kept as HTML in document order.
 * @throws FeedError 'not-a-feed' when the document is not a feed's structure.
 */
export function readFeedXml(xml: string, feedUrl: string): RawFeed {
  const document = readXmlTree(xml, feedUrl);
  const root = document.roots[0];
  const repairs = [
    document.strayAmpersands > 0 ? `${document.strayAmpersands} stray '&' read as text` : '',
    document.badControlCharacters > 0 ? `${document.badControlCharacters} control characters XML forbids dropped` : '',
  ].filter(Boolean);
  switch (root && localName(root.name)) {
    case 'rss': {
      const [channel] = childrenNamed(root!, 'channel');
      if (!channel) throw new FeedError('not-a-feed', feedUrl, 'the feed has no channel with items');
      return { title: feedText(childrenNamed(channel, 'title')[0]), items: childrenNamed(channel, 'item').map(rssItem), repairs };
    }
    case 'RDF': {
      const [channel] = childrenNamed(root!, 'channel');
      return { title: feedText(channel && childrenNamed(channel, 'title')[0]), items: childrenNamed(root!, 'item').map(rssItem), repairs };
    }
    case 'feed':
      return { title: feedText(childrenNamed(root!, 'title')[0]), items: childrenNamed(root!, 'entry').map(atomEntry), repairs };
    default:
      throw new FeedError('not-a-feed', feedUrl, 'the XML is not an RSS or Atom feed');
  }
}

function rssItem(item: XmlElement): RawFeedItem {
  const text = (...names: string[]) => childrenNamed(item, ...names).map(textOf).map((value) => value.trim()).find(Boolean);
  return {
    title: feedText(childrenNamed(item, 'title')[0]),
    link: text('link') ?? item.attributes['rdf:about'],
    base: item.base,
    guid: text('guid'),
    summary: feedText(childrenNamed(item, 'description')[0]),
    content: feedText(childrenNamed(item, 'content:encoded')[0]),
    dates: ['pubDate', 'dc:date'].flatMap((name) => childrenNamed(item, name)).map(textOf),
    wellFormed: item.wellFormed,
  };
}

function atomEntry(entry: XmlElement): RawFeedItem {
  const links = childrenNamed(entry, 'link');
  const alternate = links.find((link) => (link.attributes.rel ?? 'alternate') === 'alternate' && link.attributes.href);
  return {
    title: feedText(childrenNamed(entry, 'title')[0]),
    link: alternate?.attributes.href,
    base: alternate?.base ?? entry.base,
    guid: childrenNamed(entry, 'id').map(textOf)[0]?.trim(),
    summary: feedText(childrenNamed(entry, 'summary')[0]),
    content: feedText(childrenNamed(entry, 'content')[0]),
    dates: ['published', 'updated'].flatMap((name) => childrenNamed(entry, name)).map(textOf),
    wellFormed: entry.wellFormed,
  };
}

/** An element's text as HTML: XHTML (Atom `type="xhtml"`, inside its wrapping div) as markup, anything else as written. */
function feedText(element: XmlElement | undefined): FeedText | undefined {
  if (!element) return undefined;
  if (element.attributes.type !== 'xhtml') return { html: textOf(element), base: element.base };
  const [wrapper] = element.children.filter((child): child is XmlElement => typeof child !== 'string');
  return { html: innerHtml(wrapper && localName(wrapper.name) === 'div' ? wrapper : element), base: element.base };
}
