import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../shared/feeds/feed-error.js';
import { MAX_SUMMARY_LENGTH } from '../../shared/feeds/feed-item.js';
import { MAX_FEED_BYTES, parseFeed } from '../../shared/feeds/parse-feed.js';

const FEED_URL = 'https://news.example/feed.xml';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url));
}

async function feedErrorOf(body: Buffer, contentType?: string): Promise<{ reason: string; message: string }> {
  try {
    await parseFeed(body, contentType, FEED_URL);
  } catch (error) {
    if (error instanceof FeedError) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error('expected a FeedError');
}

const CYRILLIC_ITEM = {
  key: 'https://cyr.example/1',
  title: 'Ёлки: законопроект об экстрадиции',
  link: 'https://cyr.example/1',
  summary: 'Иностранные граждане и военная служба',
};

describe('parseFeed on good feeds', () => {
  it('reads RSS 2.0: text summaries, ISO dates, absolute links, keys, one item per guid, items without title and link dropped', async () => {
    const feed = await parseFeed(fixture('rss2.xml'), 'application/rss+xml', FEED_URL);

    expect(feed).toEqual({
      title: 'Новости & законы',
      items: [
        {
          key: 'news-1',
          title: 'Госдума приняла законопроект № 1075342-8',
          link: 'https://news.example/a/1',
          summary: 'Законопроект об экстрадиции принят во втором чтении.',
          publishedAt: '2024-10-01T07:30:00.000Z',
          guid: 'news-1',
        },
        { key: 'https://news.example/a/2', title: 'Relative link, bad date', link: 'https://news.example/a/2' },
        { key: 'https://news.example/a/3', title: 'https://news.example/a/3', link: 'https://news.example/a/3' },
        {
          key: `sha256:${createHash('sha256').update('only a title\n2024-10-02T08:00:00.000Z').digest('hex')}`,
          title: 'Only a title',
          publishedAt: '2024-10-02T08:00:00.000Z',
        },
      ],
      droppedItems: 1,
      duplicateItems: 1,
      warnings: [],
    });
  });

  it('reads RSS 1.0 (RDF) with its dc:date', async () => {
    expect(await parseFeed(fixture('rdf.xml'), undefined, FEED_URL)).toEqual({
      title: 'Duma RDF',
      items: [
        {
          key: 'https://duma.example/n/7',
          title: 'Bill No. 1075342-8 passes first reading',
          link: 'https://duma.example/n/7',
          summary: 'The bill on extradition.',
          publishedAt: '2024-10-03T09:00:00.000Z',
        },
      ],
      droppedItems: 0,
      duplicateItems: 0,
      warnings: [],
    });
  });

  it('reads Atom, keeping an entry whose date cannot be read without its date', async () => {
    expect(await parseFeed(fixture('atom.xml'), 'application/atom+xml; charset=utf-8', FEED_URL)).toEqual({
      title: 'Atom news',
      items: [
        {
          key: 'urn:uuid:entry-1',
          title: 'Sanctions bill',
          link: 'https://atom.example/e/1',
          summary: 'Tax & sanctions',
          publishedAt: '2024-10-04T06:15:00.000Z',
          guid: 'urn:uuid:entry-1',
        },
        {
          key: 'urn:uuid:entry-2',
          title: 'Undated entry',
          link: 'https://atom.example/e/2',
          summary: 'Body text',
          guid: 'urn:uuid:entry-2',
        },
      ],
      droppedItems: 0,
      duplicateItems: 0,
      warnings: [],
    });
  });

  it('decodes windows-1251 named only in the XML declaration', async () => {
    const feed = await parseFeed(fixture('windows-1251-declared.xml'), 'text/xml', FEED_URL);
    expect(feed.title).toBe('Лента в windows-1251');
    expect(feed.items).toEqual([CYRILLIC_ITEM]);
  });

  it('decodes koi8-r named only in the Content-Type header', async () => {
    const feed = await parseFeed(fixture('koi8-r-undeclared.xml'), 'text/xml; charset="KOI8-R"', FEED_URL);
    expect(feed.title).toBe('Лента в KOI8-R');
    expect(feed.items).toEqual([CYRILLIC_ITEM]);
  });

  it('trusts the header charset over a wrong XML declaration', async () => {
    const feed = await parseFeed(fixture('windows-1251-declared-utf-8.xml'), 'text/xml; charset=windows-1251', FEED_URL);
    expect(feed.items).toEqual([CYRILLIC_ITEM]);
  });

  it('falls back to the XML declaration when the header names a charset nobody knows', async () => {
    const feed = await parseFeed(fixture('windows-1251-declared.xml'), 'text/xml; charset=x-no-such-charset', FEED_URL);
    expect(feed.items).toEqual([CYRILLIC_ITEM]);
  });

  it('cuts a long summary at a word boundary to at most the limit, ending in an ellipsis', async () => {
    const body = Buffer.from(
      `<rss version="2.0"><channel><title>t</title><item><title>x</title><description>${'слово '.repeat(500)}</description></item></channel></rss>`,
    );
    const [item] = (await parseFeed(body, undefined, FEED_URL)).items;
    const expectedWords = Math.floor((MAX_SUMMARY_LENGTH - 1) / 'слово '.length);
    expect(item?.summary).toBe(`${Array.from({ length: expectedWords }, () => 'слово').join(' ')}…`);
  });
});

describe('parseFeed on broken feeds', () => {
  it.each([
    ['an empty body', 'empty', Buffer.alloc(0), `${FEED_URL}: the body is empty`],
    ['a body of blanks', 'empty', Buffer.from(' \n\t '), `${FEED_URL}: the body is empty`],
    [
      'an HTML page',
      'html',
      Buffer.from('<!DOCTYPE html><html><head><title>502</title></head><body>Bad gateway</body></html>'),
      `${FEED_URL}: the body is an HTML page, not a feed`,
    ],
    [
      'malformed XML',
      'malformed-xml',
      Buffer.from('<rss version="2.0"><channel><item></channel></rss>'),
      `${FEED_URL}: the XML does not parse: 1 of 1 items have a mismatched or missing end tag`,
    ],
    ['XML that is not a feed', 'not-a-feed', Buffer.from('<note><to>you</to></note>'), `${FEED_URL}: the XML is not an RSS or Atom feed`],
    ['RSS without a channel', 'not-a-feed', Buffer.from('<rss version="2.0"></rss>'), `${FEED_URL}: the feed has no channel with items`],
  ])('%s → FeedError %s', async (_case, reason, body, message) => {
    expect(await feedErrorOf(body)).toEqual({ reason, message });
  });

  it('refuses a body over the size limit before reading it', async () => {
    const body = Buffer.alloc(MAX_FEED_BYTES + 1, 0x20);
    expect(await feedErrorOf(body)).toEqual({
      reason: 'too-large',
      message: `${FEED_URL}: the body is ${MAX_FEED_BYTES + 1} bytes, more than ${MAX_FEED_BYTES}`,
    });
  });

  it('gives any body either a feed or a FeedError, never another error', async () => {
    const fragments = ['<rss version="2.0">', '<channel>', '<item>', '</item>', '<title>', '</title>', '<feed>', '<entry>', '<published>', 'x', '&amp;', '<', '>', '"'];
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => Buffer.from(parts.join(''))),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(undefined, 'text/xml; charset=koi8-r', 'text/xml; charset=nonsense'), async (bytes, contentType) => {
        try {
          const feed = await parseFeed(bytes, contentType, FEED_URL);
          expect(Array.isArray(feed.items)).toBe(true);
        } catch (error) {
          if (!(error instanceof FeedError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});
