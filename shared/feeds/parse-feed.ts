import { decodeFeedBody } from './decode-feed-body.js';
import { FeedError } from './feed-error.js';
import { feedItemKey } from './feed-item-key.js';
import { FeedItemSchema, MAX_SUMMARY_LENGTH, type FeedItem, type ParsedFeed } from './feed-item.js';
import { htmlToText } from './html-to-text.js';
import { readFeedXml, type RawFeedItem } from './read-feed-xml.js';

/** Bodies larger than this are refused: no news feed is that big, and xml2js holds the whole tree in memory. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
const MAX_TITLE_LENGTH = 500;

const HTML_PAGE = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)\b/iu;

/**
 * Parses an RSS 2.0, RSS 1.0/RDF or Atom feed body fetched from `feedUrl`, decoding it by the Content-Type
 * charset or the XML declaration. Items get plain-text summaries, ISO dates (unreadable dates are left out),
 * absolute links and a dedupe key; items without title and link are dropped, repeated keys are kept once.
 * @throws FeedError for an empty, oversized, HTML, malformed or non-feed body — and never anything else.
 */
export async function parseFeed(body: Buffer, contentType: string | undefined, feedUrl: string): Promise<ParsedFeed> {
  if (body.length > MAX_FEED_BYTES) {
    throw new FeedError('too-large', feedUrl, `the body is ${body.length} bytes, more than ${MAX_FEED_BYTES}`);
  }
  const xml = decodeFeedBody(body, contentType).trim();
  if (xml === '') throw new FeedError('empty', feedUrl, 'the body is empty');
  if (HTML_PAGE.test(xml)) throw new FeedError('html', feedUrl, 'the body is an HTML page, not a feed');
  const raw = await readFeedXml(xml, feedUrl);

  const items: FeedItem[] = [];
  const keys = new Set<string>();
  let droppedItems = 0;
  let duplicateItems = 0;
  for (const rawItem of raw.items) {
    const item = toFeedItem(rawItem, feedUrl);
    if (!item) {
      droppedItems += 1;
    } else if (keys.has(item.key)) {
      duplicateItems += 1;
    } else {
      keys.add(item.key);
      items.push(item);
    }
  }
  return { title: htmlToText(raw.title ?? ''), items, droppedItems, duplicateItems };
}

function toFeedItem(raw: RawFeedItem, feedUrl: string): FeedItem | undefined {
  const link = absoluteHttpUrl(raw.link ?? raw['rdf:about'], feedUrl);
  const title = truncate(htmlToText(raw.title ?? ''), MAX_TITLE_LENGTH) || link;
  if (!title) return undefined;
  const guid = (raw.guid ?? raw.id)?.trim() || undefined;
  const summary = truncate(htmlToText(raw.summary ?? raw.content ?? raw['content:encoded'] ?? ''), MAX_SUMMARY_LENGTH);
  const publishedAt = [raw.isoDate, raw.pubDate, raw.date].map(isoDate).find((date) => date !== undefined);
  const item = { title, link, summary: summary || undefined, publishedAt, guid };
  const parsed = FeedItemSchema.safeParse({ key: feedItemKey(item), ...item });
  return parsed.success ? parsed.data : undefined;
}

function absoluteHttpUrl(link: string | undefined, feedUrl: string): string | undefined {
  if (!link?.trim()) return undefined;
  try {
    const url = new URL(link.trim(), feedUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Cuts at the last space before the limit, so no word is broken, and marks the cut with an ellipsis. */
function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
