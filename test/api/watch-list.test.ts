import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/bill/bill.js';
import { DynamoBillStore, watchBills } from '../../shared/store/bill-store.js';
import { keys } from '../../shared/store/table-schema.js';
import { manageUrl, unsubscribeUrl } from '../../shared/subscriptions/subscriber-links.js';
import { csrfIn, linkIn, startApiTestStack, TABLE_NAME, uniqueAddress, type ApiTestStack, type JsonBody } from './api-test-stack.js';

let stack: ApiTestStack;

beforeAll(async () => {
  stack = await startApiTestStack({ MAX_BILLS_PER_SUBSCRIBER: '3', MAX_TOPICS_PER_SUBSCRIBER: '2' });
});
afterAll(async () => {
  await stack?.stop();
});

async function activeSubscriber(label: string, bills: string[]): Promise<string> {
  const email = uniqueAddress(label);
  await fetch(`${stack.url}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, bills }) });
  const link = linkIn((await stack.emailsTo(email))[0]!, '/confirm');
  const html = await (await fetch(link)).text();
  await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${encodeURIComponent(csrfIn(html))}` });
  return stack.subscriberId(email);
}

const unsubscribe = (id: string) =>
  fetch(unsubscribeUrl(stack.url, id, stack.tokenSecret), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

const admin = (path: string, method: string) => fetch(`${stack.url}${path}`, { method, headers: { 'x-api-key': stack.adminApiKey } });

/** Whether a bill is on the watch list, i.e. in the index every poll reads. */
async function watched(number: string): Promise<boolean> {
  return (await stack.item(keys.billState(number)))?.GSI1PK === 'WATCHED';
}

describe('a bill is watched while something follows it', () => {
  it('stays watched while one of its two subscribers remains, and drops off when the last one leaves', async () => {
    const first = await activeSubscriber('wl-first', ['101-8']);
    const second = await activeSubscriber('wl-second', ['101-8']);
    const whileFollowed = await watched('101-8');

    await unsubscribe(first);
    const afterFirstLeft = await watched('101-8');
    await unsubscribe(second);

    expect([whileFollowed, afterFirstLeft, await watched('101-8')]).toEqual([true, true, false]);
    expect(await stack.item(keys.billState('101-8'))).toMatchObject({ watched: false, number: '101-8' });
  });

  it('drops a bill a subscriber takes out of their preferences', async () => {
    const id = await activeSubscriber('wl-patch', ['102-8', '103-8']);
    const token = new URL(manageUrl(stack.url, id, stack.tokenSecret)).searchParams.get('token')!;

    await fetch(`${stack.url}/api/subscription?token=${token}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bills: ['103-8'] }) });

    expect([await watched('102-8'), await watched('103-8')]).toEqual([false, true]);
  });

  it("keeps an operator's watch when the last subscriber leaves, and an operator's unwatch never stops a subscriber's alerts", async () => {
    await admin('/api/admin/bills/104-8', 'PUT');
    const subscriber = await activeSubscriber('wl-operator', ['104-8', '105-8']);
    await admin('/api/admin/bills/105-8', 'PUT');

    await unsubscribe(subscriber);
    const operatorsBill = await watched('104-8');
    const other = await activeSubscriber('wl-operator-2', ['105-8']);
    await admin('/api/admin/bills/105-8', 'DELETE');
    const unwatchedWhileFollowed = await watched('105-8');
    await unsubscribe(other);

    expect([operatorsBill, unwatchedWhileFollowed, await watched('105-8')]).toEqual([true, true, false]);
  });
});

describe('how much one subscriber may follow', () => {
  it('refuses a sign-up or a change that follows more bills or topics than configured, naming the limit, and changes nothing', async () => {
    const email = uniqueAddress('wl-cap');
    const signUp = await fetch(`${stack.url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, bills: ['111-8', '112-8', '113-8', '114-8'], topics: ['налог', 'бюджет', 'пенсии'] }),
    });
    const id = await activeSubscriber('wl-cap-ok', ['115-8', '116-8', '117-8']);
    const token = new URL(manageUrl(stack.url, id, stack.tokenSecret)).searchParams.get('token')!;
    const patch = await fetch(`${stack.url}/api/subscription?token=${token}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ topics: ['налог', 'бюджет', 'пенсии'] }),
    });

    expect(signUp.status).toBe(400);
    expect(((await signUp.json()) as { error: { issues: unknown } }).error.issues).toEqual([
      { field: 'body.bills', message: 'at most 3 bills (4 given)' },
      { field: 'body.topics', message: 'at most 2 topics (3 given)' },
    ]);
    expect(await stack.emailsTo(email)).toEqual([]);
    expect(await watched('114-8')).toBe(false);
    expect(patch.status).toBe(400);
    expect(await stack.item(keys.subscriber(id))).toMatchObject({ topics: [] });
  });
});

describe('the admin listings of the watch list', () => {
  it('pages through every watched bill once, with titles, and counts health from the index alone', async () => {
    const bills = new DynamoBillStore(stack.db, TABLE_NAME);
    const numbers = Array.from({ length: 130 }, (_, index) => `${3000 + index}-8`);
    await watchBills(stack.db, TABLE_NAME, numbers);
    const bill: Bill = { number: '3000-8', url: 'https://sozd.duma.gov.ru/bill/3000-8', title: 'О тишине', status: 'На рассмотрении', archived: false, passport: [], events: [], plannedEvents: [] };
    await bills.saveSnapshot('3000-8', 0, { bill, contentHash: 'h', at: '2026-01-01T00:00:00.000Z' });
    await bills.recordPollOutcome('3001-8', { kind: 'error', at: '2026-01-01T00:00:00.000Z', error: 'fetch-http-status: 503' });

    const listed: JsonBody[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = (await (await admin(`/api/admin/bills?limit=100${cursor ? `&cursor=${cursor}` : ''}`, 'GET')).json()) as JsonBody;
      listed.push(...page.items);
      pageSizes.push(page.items.length);
      cursor = page.cursor;
    } while (cursor);
    const health = (await (await admin('/api/admin/health', 'GET')).json()) as JsonBody;

    const ours = listed.filter((item) => numbers.includes(item.number));
    expect(pageSizes.every((size) => size <= 100)).toBe(true);
    expect(ours.map((item) => item.number).sort()).toEqual([...numbers].sort());
    expect(ours.find((item) => item.number === '3000-8')).toMatchObject({ title: 'О тишине', status: 'На рассмотрении', watched: true });
    expect(health.watched).toBe(listed.length);
    expect(health.failing.map((entry: JsonBody) => entry.number)).toContain('3001-8');
  });
});
