import { describe, expect, it } from 'vitest';
import { FeedError } from '../../shared/feeds/feed-error.js';
import { MAX_SUMMARY_LENGTH } from '../../shared/feeds/feed-item.js';
import { MAX_FEED_BYTES, parseFeed } from '../../shared/feeds/parse-feed.js';
import { encodeSingleByte } from './support/feed-builder.js';

/* How parseFeed turns each item into a FeedItem, and what it forgives: one RSS 2.0 item at a time, written inline. */

const FEED_URL = 'https://news.example/feed.xml';
const BILL = 'https://sozd.duma.gov.ru/bill/1075342-8';

const rss = (items: string, title = 'Лента') => `<rss version="2.0"><channel><title>${title}</title>${items}</channel></rss>`;
const item = (inner: string) => `<item>${inner}</item>`;
const parse = (xml: string, contentType?: string) => parseFeed(Buffer.from(xml), contentType, FEED_URL);
const escapeXml = (html: string) => html.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function feedError(body: Buffer, contentType?: string): { reason: string; message: string } {
  try {
    parseFeed(body, contentType, FEED_URL);
  } catch (error) {
    if (error instanceof FeedError) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error('expected a FeedError');
}

describe('parseFeed, item by item', () => {
  it('cuts a long title at a word boundary to 500 characters with an ellipsis, and leaves one of exactly 500 whole', () => {
    // Arrange: 100 five-letter words with spaces are 599 characters; 500 characters in one line of words fit exactly.
    const long = Array.from({ length: 100 }, () => 'слово').join(' ');
    const exact = `${'а'.repeat(499)}б`;

    // Act
    const titles = parse(rss(item(`<title>${long}</title><link>https://news.example/1</link>`) + item(`<title>${exact}</title>`))).items.map(
      (entry) => entry.title,
    );

    // Assert: 83 words and their spaces are 497 characters, the most that fits before the ellipsis.
    expect(titles).toEqual([`${Array.from({ length: 83 }, () => 'слово').join(' ')}…`, exact]);
  });

  it('cuts a summary with no space in its second half mid-word rather than losing half of it', () => {
    const unbroken = `начало ${'б'.repeat(MAX_SUMMARY_LENGTH + 100)}`;

    const [entry] = parse(rss(item(`<title>t</title><description>${unbroken}</description>`))).items;

    expect(entry?.summary).toBe(`${unbroken.slice(0, MAX_SUMMARY_LENGTH - 1)}…`);
  });

  it('keeps the sozd bill links of title, summary and full text once each, in that order, and no other links', () => {
    // Arrange
    const link = (href: string) => escapeXml(`<a href="${href}">ссылка</a>`);
    const inner =
      `<title>${link(`${BILL}`)}</title>` +
      `<description>${link('https://news.example/other')} ${link('/bill/12345-8')}</description>` +
      `<content:encoded>${link(BILL)} ${link('https://sozd.duma.gov.ru/bill/777-8')}</content:encoded>`;

    // Act
    const [entry] = parse(rss(item(inner))).items;

    // Assert: relative hrefs resolve against the feed, which is not sozd.
    expect(entry?.billLinks).toEqual([BILL, 'https://sozd.duma.gov.ru/bill/777-8']);
  });

  it('keeps at most 20 bill links of an item', () => {
    const links = Array.from({ length: 25 }, (_, n) => escapeXml(`<a href="https://sozd.duma.gov.ru/bill/${n + 1}-8">${n}</a>`)).join(' ');

    const [entry] = parse(rss(item(`<title>t</title><description>${links}</description>`))).items;

    expect(entry?.billLinks).toEqual(Array.from({ length: 20 }, (_, n) => `https://sozd.duma.gov.ru/bill/${n + 1}-8`));
  });

  it('summarises an item by its full text when it has no short one, and by the short one when it has both', () => {
    const items = parse(
      rss(
        item('<title>a</title><content:encoded>Полный текст</content:encoded>') +
          item('<title>b</title><description>Кратко</description><content:encoded>Полный текст</content:encoded>'),
      ),
    ).items;

    expect(items.map((entry) => entry.summary)).toEqual(['Полный текст', 'Кратко']);
  });

  it('keeps only http(s) links, trimmed and made absolute; an item whose title is empty is titled by its link', () => {
    // Arrange
    const links = [' https://news.example/a ', 'http://news.example/plain', '/relative', 'javascript:alert(1)', 'mailto:desk@news.example', 'https://[bad', '   '];

    // Act
    const items = parse(rss(links.map((link, n) => item(`<title>t${n}</title><guid>g${n}</guid><link>${link}</link>`)).join('') + item('<title> </title><link>https://news.example/b</link>'))).items;

    // Assert
    expect(items.map((entry) => [entry.title, entry.link])).toEqual([
      ['t0', 'https://news.example/a'],
      ['t1', 'http://news.example/plain'],
      ['t2', 'https://news.example/relative'],
      ['t3', undefined],
      ['t4', undefined],
      ['t5', undefined],
      ['t6', undefined],
      ['https://news.example/b', 'https://news.example/b'],
    ]);
  });

  it('cuts a title mid-word when its last space stands exactly half way, so the cut keeps more than half', () => {
    const title = `${'а'.repeat(250)} ${'б'.repeat(300)}`;

    const [entry] = parse(rss(item(`<title>${title}</title>`))).items;

    expect(entry?.title).toBe(`${title.slice(0, 499)}…`);
  });

  it('keeps an Atom entry with a blank id and a blank link href, without a guid and without a link', () => {
    const atom =
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>' +
      '<entry><id>  </id><title>Запись</title><link href="  "/><updated>2024-10-04T06:15:00Z</updated></entry></feed>';

    const [entry] = parse(atom).items;

    expect(entry).toEqual({
      key: expect.stringMatching(/^sha256:/),
      title: 'Запись',
      publishedAt: '2024-10-04T06:15:00.000Z',
    });
  });

  it('trims the guid and leaves out a blank one, and dates an item by its first readable date', () => {
    const items = parse(
      rss(
        item('<title>a</title><guid> g-1 </guid><pubDate>вчера</pubDate><dc:date>2024-10-02T08:00:00Z</dc:date>') +
          item('<title>b</title><guid>  </guid><link>https://news.example/b</link>'),
      ),
    ).items;

    expect(items.map(({ guid, publishedAt, key }) => ({ guid, publishedAt, key }))).toEqual([
      { guid: 'g-1', publishedAt: '2024-10-02T08:00:00.000Z', key: 'g-1' },
      { guid: undefined, publishedAt: undefined, key: 'https://news.example/b' },
    ]);
  });
});

describe('parseFeed, what it forgives and what it refuses', () => {
  it('reads a body of exactly the size limit', () => {
    const xml = rss(item('<title>t</title>'));
    const body = Buffer.concat([Buffer.from(xml), Buffer.alloc(MAX_FEED_BYTES - Buffer.byteLength(xml), 0x20)]);

    expect(parseFeed(body, undefined, FEED_URL).items.map((entry) => entry.title)).toEqual(['t']);
  });

  it.each([
    ['after an XML declaration', '<?xml version="1.0"?>\n\n<html><body>502</body></html>'],
    ['after comments', '<!-- proxy -->\n\n<!-- error -->\n\n<HTML lang="ru"><body>502</body></HTML>'],
    ['with a doctype in any case', '<!doctype  HTML><html></html>'],
  ])('refuses an HTML page %s', (_case, html) => {
    expect(feedError(Buffer.from(html))).toEqual({ reason: 'html', message: `${FEED_URL}: the body is an HTML page, not a feed` });
  });

  it('reads a feed that quotes a whole HTML page inside an item as a feed', () => {
    const feed = parse(rss(item('<title>t</title><description><![CDATA[<html><body>Текст</body></html>]]></description>')));

    expect(feed.items.map((entry) => entry.summary)).toEqual(['Текст']);
  });

  it('does not take a feed for an HTML page because an element name starts with html', () => {
    expect(feedError(Buffer.from('<htmlfeed><item/></htmlfeed>'))).toEqual({ reason: 'not-a-feed', message: `${FEED_URL}: the XML is not an RSS or Atom feed` });
  });

  it('skips a broken item among good ones and says how many were skipped', () => {
    const feed = parse(rss(item('<title>good</title>') + '<item><title>broken</item>'));

    expect({ titles: feed.items.map((entry) => entry.title), warnings: feed.warnings }).toEqual({
      titles: ['good'],
      warnings: ['1 items have a mismatched or missing end tag and were skipped'],
    });
  });

  it('reports stray ampersands it read as text among the warnings', () => {
    const feed = parse(rss(item('<title>Tom & Jerry</title>')));

    expect({ titles: feed.items.map((entry) => entry.title), warnings: feed.warnings }).toEqual({
      titles: ['Tom & Jerry'],
      warnings: ["1 stray '&' read as text"],
    });
  });

  it('skips, when the charset cannot be trusted, items whose title or summary lost characters, and blanks such a feed title', () => {
    // Arrange: windows-1251 bytes declared as utf-8 everywhere, so nothing decodes cleanly.
    const body = Buffer.concat([
      Buffer.from('<rss version="2.0"><channel><title>'),
      encodeSingleByte('Лента', 'windows-1251'),
      Buffer.from('</title><item><title>ok</title></item><item><title>'),
      encodeSingleByte('Новость', 'windows-1251'),
      Buffer.from('</title></item><item><title>ok 2</title><description>'),
      encodeSingleByte('Текст', 'windows-1251'),
      Buffer.from('</description></item></channel></rss>'),
    ]);

    // Act
    const feed = parseFeed(body, 'text/xml; charset=utf-8', FEED_URL);

    // Assert
    expect({ title: feed.title, titles: feed.items.map((entry) => entry.title), warnings: feed.warnings }).toEqual({
      title: '',
      titles: ['ok'],
      warnings: ['the body is not valid utf-8: characters that cannot be read were lost', '2 items have characters that cannot be read and were skipped'],
    });
  });

  it('keeps a title with U+FFFD written by the feed itself when the charset decoded cleanly', () => {
    const feed = parse(rss(item('<title>знак \uFFFD в тексте</title>'), 'Лента \uFFFD'));

    expect({ title: feed.title, titles: feed.items.map((entry) => entry.title), warnings: feed.warnings }).toEqual({
      title: 'Лента \uFFFD',
      titles: ['знак \uFFFD в тексте'],
      warnings: [],
    });
  });

  it('refuses a feed whose every item lost characters, naming the charset problem', () => {
    const body = Buffer.concat([Buffer.from('<rss version="2.0"><channel><item><title>'), encodeSingleByte('Новость', 'windows-1251'), Buffer.from('</title></item></channel></rss>')]);

    expect(feedError(body, 'text/xml; charset=utf-8')).toEqual({
      reason: 'undecodable',
      message: `${FEED_URL}: every item has characters that cannot be read: the body is not valid utf-8: characters that cannot be read were lost`,
    });
  });

  it('reads a feed with no items as an empty feed, not an error', () => {
    expect(parse(rss(''))).toEqual({ title: 'Лента', items: [], droppedItems: 0, duplicateItems: 0, warnings: [] });
  });
});
