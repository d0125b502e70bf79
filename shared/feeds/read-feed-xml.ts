import Parser from 'rss-parser';
import * as z from 'zod';
import { FeedError } from './feed-error.js';

// rss-parser hands back whatever the XML held: a field may be an object when the feed nests markup in it.
const optionalString = z.string().optional().catch(undefined);

const RawItemSchema = z.object({
  title: optionalString,
  link: optionalString,
  guid: optionalString,
  id: optionalString,
  'rdf:about': optionalString,
  summary: optionalString,
  content: optionalString,
  'content:encoded': optionalString,
  isoDate: optionalString,
  pubDate: optionalString,
  date: optionalString,
});
export type RawFeedItem = z.infer<typeof RawItemSchema>;

const RawFeedSchema = z.object({ title: optionalString, items: z.array(RawItemSchema) });
export type RawFeed = z.infer<typeof RawFeedSchema>;

const ATOM_DATE_ELEMENTS = new Set(['published', 'updated']);

/**
 * Reads RSS 2.0 (or a versionless <rss>), RSS 1.0/RDF or Atom XML with rss-parser.
 * @throws FeedError 'malformed-xml' when the XML does not parse, 'not-a-feed' when it is not a feed's structure.
 */
export async function readFeedXml(xml: string, feedUrl: string): Promise<RawFeed> {
  const parser = new Parser({
    defaultRSS: 2,
    // rss-parser turns an Atom date into ISO with toISOString, which throws on a date it cannot read: blank those
    // so one bad date costs the item its date, not the whole feed.
    xml2js: {
      valueProcessors: [
        (value: string, name: string) =>
          ATOM_DATE_ELEMENTS.has(name) && Number.isNaN(Date.parse(value)) ? '' : value,
      ],
    },
  });
  let output: unknown;
  try {
    output = await parser.parseString(xml);
  } catch (error) {
    throw asFeedError(error, feedUrl);
  }
  const feed = RawFeedSchema.safeParse(output);
  if (!feed.success) throw new FeedError('not-a-feed', feedUrl, 'the feed has no list of items');
  return feed.data;
}

function asFeedError(error: unknown, feedUrl: string): FeedError {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('Feed not recognized')) {
    return new FeedError('not-a-feed', feedUrl, 'the XML is not an RSS or Atom feed');
  }
  // rss-parser reads <rss>/<rdf:RDF> children without checking they exist.
  if (error instanceof TypeError) {
    return new FeedError('not-a-feed', feedUrl, 'the feed has no channel with items');
  }
  return new FeedError('malformed-xml', feedUrl, `the XML does not parse: ${message.replace(/\s*\n\s*/gu, ', ')}`);
}
