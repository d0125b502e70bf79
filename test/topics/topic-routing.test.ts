import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueDigests } from '../../shared/digests/send-digests.js';
import { alertNewsItem } from '../../shared/pipeline/alert-news-item.js';
import { fanOutChanges } from '../../shared/pipeline/fan-out.js';
import { matchBillChanges } from '../../shared/pipeline/match-bill-changes.js';
import { pollFeeds } from '../../shared/pipeline/poll-feeds.js';
import { fanOutDependencies } from '../../shared/runtime/fan-out-dependencies.js';
import { sendDigestsDependencies } from '../../shared/runtime/send-digests-dependencies.js';
import { newsIdFor, type StoredNewsItem } from '../../shared/store/news-store.js';
import { billChange, secondReadingEvent } from '../email/change-fixtures.js';
import { buildFeed, type TestItem } from '../feeds/support/feed-builder.js';
import { startFeedsHarness, type FeedsHarness, type FeedsWorld } from '../feeds/support/feeds-harness.js';

/*
 * Topic matches and "in the news" go through the same routing as bill changes: an instant follower gets its email,
 * a daily follower gets nothing now and the alert in its next digest, once, however often the item is fanned out.
 */

const BILL = '1075342-8';
const OLD_ITEM: TestItem = { title: 'Старая новость', link: 'https://news.example/old', guid: 'old-1', date: '2024-10-01T07:00:00.000Z' };
const BILL_ITEM: TestItem = {
  title: `Госдума приняла законопроект № ${BILL}`,
  link: 'https://news.example/bill',
  guid: 'bill-1',
  summary: 'Документ об экстрадиции принят в первом чтении.',
  date: '2024-10-02T09:30:00.000Z',
};
const HOUR = 3_600_000;

let harness: FeedsHarness;
beforeAll(async () => {
  harness = await startFeedsHarness();
});
afterAll(async () => {
  await harness.stop();
});

const rss = (items: TestItem[]) => ({ contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', items) });

/** Polls the feed once with only an old item (the first poll alerts nothing), then with the bill's item; returns that item. */
async function publishBillItem(world: FeedsWorld, path: string): Promise<StoredNewsItem> {
  harness.serve(path, rss([OLD_ITEM]));
  await pollFeeds(world.deps);
  harness.serve(path, rss([BILL_ITEM, OLD_ITEM]));
  await pollFeeds(world.deps);
  const stored = await world.stores.news.get(newsIdFor('duma', 'bill-1'));
  if (!stored) throw new Error('the bill item was not recorded');
  return stored;
}

/** Runs the digest sender at `hoursLater` hours from now (real time: fan-out stamps entries with it). */
async function sendDigestsAt(world: FeedsWorld, hoursLater: number) {
  const deps = { ...sendDigestsDependencies(world.config), now: () => new Date(Date.now() + hoursLater * HOUR) };
  try {
    return await sendDueDigests(deps);
  } finally {
    await deps.http.close();
  }
}

describe('topic alerts routed by frequency', () => {
  it('a daily topic follower gets no instant email but the alert in its next digest, once though fanned out twice; an instant follower gets one email', async () => {
    // Arrange
    const world = await harness.newWorld([{ id: 'duma', path: '/daily.xml', label: 'Дума' }]);
    await world.subscribe('daily@example.org', { topics: ['экстрадиция'], frequency: 'daily', language: 'en' });
    await world.subscribe('instant@example.org', { topics: ['экстрадиция'], language: 'en' });

    // Act: the poll fans the match out once, a re-run after a crash a second time
    const item = await publishBillItem(world, '/daily.xml');
    await alertNewsItem(world.newsAlerts, item);
    await world.deliver();
    const instantEmails = await world.emails();
    const first = await sendDigestsAt(world, 25);
    await alertNewsItem(world.newsAlerts, item); // a late duplicate, after the digest went out
    const second = await sendDigestsAt(world, 49);

    // Assert
    expect(instantEmails.map((email) => [email.destination.to[0], email.subject])).toEqual([
      ['instant@example.org', `Topic "экстрадиция": Госдума приняла законопроект № ${BILL}`],
    ]);
    expect([first, second]).toEqual([
      { digestsSent: 1, changesSent: 1, failed: 0 },
      { digestsSent: 0, changesSent: 0, failed: 0 },
    ]);
    const digests = (await world.emails()).filter((email) => email.destination.to[0] === 'daily@example.org');
    expect(digests.map((email) => email.subject)).toEqual(['duma-alerts: 1 alert']);
    expect(digests[0]?.body.text).toContain('Topic: экстрадиция');
    expect(digests[0]?.body.text).toContain('- Summary: экстрадиция — found "экстрадиции"');
  });

  it('"in the news" for a daily follower of a bill lands under that bill\'s entry, before the topic matches', async () => {
    // Arrange
    const world = await harness.newWorld([{ id: 'duma', path: '/news.xml', label: 'Дума' }]);
    const subscriberId = await world.subscribe('reader@example.org', { bills: [BILL], topics: ['экстрадиция'], frequency: 'daily', language: 'en' });
    const change = billChange([{ type: 'new-event' }], secondReadingEvent({ decisions: ['Принять во втором чтении'] }));
    await world.stores.changes.putIfAbsent(change);
    await fanOutChanges(fanOutDependencies(world.config), { billNumber: BILL, changeIds: [change.id] });

    // Act
    await publishBillItem(world, '/news.xml');
    await world.deliver();
    const summary = await sendDigestsAt(world, 25);

    // Assert
    expect(summary).toEqual({ digestsSent: 1, changesSent: 3, failed: 0 });
    const emails = await world.emails();
    expect(emails.map((email) => [email.destination.to[0], email.subject])).toEqual([
      ['reader@example.org', 'duma-alerts: 1 change in 1 bill and 2 alerts'],
    ]);
    const text = emails[0]?.body.text ?? '';
    const headings = [`\n\nBill ${BILL}: new event`, `\n\nBill ${BILL} in the news\n`, '\n\nTopic: экстрадиция\n'].map((heading) => text.indexOf(heading));
    expect(headings.every((at) => at >= 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(await world.stores.deliveries.get({ changeId: `news:${BILL}:${newsIdFor('duma', 'bill-1')}`, subscriberId, channel: 'email' })).toBeUndefined();
  });

  it('a topic match on a bill event reaches only followers whose stage filter takes the event\'s stage', async () => {
    // Arrange: the event is in stage 4 (second reading)
    const world = await harness.newWorld([]);
    await world.subscribe('second@example.org', { topics: ['экстрадиция'], stages: [4], language: 'en' });
    await world.subscribe('first@example.org', { topics: ['экстрадиция'], stages: [3], language: 'en' });
    const change = billChange([{ type: 'new-event' }], secondReadingEvent({ decisions: ['Принять законопроект об экстрадиции'] }));

    // Act
    await matchBillChanges(world.topicAlerts, [change]);
    await world.deliver();

    // Assert
    expect((await world.emails()).map((email) => email.destination.to[0])).toEqual(['second@example.org']);
  });
});
