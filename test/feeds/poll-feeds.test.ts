import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollFeeds } from '../../shared/pipeline/poll-feeds.js';
import { newsIdFor } from '../../shared/store/news-store.js';
import { buildFeed, encodeSingleByte, type FeedFormat, type TestItem } from './support/feed-builder.js';
import { startFeedsHarness, type FeedsHarness } from './support/feeds-harness.js';

/*
 * Feeds polled through the whole service on real local services: loopback feed server → poll-feeds →
 * dynalite → email queue (fauxqs) → send-email → SES emulator.
 */

const OLD_ITEM: TestItem = {
  title: 'Старая новость об экстрадиции',
  link: 'https://news.example/old',
  guid: 'old-1',
  summary: 'Её не должен получить никто.',
  date: '2024-10-01T07:00:00.000Z',
};
const NEW_ITEM: TestItem = {
  title: 'Законопроект об экстрадиции иностранных граждан',
  link: 'https://news.example/new',
  guid: 'new-1',
  summary: 'Комитет одобрил поправки.',
  date: '2024-10-02T09:30:00.000Z',
};

let harness: FeedsHarness;
beforeAll(async () => {
  harness = await startFeedsHarness();
});
afterAll(async () => {
  await harness.stop();
});

describe('each format and charset through the whole poll', () => {
  const cases: Array<{ name: string; format: FeedFormat; encode: (xml: string) => Buffer; contentType: string; declared?: string }> = [
    { name: 'RSS 2.0 in UTF-8', format: 'rss2', encode: (xml) => Buffer.from(xml), contentType: 'application/rss+xml; charset=utf-8' },
    { name: 'RSS 1.0 (RDF)', format: 'rdf', encode: (xml) => Buffer.from(xml), contentType: 'application/rdf+xml', declared: 'utf-8' },
    { name: 'Atom', format: 'atom', encode: (xml) => Buffer.from(xml), contentType: 'application/atom+xml' },
    {
      name: 'RSS 2.0 in windows-1251 named only in the XML declaration',
      format: 'rss2',
      encode: (xml) => encodeSingleByte(xml, 'windows-1251'),
      contentType: 'text/xml',
      declared: 'windows-1251',
    },
    {
      name: 'RSS 2.0 in koi8-r named only in the Content-Type header',
      format: 'rss2',
      encode: (xml) => encodeSingleByte(xml, 'koi8-r'),
      contentType: 'text/xml; charset=koi8-r',
    },
  ];

  it.each(cases)('$name: the first poll alerts no one, the new item of the second reaches the topic follower with the why', async (feedCase) => {
    const world = await harness.newWorld([{ id: 'news', path: `/${feedCase.format}-${feedCase.contentType.length}.xml` }]);
    const path = `/${feedCase.format}-${feedCase.contentType.length}.xml`;
    const serve = (items: TestItem[]) =>
      harness.serve(path, { contentType: feedCase.contentType, body: feedCase.encode(buildFeed(feedCase.format, 'Лента', items, feedCase.declared)) });
    await world.subscribe('analyst@example.org', { topics: ['экстрадиция'], language: 'ru' });

    serve([OLD_ITEM]);
    const first = await pollFeeds(world.deps);
    await world.deliver();
    const afterFirst = await world.emails();
    serve([NEW_ITEM, OLD_ITEM]);
    const second = await pollFeeds(world.deps);
    await world.deliver();

    expect(first.feeds).toEqual([{ feedId: 'news', outcome: 'baseline', newItems: 1 }]);
    expect(afterFirst).toEqual([]);
    expect(second.feeds).toEqual([{ feedId: 'news', outcome: 'read', newItems: 1 }]);
    const emails = await world.emails();
    expect(emails.map((email) => [email.destination.to, email.subject])).toEqual([
      [['analyst@example.org'], 'Тема «экстрадиция»: Законопроект об экстрадиции иностранных граждан'],
    ]);
    expect(emails[0]?.body.text).toContain('- Заголовок: экстрадиция — найдено: «экстрадиции»');
    expect(emails[0]?.body.text).toContain('- Источник: Feed news');
  });
});

describe('broken feeds', () => {
  const broken: Array<{ name: string; response: { status?: number; contentType?: string; body: string | Buffer }; error: string }> = [
    { name: 'malformed XML', response: { contentType: 'application/rss+xml', body: '<rss version="2.0"><channel><title>x</title><item><title>a</item></channel>' }, error: 'feed-malformed-xml' },
    { name: 'an HTML page instead of XML', response: { contentType: 'text/html', body: '<!DOCTYPE html><html><body>Ошибка</body></html>' }, error: 'feed-html' },
    { name: 'an empty body', response: { contentType: 'application/rss+xml', body: '' }, error: 'feed-empty' },
    { name: 'a body over the size cap', response: { contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', [{ ...NEW_ITEM, summary: 'ж'.repeat(300_000) }]) }, error: 'fetch-too-large' },
    { name: 'XML that is not a feed', response: { contentType: 'text/xml', body: '<?xml version="1.0"?><catalog><book/></catalog>' }, error: 'feed-not-a-feed' },
    { name: 'a server error', response: { status: 503, body: 'down' }, error: 'fetch-http-status' },
    { name: 'items with neither title nor link', response: { contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', [{ summary: 'экстрадиция' }, { summary: 'экстрадиция' }]) }, error: 'feed-no-usable-items' },
  ];

  it.each(broken)('$name is a source-health error of the feed, never an item or an alert', async ({ response, error }) => {
    const path = `/broken-${error}.xml`;
    const world = await harness.newWorld([{ id: 'broken', path }, { id: 'healthy', path: `/healthy-${error}.xml` }]);
    await world.subscribe('analyst@example.org', { topics: ['экстрадиция'] });
    harness.serve(path, { contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', [OLD_ITEM]) });
    harness.serve(`/healthy-${error}.xml`, { contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', [OLD_ITEM]) });
    await pollFeeds(world.deps);

    harness.serve(path, response);
    const { summary, logs } = await world.pollLogged();
    await world.deliver();

    const result = summary.feeds.find((feed) => feed.feedId === 'broken');
    expect(result?.outcome).toBe('source-error');
    expect(result?.error?.startsWith(`${error}: `)).toBe(true);
    expect(logs).toEqual([{ level: 'WARN', message: 'feed source error', feed: 'broken', error: result?.error }]);
    expect(summary.feeds.find((feed) => feed.feedId === 'healthy')).toEqual({ feedId: 'healthy', outcome: 'unchanged', newItems: 0 });
    const state = await world.stores.feedStore.get('broken');
    expect(state?.health).toMatchObject({ ok: false, consecutiveFailures: 1, errorCount: 1, lastError: result?.error });
    expect(summary.alertedItems).toBe(0);
    expect(await world.emails()).toEqual([]);
  });

  it('a feed broken from its first poll takes no baseline, and its first good read then alerts no one', async () => {
    const world = await harness.newWorld([{ id: 'late', path: '/late.xml' }]);
    await world.subscribe('analyst@example.org', { topics: ['экстрадиция'] });
    harness.serve('/late.xml', { contentType: 'text/html', body: '<html><body>maintenance</body></html>' });
    const { summary: failed, logs } = await world.pollLogged();
    harness.serve('/late.xml', { contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', [OLD_ITEM, NEW_ITEM]) });

    const recovered = await pollFeeds(world.deps);
    await world.deliver();

    expect(failed.feeds[0]?.outcome).toBe('source-error');
    expect(logs.map((line) => line.message)).toEqual(['feed source error']);
    expect(recovered.feeds).toEqual([{ feedId: 'late', outcome: 'baseline', newItems: 2 }]);
    expect((await world.stores.feedStore.get('late'))?.health).toMatchObject({ ok: true, consecutiveFailures: 0, errorCount: 1 });
    expect(await world.emails()).toEqual([]);
  });
});

describe('first and later polls', () => {
  it('the first poll records every item without alerts and takes the baseline', async () => {
    const world = await harness.newWorld([{ id: 'first', path: '/first.xml' }]);
    await world.subscribe('analyst@example.org', { topics: ['экстрадиция'] });
    harness.serve('/first.xml', { contentType: 'application/rss+xml', body: buildFeed('rss2', 'Первая', [OLD_ITEM, NEW_ITEM]) });

    const summary = await pollFeeds(world.deps);
    await world.deliver();

    expect(summary.feeds).toEqual([{ feedId: 'first', outcome: 'baseline', newItems: 2 }]);
    expect(summary.alertedItems).toBe(0);
    expect((await world.stores.news.get(newsIdFor('first', 'new-1')))?.title).toBe(NEW_ITEM.title);
    expect((await world.stores.news.get(newsIdFor('first', 'old-1')))?.title).toBe(OLD_ITEM.title);
    // Taken during this poll (the feed's own clock reading, which may be a millisecond after the run's start).
    const baselineAt = (await world.stores.feedStore.get('first'))?.baselineAt ?? '';
    expect([baselineAt >= summary.startedAt, baselineAt <= summary.finishedAt]).toEqual([true, true]);
    expect(await world.emails()).toEqual([]);
  });

  it('a new item sends exactly one email to each subscriber whose topic matches it, saying why', async () => {
    const world = await harness.newWorld([{ id: 'ru', path: '/second.xml' }]);
    await world.subscribe('a@example.org', { topics: ['экстрадиция'], language: 'ru' });
    await world.subscribe('b@example.org', { topics: ['Экстрадиции', 'налоги'], language: 'en' });
    await world.subscribe('c@example.org', { topics: ['налоги'] });
    await world.subscribe('d@example.org', { topics: ['экстрадиция AND "военная служба"'] });
    await world.subscribe('e@example.org', { topics: ['экстрадиция NOT поправки'] });
    harness.serve('/second.xml', { contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', [OLD_ITEM]) });
    await pollFeeds(world.deps);
    harness.serve('/second.xml', { contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', [NEW_ITEM, OLD_ITEM]) });

    const summary = await pollFeeds(world.deps);
    await world.deliver();

    expect(summary.alertedItems).toBe(1);
    const emails = await world.emails();
    expect(emails.map((email) => [email.destination.to[0], email.subject])).toEqual([
      ['a@example.org', 'Тема «экстрадиция»: Законопроект об экстрадиции иностранных граждан'],
      // b wrote the same query differently: one index entry, one alert, named in b's own words.
      ['b@example.org', 'Topic "Экстрадиции": Законопроект об экстрадиции иностранных граждан'],
    ]);
    // The why names the term as the shared entry writes it (the first query in index order), and the words found.
    expect(emails[1]?.body.text).toContain('- Title: Экстрадиции — found "экстрадиции"');
    expect(emails[1]?.body.html).toContain('<strong>Title:</strong> Экстрадиции — found &quot;экстрадиции&quot;');
  });

  it('an item repeated under one guid alerts once, and the feed records the repeat as a warning', async () => {
    const world = await harness.newWorld([{ id: 'dup', path: '/dup.xml' }]);
    await world.subscribe('a@example.org', { topics: ['экстрадиция'] });
    harness.serve('/dup.xml', { contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', [OLD_ITEM]) });
    await pollFeeds(world.deps);
    const copy = { ...NEW_ITEM, title: 'Копия: законопроект об экстрадиции', link: 'https://news.example/copy' };
    harness.serve('/dup.xml', { contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', [NEW_ITEM, copy, OLD_ITEM]) });

    const summary = await pollFeeds(world.deps);
    await world.deliver();

    expect(summary.feeds).toEqual([{ feedId: 'dup', outcome: 'read', newItems: 1 }]);
    expect((await world.emails()).map((email) => email.subject)).toEqual(['Тема «экстрадиция»: Законопроект об экстрадиции иностранных граждан']);
    expect((await world.stores.feedStore.get('dup'))?.lastWarning).toBe("1 items repeat an earlier item's guid");
  });

  it('items without dates are still recorded once and alerted once, with a warning', async () => {
    const world = await harness.newWorld([{ id: 'undated', path: '/undated.xml' }]);
    await world.subscribe('a@example.org', { topics: ['экстрадиция'] });
    const undated = (item: TestItem): TestItem => ({ title: item.title, summary: item.summary });
    harness.serve('/undated.xml', { contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', [undated(OLD_ITEM)]) });
    await pollFeeds(world.deps);
    harness.serve('/undated.xml', { contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', [undated(NEW_ITEM), undated(OLD_ITEM)]) });

    await pollFeeds(world.deps);
    const again = await pollFeeds(world.deps);
    await world.deliver();

    expect(again.feeds).toEqual([{ feedId: 'undated', outcome: 'unchanged', newItems: 0 }]);
    expect((await world.emails()).map((email) => email.subject)).toEqual(['Тема «экстрадиция»: Законопроект об экстрадиции иностранных граждан']);
    expect((await world.stores.feedStore.get('undated'))?.lastWarning).toBe('2 items have no readable date');
  });
});
