import * as z from 'zod';

/** Summaries longer than this are cut at a word boundary: an alert quotes a summary, it does not reprint the article. */
export const MAX_SUMMARY_LENGTH = 2000;

/** One news item of a feed, as duma-alerts keeps it. */
export const FeedItemSchema = z.object({
  /** Stable across fetches of the feed: the guid, else the link, else `sha256:` of the normalised title and date. */
  key: z.string().min(1),
  title: z.string().min(1),
  link: z.url({ protocol: /^https?$/ }).optional(),
  /** Plain text: HTML stripped, whitespace collapsed. */
  summary: z.string().min(1).max(MAX_SUMMARY_LENGTH).optional(),
  publishedAt: z.iso.datetime().optional(),
  guid: z.string().min(1).optional(),
  /** sozd bill links in the item's HTML (`<a href>`), which the plain-text summary no longer shows. */
  billLinks: z.array(z.url({ protocol: /^https?$/ })).optional(),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;

/** A feed read from one fetch. */
export interface ParsedFeed {
  title: string;
  items: FeedItem[];
  /** Items left out because they had neither a title nor a link. */
  droppedItems: number;
  /** Items left out because an earlier item of the feed had the same key (guid). */
  duplicateItems: number;
  /** What the read had to forgive (charset, stray `&`, broken or unreadable items), for the feed's health. */
  warnings: string[];
}
