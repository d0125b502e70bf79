import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollFeeds } from '../../shared/pipeline/poll-feeds.js';
import { newsIdFor } from '../../shared/store/news-store.js';
import { encodeSingleByte } from './support/feed-builder.js';
import { startFeedsHarness, type FeedResponse, type FeedsHarness, type FeedsWorld } from './support/feeds-harness.js';

/*
 * The faults real feeds have, each in a feed of the shape it was met in, served over loopback and polled through the
 * real poller into the real local services: what is stored, what the feed's health says, and who gets an email.
 */

const OLD = '<item><title>Старая новость</title><link>https://news.example/old</link><guid>old-1</guid><pubDate>Tue, 01 Oct 2024 07:00:00 +0000</pubDate></item>';
const NEW_TITLE = 'Законопроект об экстрадиции иностранных граждан';
const NEW = `<item><title>${NEW_TITLE}</title><link>https://news.example/new</link><guid>new-1</guid><pubDate>Wed, 02 Oct 2024 09:30:00 +0000</pubDate><description>Комитет одобрил поправки.</description></item>`;
const TOPIC_SUBJECT = `Тема «экстрадиция»: ${NEW_TITLE}`;

const rss = (...items: string[]) => `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Лента</title><link>https://news.example/</link>${items.join('\n')}</channel></rss>`;
const asRss = (body: string | Buffer, extra: Partial<FeedResponse> = {}): FeedResponse => ({ contentType: 'application/rss+xml; charset=utf-8', body, ...extra });

let harness: FeedsHarness;
beforeAll(async () => {
  harness = await startFeedsHarness();
});
afterAll(async () => {
  await harness.stop();
});

/** A world with one feed at `path` and one subscriber to "экстрадиция"; the first response is polled as the baseline. */
async function baselined(path: string, first: FeedResponse): Promise<FeedsWorld> {
  const world = await harness.newWorld([{ id: 'feed', path }]);
  await world.subscribe('analyst@example.org', { topics: ['экстрадиция'], language: 'ru' });
  harness.serve(path, first);
  expect((await pollFeeds(world.deps)).feeds[0]?.outcome).toBe('baseline');
  return world;
}

/** Serves `next`, polls, delivers; returns the poll's result for the feed, the email subjects sent and the log lines. */
async function pollAgain(world: FeedsWorld, path: string, next: FeedResponse) {
  harness.serve(path, next);
  const { summary, logs } = await world.pollLogged();
  await world.deliver();
  return { result: summary.feeds[0], subjects: (await world.emails()).map((email) => email.subject), logs };
}

describe('charsets', () => {
  it('windows-1251 bytes served as charset=utf-8 are read by the XML declaration, alerted readably, and the mismatch is a health warning', async () => {
    const cp1251 = (xml: string) => encodeSingleByte(xml.replace('encoding="utf-8"', 'encoding="windows-1251"'), 'windows-1251');
    const world = await baselined('/cp1251.xml', asRss(cp1251(rss(OLD))));

    const { result, subjects } = await pollAgain(world, '/cp1251.xml', asRss(cp1251(rss(NEW, OLD))));

    expect(result).toEqual({ feedId: 'feed', outcome: 'read', newItems: 1 });
    expect(subjects).toEqual([TOPIC_SUBJECT]);
    expect((await world.stores.news.get(newsIdFor('feed', 'new-1')))?.title).toBe(NEW_TITLE);
    const state = await world.stores.feedStore.get('feed');
    expect(state?.title).toBe('Лента');
    expect(state?.health.ok).toBe(true);
    expect(state?.lastWarning).toBe('the Content-Type header says utf-8, but the body is not utf-8: read as windows-1251, as the XML declaration says');
  });

  it('windows-1251 bytes declared utf-8 everywhere store nothing and say so in health: never �����', async () => {
    const world = await baselined('/undecodable.xml', asRss(rss(OLD)));

    const { result, subjects, logs } = await pollAgain(world, '/undecodable.xml', asRss(encodeSingleByte(rss(NEW, OLD), 'windows-1251')));

    expect(result?.outcome).toBe('source-error');
    expect(result?.error).toBe(
      `feed-undecodable: ${world.config.feeds[0]?.url}: every item has characters that cannot be read: the body is not valid utf-8: characters that cannot be read were lost`,
    );
    expect(await world.stores.news.get(newsIdFor('feed', 'new-1'))).toBeUndefined();
    expect((await world.stores.feedStore.get('feed'))?.health).toMatchObject({ ok: false, lastError: result?.error });
    expect(logs).toEqual([{ level: 'WARN', message: 'feed source error', feed: 'feed', error: result?.error }]);
    expect(subjects).toEqual([]);
  });

  it('one item with bytes that are not UTF-8 costs only itself, with a warning', async () => {
    const world = await baselined('/one-bad-byte.xml', asRss(rss(OLD)));
    const garbled = Buffer.concat([Buffer.from(rss(NEW).replace('</channel></rss>', '')), Buffer.from('<item><title>Bad '), Buffer.from([0xc8, 0xed]), Buffer.from('</title><guid>bad</guid></item>'), Buffer.from(`${OLD}</channel></rss>`)]);

    const { result, subjects } = await pollAgain(world, '/one-bad-byte.xml', asRss(garbled));

    expect(result).toEqual({ feedId: 'feed', outcome: 'read', newItems: 1 });
    expect(subjects).toEqual([TOPIC_SUBJECT]);
    expect(await world.stores.news.get(newsIdFor('feed', 'bad'))).toBeUndefined();
    expect((await world.stores.feedStore.get('feed'))?.lastWarning).toBe(
      'the body is not valid utf-8: characters that cannot be read were lost; 1 items have characters that cannot be read and were skipped',
    );
  });
});

describe('well-formedness faults', () => {
  it('a stray &, HTML entities XML does not know and a control character are read, not fatal', async () => {
    const world = await baselined('/entities.xml', asRss(rss(OLD)));
    const sloppy = `<item><title>Q&A: &laquo;${NEW_TITLE}&raquo;&nbsp;\u0001</title><link>https://news.example/new?a=1&b=2</link><guid>new-1</guid></item>`;

    const { result, subjects } = await pollAgain(world, '/entities.xml', asRss(rss(sloppy, OLD)));

    expect(result).toEqual({ feedId: 'feed', outcome: 'read', newItems: 1 });
    expect(subjects).toEqual([`Тема «экстрадиция»: Q&A: «${NEW_TITLE}»`]);
    expect((await world.stores.news.get(newsIdFor('feed', 'new-1')))?.link).toBe('https://news.example/new?a=1&b=2');
    expect((await world.stores.feedStore.get('feed'))?.lastWarning).toBe(
      "2 stray '&' read as text; 1 control characters XML forbids dropped; 1 items have no readable date",
    );
  });

  it('an item broken by a mismatched end tag costs only itself', async () => {
    const world = await baselined('/broken-item.xml', asRss(rss(OLD)));
    const broken = '<item><title>Экстрадиция: сломанный заголовок</item>';

    const { result, subjects } = await pollAgain(world, '/broken-item.xml', asRss(rss(broken, NEW, OLD)));

    expect(result).toEqual({ feedId: 'feed', outcome: 'read', newItems: 1 });
    expect(subjects).toEqual([TOPIC_SUBJECT]);
    expect((await world.stores.feedStore.get('feed'))?.lastWarning).toBe('1 items have a mismatched or missing end tag and were skipped');
  });
});

describe('the same item again', () => {
  it.each([
    ['its guid moved from http to https and www.', 'https://www.news.example/a/', 'https://news.example/a?utm_source=rss2&utm_medium=feed'],
    ['a changing utm_ parameter and an fbclid', 'http://news.example/a?utm_campaign=day2', 'http://news.example/a?fbclid=xyz&utm_source=rss2'],
    ['republished under a new guid and link, same title and date', 'urn:republished:7', 'https://news.example/republished/7'],
  ])('is not new when %s', async (_case, guid, link) => {
    const first = `<item><title>${NEW_TITLE}</title><link>http://news.example/a?utm_source=rss1</link><guid>http://news.example/a</guid><pubDate>Wed, 02 Oct 2024 09:30:00 +0000</pubDate></item>`;
    const world = await baselined('/same.xml', asRss(rss(first)));
    const again = `<item><title>${NEW_TITLE}</title><link>${link.replace(/&/gu, '&amp;')}</link><guid>${guid}</guid><pubDate>Wed, 02 Oct 2024 09:30:00 +0000</pubDate></item>`;

    const { result, subjects } = await pollAgain(world, '/same.xml', asRss(rss(again, first)));

    expect(result).toEqual({ feedId: 'feed', outcome: 'read', newItems: 0 });
    expect(subjects).toEqual([]);
    expect((await world.stores.feedStore.get('feed'))?.lastWarning).toBe('1 items repeat an item seen before under another guid or link');
  });

  it('a genuinely new item next to a repeat is still alerted, once, and the repeat stays quiet on the next poll', async () => {
    const world = await baselined('/mixed.xml', asRss(rss(OLD)));
    const repeat = OLD.replace('<guid>old-1</guid>', '<guid>https://news.example/old</guid>').replace('https://news.example/old<', 'https://news.example/old/?utm_source=x<');

    const { result, subjects } = await pollAgain(world, '/mixed.xml', asRss(rss(NEW, repeat)));
    const later = await pollAgain(world, '/mixed.xml', asRss(rss(NEW, repeat, '<item><title>Ещё</title><guid>more</guid></item>')));

    expect(result).toEqual({ feedId: 'feed', outcome: 'read', newItems: 1 });
    expect(later.result).toEqual({ feedId: 'feed', outcome: 'read', newItems: 1 });
    expect(subjects).toEqual([TOPIC_SUBJECT]);
    expect(later.subjects).toEqual([TOPIC_SUBJECT]);
  });
});

describe('bill links, Atom and dates', () => {
  it('a bill linked only from an <a href> in the description reaches its followers as "in the news"', async () => {
    const world = await harness.newWorld([{ id: 'feed', path: '/href.xml', label: 'Дума' }]);
    await world.subscribe('follower@example.org', { bills: ['1075342-8'], language: 'ru' });
    harness.serve('/href.xml', asRss(rss(OLD)));
    await pollFeeds(world.deps);
    const linked = '<item><title>Комитет одобрил поправки</title><link>https://news.example/c</link><guid>c-1</guid><description><![CDATA[Подробнее о <a href="https://sozd.duma.gov.ru/bill/1075342-8">документе</a>.]]></description></item>';

    const { subjects } = await pollAgain(world, '/href.xml', asRss(rss(linked, OLD)));

    expect(subjects).toEqual(['Законопроект № 1075342-8 в новостях: Комитет одобрил поправки']);
    const stored = await world.stores.news.get(newsIdFor('feed', 'c-1'));
    expect(stored?.summary).toBe('Подробнее о документе.');
    expect(stored?.billLinks).toEqual(['https://sozd.duma.gov.ru/bill/1075342-8']);
  });

  it('Atom: xml:base resolves links, an xhtml title is kept, xhtml content stays in document order', async () => {
    const world = await harness.newWorld([{ id: 'atom', path: '/atom.xml' }]);
    const entry = (id: string, title: string) =>
      `<entry xml:base="news/"><id>urn:e:${id}</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>${title}</b> иностранных граждан</div></title><link href="${id}.html"/><published>2024-10-02T12:30:00 MSK</published><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Первый абзац</p> между <p>второй <a href="/bill/1075342-8">абзац</a></p> конец</div></content></entry>`;
    const atom = (...entries: string[]) => `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/ru/"><title>Atom</title><id>urn:f</id>${entries.join('')}</feed>`;
    harness.serve('/atom.xml', { contentType: 'application/atom+xml', body: atom(entry('1', 'Старое')) });

    const summary = await pollFeeds(world.deps);

    expect(summary.feeds).toEqual([{ feedId: 'atom', outcome: 'baseline', newItems: 1 }]);
    expect(await world.stores.news.get(newsIdFor('atom', 'urn:e:1'))).toMatchObject({
      title: 'Старое иностранных граждан',
      link: 'https://atom.example/ru/news/1.html',
      summary: 'Первый абзац между второй абзац конец',
      publishedAt: '2024-10-02T09:30:00.000Z',
    });
    expect((await world.stores.feedStore.get('atom'))?.lastWarning).toBeUndefined();
  });

  it.each([
    ['MSK', 'Wed, 02 Oct 2024 12:30:00 MSK', '2024-10-02T09:30:00.000Z'],
    ['MSD', 'Wed, 02 Oct 2024 13:30:00 MSD', '2024-10-02T09:30:00.000Z'],
    ['YEKT', 'Wed, 02 Oct 2024 14:30:00 YEKT', '2024-10-02T09:30:00.000Z'],
    ['a day-first date in МСК', '02.10.2024 12:30 МСК', '2024-10-02T09:30:00.000Z'],
  ])('a date in %s is read', async (_case, date, iso) => {
    const world = await harness.newWorld([{ id: 'dated', path: '/dated.xml' }]);
    harness.serve('/dated.xml', asRss(rss(`<item><title>Новость</title><guid>d-1</guid><pubDate>${date}</pubDate></item>`)));

    await pollFeeds(world.deps);

    expect((await world.stores.news.get(newsIdFor('dated', 'd-1')))?.publishedAt).toBe(iso);
    expect((await world.stores.feedStore.get('dated'))?.lastWarning).toBeUndefined();
  });
});

describe('transfer', () => {
  it('a gzip body the feed sends with Content-Encoding is read like a plain one', async () => {
    const world = await baselined('/gzip.xml', asRss(gzipSync(rss(OLD)), { headers: { 'content-encoding': 'gzip' } }));

    const { result, subjects } = await pollAgain(world, '/gzip.xml', asRss(gzipSync(rss(NEW, OLD)), { headers: { 'content-encoding': 'gzip' } }));

    expect(result).toEqual({ feedId: 'feed', outcome: 'read', newItems: 1 });
    expect(subjects).toEqual([TOPIC_SUBJECT]);
  });

  it('a gzip body that inflates past the size cap is a fetch-too-large error, not a read', async () => {
    const world = await baselined('/bomb.xml', asRss(rss(OLD)));
    const bomb = gzipSync(rss(`<item><title>${'ж'.repeat(300_000)}</title></item>`));

    const { result, subjects, logs } = await pollAgain(world, '/bomb.xml', asRss(bomb, { headers: { 'content-encoding': 'gzip' } }));

    expect(bomb.length).toBeLessThan(world.config.feedFetch.maxBytes);
    expect(result?.outcome).toBe('source-error');
    expect(result?.error?.startsWith('fetch-too-large: ')).toBe(true);
    expect(logs.map((line) => line.message)).toEqual(['feed source error']);
    expect(subjects).toEqual([]);
  });

  it('a 304 to the first poll is recorded as no baseline yet; the first good read is then the baseline', async () => {
    const world = await harness.newWorld([{ id: 'feed', path: '/304.xml' }]);
    await world.subscribe('analyst@example.org', { topics: ['экстрадиция'] });
    harness.serve('/304.xml', { status: 304, body: '' });

    const { summary: first, logs } = await world.pollLogged();
    const health = (await world.stores.feedStore.get('feed'))?.health;
    harness.serve('/304.xml', asRss(rss(NEW, OLD)));
    const second = await pollFeeds(world.deps);
    await world.deliver();

    expect(first.feeds).toEqual([
      { feedId: 'feed', outcome: 'source-error', newItems: 0, error: 'feed-no-baseline: the server answered 304 Not Modified before any good read, so no baseline yet' },
    ]);
    expect(health).toMatchObject({ ok: false, lastError: first.feeds[0]?.error });
    expect(logs).toEqual([{ level: 'WARN', message: 'feed source error', feed: 'feed', error: first.feeds[0]?.error }]);
    expect(second.feeds).toEqual([{ feedId: 'feed', outcome: 'baseline', newItems: 2 }]);
    expect(await world.emails()).toEqual([]);
  });
});
