import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { DEFAULT_FEEDS } from '../../shared/config/config.js';
import { DynamoDeliveryStore } from '../../shared/store/delivery-store.js';
import { DynamoFeedStore } from '../../shared/store/feed-store.js';
import { topicIdForQuery } from '../../shared/store/subscription-store.js';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { parseBillPage } from '../../shared/sozd/parse-bill-page.js';
import { activeSubscriber as subscribeActive, csrfIn, linkIn, startApiTestStack, TABLE_NAME, uniqueAddress, type ApiTestStack, type JsonBody } from './api-test-stack.js';

let stack: ApiTestStack;
let admin: (path: string, init?: RequestInit) => Promise<Response>;

beforeAll(async () => {
  stack = await startApiTestStack();
  admin = (path, init = {}) => fetch(`${stack.url}${path}`, { ...init, headers: { 'x-api-key': stack.adminApiKey, ...init.headers } });
});
afterAll(async () => {
  await stack?.stop();
});

/** An active subscriber of this file's stack. */
const activeSubscriber = (label: string, body: Record<string, unknown>) => subscribeActive(stack, label, body);

describe('admin API key', () => {
  it('refuses a missing or wrong key with 401 on every admin route', async () => {
    const paths = ['/api/admin/subscriptions', '/api/admin/bills', '/api/admin/health', '/api/admin/topics', '/api/admin/suppressions'];
    const statuses = await Promise.all([
      ...paths.map((path) => fetch(`${stack.url}${path}`).then((r) => r.status)),
      ...paths.map((path) => fetch(`${stack.url}${path}`, { headers: { 'x-api-key': `${stack.adminApiKey}x` } }).then((r) => r.status)),
    ]);

    expect(statuses).toEqual(Array(10).fill(401));
  });
});

describe('admin subscriptions', () => {
  it('lists subscriptions a page at a time, filters by status, reads, patches and unsubscribes one', async () => {
    const id = await activeSubscriber('admin', { bills: ['51-8'], topics: ['пенсии'] });
    await activeSubscriber('admin2', { bills: ['52-8'] });

    const firstPage = await (await admin('/api/admin/subscriptions?status=active&limit=1')).json() as JsonBody;
    const secondPage = await (await admin(`/api/admin/subscriptions?status=active&limit=1&cursor=${firstPage.cursor}`)).json() as JsonBody;
    const patched = await admin(`/api/admin/subscriptions/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stages: [11], newsAlerts: false }),
    });
    const removed = await admin(`/api/admin/subscriptions/${id}`, { method: 'DELETE' });
    const after = await (await admin(`/api/admin/subscriptions/${id}`)).json() as JsonBody;

    expect(firstPage.items).toHaveLength(1);
    expect(secondPage.items).toHaveLength(1);
    expect(secondPage.items[0].id).not.toBe(firstPage.items[0].id);
    const patchedPreferences = (await patched.json() as JsonBody).preferences;
    expect([patchedPreferences.stages, patchedPreferences.newsAlerts]).toEqual([[11], false]);
    expect(removed.status).toBe(204);
    expect(after.status).toBe('unsubscribed');
    expect(await stack.followers('51-8')).toEqual([]);
  });

  it('refuses a forged cursor with 400 naming query.cursor', async () => {
    const forged = Buffer.from(JSON.stringify({ GSI1PK: 'WATCHED', GSI1SK: 'x', PK: 'x', SK: 'y' })).toString('base64url');

    const response = await admin(`/api/admin/subscriptions?cursor=${forged}`);

    expect(response.status).toBe(400);
    expect((await response.json() as JsonBody).error.issues).toEqual([{ field: 'query.cursor', message: 'not a cursor from a previous page' }]);
  });

  it('answers 404 for an unknown subscriber id and 400 for a malformed one', async () => {
    expect((await admin(`/api/admin/subscriptions/s${'0'.repeat(24)}`)).status).toBe(404);
    expect((await admin('/api/admin/subscriptions/nope')).status).toBe(400);
  });
});

describe('admin watch list, health, topics, deliveries', () => {
  it('watches, lists with health, and unwatches a bill', async () => {
    const bills = new DynamoBillStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);

    const watched = await admin('/api/admin/bills/61-8', { method: 'PUT' });
    await bills.recordPollOutcome('61-8', { kind: 'error', at: '2026-01-01T00:00:00.000Z', error: 'HTTP 503' });
    const list = await (await admin('/api/admin/bills')).json() as JsonBody;
    const health = await (await admin('/api/admin/health')).json() as JsonBody;
    const unwatched = await admin('/api/admin/bills/61-8', { method: 'DELETE' });
    const afterList = await (await admin('/api/admin/bills')).json() as JsonBody;

    expect(watched.status).toBe(200);
    expect(list.items.map((bill: { number: string }) => bill.number)).toContain('61-8');
    expect(health.ok).toBe(false);
    expect(health.failing).toEqual([
      { number: '61-8', health: { ok: false, lastPolledAt: '2026-01-01T00:00:00.000Z', lastErrorAt: '2026-01-01T00:00:00.000Z', lastError: 'HTTP 503', consecutiveFailures: 1, errorCount: 1 } },
    ]);
    expect(unwatched.status).toBe(204);
    expect(afterList.items.map((bill: { number: string }) => bill.number)).not.toContain('61-8');
    expect((await admin('/api/admin/bills/not-a-bill', { method: 'PUT' })).status).toBe(400);
  });

  it('reports the health of every configured news feed, never polled or failing', async () => {
    // Arrange: the default feeds are configured; one of them failed its last poll.
    const feeds = new DynamoFeedStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);
    await feeds.recordFailure('tass-en', { at: '2026-01-02T00:00:00.000Z', error: 'malformed-xml: unexpected end' });

    // Act
    const health = await (await admin('/api/admin/health')).json() as JsonBody;

    // Assert
    expect(health.ok).toBe(false);
    expect(health.feeds.map((feed: { id: string }) => feed.id)).toEqual(DEFAULT_FEEDS.map((feed) => feed.id));
    expect(health.feeds.find((feed: { id: string }) => feed.id === 'tass-en')).toEqual({
      id: 'tass-en',
      label: DEFAULT_FEEDS.find((feed) => feed.id === 'tass-en')!.label,
      url: 'https://tass.com/rss/v2.xml',
      health: { ok: false, lastPolledAt: '2026-01-02T00:00:00.000Z', lastErrorAt: '2026-01-02T00:00:00.000Z', lastError: 'malformed-xml: unexpected end', consecutiveFailures: 1, errorCount: 1 },
    });
    expect(health.feeds.find((feed: { id: string }) => feed.id === 'duma-news').health).toBeUndefined();
  });

  it('lists topics with their follower counts and reads one topic', async () => {
    const id = await activeSubscriber('topics', { topics: ['"материнский капитал"'] });
    const topicId = topicIdForQuery('"материнский капитал"');

    const list = await (await admin('/api/admin/topics?limit=100')).json() as JsonBody;
    const topic = await (await admin(`/api/admin/topics/${topicId}`)).json() as JsonBody;

    expect(list.items).toContainEqual({ topicId, query: '"материнский капитал"', followers: 1 });
    expect(topic).toEqual({ topicId, query: '"материнский капитал"', followers: [id] });
  });

  it('shows the delivery log of a change', async () => {
    const deliveries = new DynamoDeliveryStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);
    const key = { changeId: 'c-1', subscriberId: 's1', channel: 'email' as const };
    await deliveries.claim(key, new Date('2026-01-01T00:00:00Z'), 1000);
    await deliveries.markSent(key, '2026-01-01T00:00:01.000Z', 'msg-1');

    const log = await (await admin('/api/admin/deliveries?changeId=c-1')).json() as JsonBody;

    expect(log).toEqual({
      items: [
        { changeId: 'c-1', subscriberId: 's1', channel: 'email', status: 'sent', attempts: 1, firstAttemptAt: '2026-01-01T00:00:00.000Z', sentAt: '2026-01-01T00:00:01.000Z', messageId: 'msg-1' },
      ],
    });
  });

  it("shows the delivery log of a bill's newest change given the bill, and says what to give when neither is given", async () => {
    // Arrange: the bill's snapshot holds two events; the newest one's alert was sent.
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const number = lawBill.page.number;
    const bill = parseBillPage(buildBillPage(pageAt(lawBill, 2)));
    await new DynamoBillStore(db, TABLE_NAME).saveSnapshot(number, 0, { bill, contentHash: 'h', at: '2026-01-01T00:00:00.000Z' });
    const changeId = `${number}:${lawBill.history[1]!.id}:event`;
    const key = { changeId, subscriberId: 's2', channel: 'email' as const };
    await new DynamoDeliveryStore(db, TABLE_NAME).claim(key, new Date('2026-01-01T00:00:00Z'), 1000);

    // Act
    const byBill = await admin(`/api/admin/deliveries?bill=${number}`);
    const unknownBill = await admin('/api/admin/deliveries?bill=1-8');
    const neither = await admin('/api/admin/deliveries');

    // Assert
    expect(byBill.status).toBe(200);
    expect(((await byBill.json()) as JsonBody).items.map((item: { changeId: string; subscriberId: string }) => [item.changeId, item.subscriberId])).toEqual([[changeId, 's2']]);
    expect(unknownBill.status).toBe(404);
    expect(neither.status).toBe(400);
    expect(((await neither.json()) as JsonBody).error.issues).toEqual([
      { field: 'query.changeId', message: 'give changeId=<change id> or bill=<number> (its newest change), one of the two' },
    ]);
  });
});

describe('HTTP protocol errors', () => {
  it('answers 404 for an unknown path, 405 with Allow for a wrong method', async () => {
    const missing = await fetch(`${stack.url}/nowhere`);
    const wrongMethod = await fetch(`${stack.url}/api/subscriptions`, { method: 'GET' });

    expect(missing.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('answers HEAD on every GET route as GET (same status and headers) without a body, and lists HEAD in Allow beside GET', async () => {
    const get = await fetch(`${stack.url}/openapi.json`);
    const head = await fetch(`${stack.url}/openapi.json`, { method: 'HEAD' });
    const page = await fetch(`${stack.url}/?lang=en`, { method: 'HEAD' });
    const unauthorized = await fetch(`${stack.url}/api/admin/health`, { method: 'HEAD' });
    const postOnly = await fetch(`${stack.url}/api/subscriptions`, { method: 'HEAD' });
    const wrongMethod = await fetch(`${stack.url}/openapi.json`, { method: 'DELETE' });

    expect([head.status, head.headers.get('content-type')]).toEqual([get.status, get.headers.get('content-type')]);
    expect(await head.text()).toBe('');
    expect((await get.text()).length).toBeGreaterThan(1000);
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([200, 'text/html; charset=utf-8', '']);
    expect([unauthorized.status, unauthorized.headers.get('www-authenticate'), await unauthorized.text()]).toEqual([401, 'ApiKey header="x-api-key"', '']);
    expect([postOnly.status, postOnly.headers.get('allow')]).toEqual([405, 'POST']);
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('answers 415 for a JSON endpoint given a form, 413 for a body over its limit (320 KiB for a subscription, 64 KiB elsewhere), 400 for broken JSON', async () => {
    const wrongType = await fetch(`${stack.url}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    const tooLarge = await fetch(`${stack.url}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(330_000)}"` });
    const tooLargeElsewhere = await fetch(`${stack.url}/api/subscription/link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(70_000)}"` });
    const broken = await fetch(`${stack.url}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });

    expect([wrongType.status, tooLarge.status, tooLargeElsewhere.status, broken.status]).toEqual([415, 413, 413, 400]);
    expect((await broken.json() as JsonBody).error.issues).toEqual([{ field: 'body', message: 'not valid JSON' }]);
  });

  it('sends no-referrer and nosniff on every answer, and serves the stylesheet', async () => {
    const page = await fetch(`${stack.url}/`);
    const css = await fetch(`${stack.url}/style.css`);

    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('links a favicon from every page and serves it as SVG', async () => {
    const page = await (await fetch(`${stack.url}/`)).text();
    const icon = await fetch(`${stack.url}/favicon.svg`);

    expect(page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>$/);
  });

  it('picks the page language from ?lang=, then Accept-Language', async () => {
    const english = await (await fetch(`${stack.url}/`, { headers: { 'accept-language': 'de, en;q=0.8, ru;q=0.5' } })).text();
    const russian = await (await fetch(`${stack.url}/?lang=ru`, { headers: { 'accept-language': 'en' } })).text();

    expect(english).toContain('<html lang="en">');
    expect(russian).toContain('<html lang="ru">');
  });
});
