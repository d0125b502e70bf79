import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertNewsItem, queuePendingNews } from '../../shared/pipeline/alert-news-item.js';
import { pollFeeds } from '../../shared/pipeline/poll-feeds.js';
import { newsIdFor } from '../../shared/store/news-store.js';
import { topicIdForQuery } from '../../shared/store/subscription-store.js';
import { manageToken } from '../../shared/subscriptions/subscriber-links.js';
import { csrfIn } from '../api/api-test-stack.js';
import { buildFeed, type TestItem } from './support/feed-builder.js';
import { startFeedsHarness, type FeedsHarness } from './support/feeds-harness.js';

const BILL = '1075342-8';
const OLD_ITEM: TestItem = { title: 'Старая новость', link: 'https://news.example/old', guid: 'old-1', date: '2024-10-01T07:00:00.000Z' };
const BILL_ITEM: TestItem = {
  title: `Госдума приняла законопроект № ${BILL}`,
  link: 'https://news.example/bill',
  guid: 'bill-1',
  summary: 'Документ об экстрадиции принят в первом чтении.',
  date: '2024-10-02T09:30:00.000Z',
};

let harness: FeedsHarness;
beforeAll(async () => {
  harness = await startFeedsHarness();
});
afterAll(async () => {
  await harness.stop();
});

const rss = (items: TestItem[]) => ({ contentType: 'application/rss+xml', body: buildFeed('rss2', 'x', items) });

describe('news linked to bills', () => {
  it('an item naming a bill is recorded against it and sent once to each follower as "in the news", except to who turned it off', async () => {
    const world = await harness.newWorld([{ id: 'duma', path: '/linked.xml', label: 'Дума' }]);
    await world.subscribe('f1@example.org', { bills: [BILL], language: 'ru' });
    await world.subscribe('f2@example.org', { bills: [BILL], language: 'en' });
    const quiet = await world.subscribe('f3@example.org', { bills: [BILL], newsAlerts: false });
    await world.subscribe('other@example.org', { bills: ['1-8'] });
    harness.serve('/linked.xml', rss([OLD_ITEM]));
    await pollFeeds(world.deps);
    harness.serve('/linked.xml', rss([BILL_ITEM, OLD_ITEM]));

    await pollFeeds(world.deps);
    await world.deliver();

    const emails = await world.emails();
    expect(emails.map((email) => [email.destination.to[0], email.subject])).toEqual([
      ['f1@example.org', `Законопроект № ${BILL} в новостях: Госдума приняла законопроект № ${BILL}`],
      ['f2@example.org', `Bill ${BILL} in the news: Госдума приняла законопроект № ${BILL}`],
    ]);
    expect(emails[0]?.body.text).toContain('- Источник: Дума');
    const linked = [];
    for await (const page of world.stores.news.listForBill(BILL)) linked.push(...page.map((item) => item.newsId));
    expect(linked).toEqual([newsIdFor('duma', 'bill-1')]);
    expect(await world.stores.deliveries.get({ changeId: `news:${BILL}:${newsIdFor('duma', 'bill-1')}`, subscriberId: quiet, channel: 'email' })).toMatchObject({
      status: 'skipped',
      skipReason: 'news-alerts-off',
    });
  });

  it('a subscriber who turns "in the news" off on the JSON API or the preferences form gets no news email; the other still gets one', async () => {
    const world = await harness.newWorld([{ id: 'duma', path: '/choice.xml', label: 'Дума' }]);
    const keeps = await world.subscribe('keeps@example.org', { bills: [BILL] });
    const viaJson = await world.subscribe('json@example.org', { bills: [BILL] });
    const viaForm = await world.subscribe('form@example.org', { bills: [BILL], language: 'en' });
    const api = await world.startApi();
    const tokenOf = (id: string) => manageToken(id, world.config.tokenSecrets as [string, ...string[]]);
    harness.serve('/choice.xml', rss([OLD_ITEM]));
    await pollFeeds(world.deps);

    const patched = await fetch(`${api.url}/api/subscription?token=${tokenOf(viaJson)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ newsAlerts: false }),
    });
    const formUrl = `${api.url}/preferences?token=${tokenOf(viaForm)}`;
    const page = await (await fetch(formUrl)).text();
    // The browser sends every field but the unticked checkbox.
    const fields = { csrf: csrfIn(page), bills: BILL, topics: '', frequency: 'instant', stageMode: 'all', language: 'en', timeZone: 'Europe/Moscow' };
    const posted = await fetch(formUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    await api.stop();
    harness.serve('/choice.xml', rss([BILL_ITEM, OLD_ITEM]));
    await pollFeeds(world.deps);
    await world.deliver();

    expect(page).toContain('<input type="checkbox" id="newsAlerts" name="newsAlerts" value="on" checked>');
    expect([patched.status, posted.status]).toEqual([200, 200]);
    expect(((await patched.json()) as { preferences: { newsAlerts: boolean } }).preferences.newsAlerts).toBe(false);
    const newsAlertsOf = async (id: string) => (await world.stores.subscribers.get(id))?.newsAlerts;
    expect([await newsAlertsOf(keeps), await newsAlertsOf(viaJson), await newsAlertsOf(viaForm)]).toEqual([true, false, false]);
    expect((await world.emails()).map((email) => email.destination.to[0])).toEqual(['keeps@example.org']);
  });

  it('a topic that asks for it gets the bills its matching items link to watched; other topics do not', async () => {
    const world = await harness.newWorld([{ id: 'duma', path: '/watch.xml' }]);
    await world.subscribe('a@example.org', { topics: ['экстрадиция', 'первом чтении'] });
    await world.setTopic(topicIdForQuery('экстрадиция'), 'watchLinkedBills', true);
    harness.serve('/watch.xml', rss([OLD_ITEM]));
    await pollFeeds(world.deps);
    harness.serve('/watch.xml', rss([BILL_ITEM, { ...OLD_ITEM, guid: 'other', title: 'Законопроект № 2-8 в первом чтении', link: 'https://news.example/2' }]));

    await pollFeeds(world.deps);
    await world.deliver();

    expect((await world.stores.bills.get(BILL))?.watched).toBe(true);
    expect(await world.stores.bills.get('2-8')).toBeUndefined();
  });
});

describe('one road for every alert', () => {
  it('the poll only queues a new item for fan-out; the fan-out function raises its alerts and routes them, as for bill changes', async () => {
    const world = await harness.newWorld([{ id: 'duma', path: '/road.xml' }]);
    await world.subscribe('a@example.org', { bills: [BILL] });
    harness.serve('/road.xml', rss([OLD_ITEM]));
    await pollFeeds(world.deps);
    harness.serve('/road.xml', rss([BILL_ITEM, OLD_ITEM]));
    const alertId = `news:${BILL}:${newsIdFor('duma', 'bill-1')}`;

    const summary = await pollFeeds(world.deps);
    const afterPoll = await world.stores.alerts.get(alertId);
    const pending = [];
    for await (const page of world.stores.news.listPending()) pending.push(...page);
    await world.deliver();

    expect(summary.alertedItems).toBe(1);
    expect([afterPoll, pending]).toEqual([undefined, []]);
    expect((await world.stores.alerts.get(alertId))?.kind).toBe('bill-news');
    expect((await world.emails()).map((email) => email.subject)).toEqual([`Законопроект № ${BILL} в новостях: Госдума приняла законопроект № ${BILL}`]);
  });
});

describe('idempotency under re-poll', () => {
  it('polling the same items again, re-serialised, or re-alerting them after a crash sends no second email', async () => {
    const world = await harness.newWorld([{ id: 'duma', path: '/again.xml' }]);
    await world.subscribe('a@example.org', { topics: ['экстрадиция'], bills: [BILL] });
    harness.serve('/again.xml', rss([OLD_ITEM]));
    await pollFeeds(world.deps);
    harness.serve('/again.xml', rss([BILL_ITEM, OLD_ITEM]));
    await pollFeeds(world.deps);
    await world.deliver();
    const first = (await world.emails()).map((email) => email.subject);

    const unchanged = await pollFeeds(world.deps);
    harness.serve('/again.xml', { contentType: 'application/rss+xml', body: `${buildFeed('rss2', 'x', [OLD_ITEM, BILL_ITEM])}\n\n` });
    const reserialised = await pollFeeds(world.deps);
    // A fan-out that crashed after routing but before its message was deleted repeats all its alerts.
    const stored = await world.stores.news.get(newsIdFor('duma', 'bill-1'));
    const replayed = await alertNewsItem(world.newsAlerts, stored!);
    const leftover = await queuePendingNews(world.deps);
    await world.deliver();

    expect(first).toEqual([
      `Законопроект № ${BILL} в новостях: Госдума приняла законопроект № ${BILL}`,
      `Тема «экстрадиция»: Госдума приняла законопроект № ${BILL}`,
    ]);
    expect(unchanged.feeds).toEqual([{ feedId: 'duma', outcome: 'unchanged', newItems: 0 }]);
    expect(reserialised.feeds).toEqual([{ feedId: 'duma', outcome: 'read', newItems: 0 }]);
    expect(replayed).toEqual({ topicAlerts: 1, billNumbers: [BILL], watchedBills: [] });
    expect(leftover).toBe(0);
    expect((await world.emails()).map((email) => email.subject)).toEqual(first);
  });
});
