import { decodeFeedBody } from './decode-feed-body.js';
import { extractBillNumbers } from './extract-bill-numbers.js';
import { feedDate } from './feed-date.js';
import { FeedError } from './feed-error.js';
import { feedItemKey } from './feed-item-key.js';
import { FeedItemSchema, MAX_SUMMARY_LENGTH, type FeedItem, type ParsedFeed } from './feed-item.js';
import { readHtml, type HtmlReading } from './html-to-text.js';
import { readFeedXml, type FeedText, type RawFeedItem } from './read-feed-xml.js';

/** Bodies larger than this are refused: no news feed is that big, and the whole tree is held in memory. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
const MAX_TITLE_LENGTH = 500;
const MAX_BILL_LINKS = 20;

const HTML_PAGE = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)\b/iu;
const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * Parses an RSS 2.0, RSS 1.0/RDF or Atom feed body fetched from `feedUrl`, decoding it by its declared charsets
 * (`decodeFeedBody`). Items get plain-text summaries, ISO dates (unreadable dates are left out), absolute links, the
 * sozd bill links of their HTML, and a dedupe key. One bad item costs only itself: items without title and link,
 * items a mismatched end tag broke, and (when the charset could not be trusted) items with unreadable characters are
 * dropped and counted; repeated keys are kept once. What was forgiven is listed in `warnings`.
 * @throws FeedError for an empty, oversized, HTML, non-feed body, or one whose every item is broken or unreadable —
 *   and never anything else.
 */
export function parseFeed(body: Buffer, contentType: string | undefined, feedUrl: string): ParsedFeed {
  if (body.length > MAX_FEED_BYTES) {
    throw new FeedError('too-large', feedUrl, `the body is ${body.length} bytes, more than ${MAX_FEED_BYTES}`);
  }
  const decoded = decodeFeedBody(body, contentType);
  const xml = decoded.text.trim();
  if (xml === '') throw new FeedError('empty', feedUrl, 'the body is empty');
  if (HTML_PAGE.test(xml)) throw new FeedError('html', feedUrl, 'the body is an HTML page, not a feed');
  const raw = readFeedXml(xml, feedUrl);

  const items: FeedItem[] = [];
  const keys = new Set<string>();
  const counts = { dropped: 0, duplicate: 0, broken: 0, unreadable: 0 };
  for (const rawItem of raw.items) {
    const item = rawItem.wellFormed ? toFeedItem(rawItem) : undefined;
    if (!rawItem.wellFormed) counts.broken += 1;
    else if (!item) counts.dropped += 1;
    else if (!decoded.clean && [item.title, item.summary].some((text) => text?.includes(REPLACEMENT_CHARACTER))) counts.unreadable += 1;
    else if (keys.has(item.key)) counts.duplicate += 1;
    else {
      keys.add(item.key);
      items.push(item);
    }
  }
  if (items.length === 0 && counts.broken > 0) {
    throw new FeedError('malformed-xml', feedUrl, `the XML does not parse: ${counts.broken} of ${raw.items.length} items have a mismatched or missing end tag`);
  }
  if (items.length === 0 && counts.unreadable > 0) {
    throw new FeedError('undecodable', feedUrl, `every item has characters that cannot be read: ${decoded.warning}`);
  }
  const title = readText(raw.title).text;
  return {
    title: decoded.clean || !title.includes(REPLACEMENT_CHARACTER) ? title : '',
    items,
    droppedItems: counts.dropped,
    duplicateItems: counts.duplicate,
    warnings: [
      decoded.warning ?? '',
      ...raw.repairs,
      counts.broken > 0 ? `${counts.broken} items have a mismatched or missing end tag and were skipped` : '',
      counts.unreadable > 0 ? `${counts.unreadable} items have characters that cannot be read and were skipped` : '',
    ].filter(Boolean),
  };
}

function toFeedItem(raw: RawFeedItem): FeedItem | undefined {
  const link = absoluteHttpUrl(raw.link, raw.base);
  const title = readText(raw.title);
  const summary = readText(raw.summary);
  const content = readText(raw.content);
  // The short text summarises the item; the full text only when there is no short one. Both may link bills.
  const summaryText = raw.summary ? summary.text : content.text;
  const billLinks = [...new Set([...title.links, ...summary.links, ...content.links])]
    .filter((href) => extractBillNumbers(href).length > 0)
    .slice(0, MAX_BILL_LINKS);
  const titleText = truncate(title.text, MAX_TITLE_LENGTH) || link;
  if (!titleText) return undefined;
  const item = {
    title: titleText,
    link,
    summary: truncate(summaryText, MAX_SUMMARY_LENGTH) || undefined,
    publishedAt: raw.dates.map(feedDate).find((date) => date !== undefined),
    guid: raw.guid || undefined,
    billLinks: billLinks.length > 0 ? billLinks : undefined,
  };
  const parsed = FeedItemSchema.safeParse({ key: feedItemKey(item), ...item });
  return parsed.success ? parsed.data : undefined;
}

function readText(text: FeedText | undefined): HtmlReading {
  return text ? readHtml(text.html, text.base) : { text: '', links: [] };
}

function absoluteHttpUrl(link: string | undefined, base: string): string | undefined {
  // The URL parser trims spaces itself, but a blank link would resolve to the base: the feed's own address.
  if (!link?.trim() || !URL.canParse(link, base)) return undefined;
  const url = new URL(link, base);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/**
 * Cuts at the last space before the limit, so no word is broken, and marks the cut with an ellipsis. The text comes
 * from readHtml, whitespace collapsed to single spaces, so neither cut ends in a space.
 */
function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut}…`;
}
