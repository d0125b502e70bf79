import { describe, expect, it } from 'vitest';
import { decodeFeedBody } from '../../shared/feeds/decode-feed-body.js';
import { feedDate } from '../../shared/feeds/feed-date.js';
import { parseFeed } from '../../shared/feeds/parse-feed.js';
import { readXmlTree, textOf, type XmlElement } from '../../shared/feeds/xml-tree.js';
import { encodeSingleByte } from './support/feed-builder.js';

const FEED_URL = 'https://news.example/feed.xml';

describe('feedDate', () => {
  it.each([
    ['RFC 822 with an offset', 'Tue, 01 Oct 2024 10:30:00 +0300', '2024-10-01T07:30:00.000Z'],
    ['RFC 822 in GMT', 'Tue, 01 Oct 2024 10:30:00 GMT', '2024-10-01T10:30:00.000Z'],
    ['MSK', 'Tue, 01 Oct 2024 10:30:00 MSK', '2024-10-01T07:30:00.000Z'],
    ['MSK in parentheses', 'Tue, 01 Oct 2024 10:30:00 (MSK)', '2024-10-01T07:30:00.000Z'],
    ['MSD', 'Tue, 01 Oct 2024 11:30:00 MSD', '2024-10-01T07:30:00.000Z'],
    ['KALT', 'Tue, 01 Oct 2024 09:30:00 KALT', '2024-10-01T07:30:00.000Z'],
    ['YEKT', 'Tue, 01 Oct 2024 12:30:00 YEKT', '2024-10-01T07:30:00.000Z'],
    ['VLAT', 'Tue, 01 Oct 2024 17:30:00 VLAT', '2024-10-01T07:30:00.000Z'],
    ['PETT', 'Tue, 01 Oct 2024 19:30:00 PETT', '2024-10-01T07:30:00.000Z'],
    ['МСК in Cyrillic', 'Tue, 01 Oct 2024 10:30 МСК', '2024-10-01T07:30:00.000Z'],
    ['ISO with MSK', '2024-10-01T10:30:00 MSK', '2024-10-01T07:30:00.000Z'],
    ['ISO with a space and MSK', '2024-10-01 10:30:00 MSK', '2024-10-01T07:30:00.000Z'],
    ['day first, read as day first', '01.10.2024 10:30 МСК', '2024-10-01T07:30:00.000Z'],
    ['day first, no time, no zone', '02.10.2024', '2024-10-02T00:00:00.000Z'],
    ['ISO without a zone, as UTC', '2024-10-01T10:30:00', '2024-10-01T10:30:00.000Z'],
  ])('reads %s', (_case, value, expected) => {
    expect(feedDate(value)).toBe(expected);
  });

  it.each(['', '   ', 'not a date', 'MSK', '32.13.2024'])('gives undefined for %j', (value) => {
    expect(feedDate(value)).toBeUndefined();
  });
});

describe('decodeFeedBody', () => {
  const xml = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?><rss><channel><title>Лента</title></channel></rss>`;

  it('reads what the header declares when it decodes cleanly, without a warning', () => {
    expect(decodeFeedBody(encodeSingleByte(xml('utf-8'), 'koi8-r'), 'text/xml; charset=koi8-r')).toEqual({ text: xml('utf-8'), clean: true });
  });

  it('falls back to the XML declaration when the header says utf-8 and the bytes are not, and warns', () => {
    expect(decodeFeedBody(encodeSingleByte(xml('windows-1251'), 'windows-1251'), 'text/xml; charset=UTF-8')).toEqual({
      text: xml('windows-1251'),
      clean: true,
      warning: 'the Content-Type header says UTF-8, but the body is not UTF-8: read as windows-1251, as the XML declaration says',
    });
  });

  it('trusts a byte order mark over everything else', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml('windows-1251'))]);
    expect(decodeFeedBody(body, 'text/xml; charset=koi8-r')).toEqual({ text: xml('windows-1251'), clean: true });
  });

  it('says so when nothing declared decodes cleanly, and marks the lost characters', () => {
    const decoded = decodeFeedBody(encodeSingleByte(xml('utf-8'), 'windows-1251'), 'text/xml; charset=utf-8');
    expect([decoded.clean, decoded.warning, decoded.text.includes('\uFFFD')]).toEqual([false, 'the body is not valid utf-8: characters that cannot be read were lost', true]);
  });

  it('defaults to UTF-8 when nothing is declared or the labels are unknown', () => {
    expect(decodeFeedBody(Buffer.from(xml('x-unknown')), 'text/xml; charset=nonsense')).toEqual({ text: xml('x-unknown'), clean: true });
  });
});

describe('readXmlTree', () => {
  it('keeps an element closed by its own end tag or self-closed well formed, and marks one a mismatched tag closed, with its ancestors', () => {
    const { roots } = readXmlTree('<a><b x="1"/><c><d>text</c><e>ok</e></a>', FEED_URL);
    const [a] = roots;
    const [b, c, e] = a!.children as XmlElement[];

    expect([a?.wellFormed, b?.wellFormed, c?.wellFormed, e?.wellFormed, textOf(c!)]).toEqual([false, true, false, true, 'text']);
  });

  it('marks elements left open at the end of the body', () => {
    const { roots } = readXmlTree('<a><b>cut', FEED_URL);
    expect(roots[0]?.wellFormed).toBe(false);
  });

  it('resolves xml:base down the tree', () => {
    const { roots } = readXmlTree('<feed xml:base="https://a.example/x/"><entry xml:base="y/"><link/></entry></feed>', FEED_URL);
    const entry = roots[0]?.children[0];
    expect(typeof entry === 'string' ? undefined : [roots[0]?.base, entry?.base]).toEqual(['https://a.example/x/', 'https://a.example/x/y/']);
  });
});

describe('parseFeed on real-world faults', () => {
  it('reads an xhtml title and content in document order with hrefs against xml:base, and keeps sozd hrefs as billLinks', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://sozd.duma.gov.ru/"><title>A</title><entry><id>e1</id>
      <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Один <b>два</b> три</div></title>
      <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>первый</p> второй <p>третий <a href="bill/1075342-8">ссылка</a></p></div></summary>
    </entry></feed>`;

    const [item] = parseFeed(Buffer.from(atom), 'application/atom+xml', FEED_URL).items;

    expect(item).toEqual({ key: 'e1', guid: 'e1', title: 'Один два три', summary: 'первый второй третий ссылка', billLinks: ['https://sozd.duma.gov.ru/bill/1075342-8'] });
  });

  it('keeps only sozd bill links, not every link of the summary', () => {
    const rss = `<rss><channel><title>t</title><item><title>x</title><description>&lt;a href="https://example.com/bill/1-8"&gt;a&lt;/a&gt; &lt;a href="https://sozd.duma.gov.ru/bill/2-8"&gt;b&lt;/a&gt;</description></item></channel></rss>`;
    expect(parseFeed(Buffer.from(rss), undefined, FEED_URL).items[0]?.billLinks).toEqual(['https://sozd.duma.gov.ru/bill/2-8']);
  });
});
