import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoSubscriberStore } from '../../shared/store/subscriber-store.js';
import { csrfIn, linkIn, startApiTestStack, TABLE_NAME, uniqueAddress, type ApiTestStack, type JsonBody } from './api-test-stack.js';

let stack: ApiTestStack;
let admin: (path: string) => Promise<JsonBody>;

beforeAll(async () => {
  stack = await startApiTestStack();
  admin = async (path) => (await fetch(`${stack.url}${path}`, { headers: { 'x-api-key': stack.adminApiKey } })).json();
});
afterAll(async () => {
  await stack?.stop();
});

async function signUp(email: string, body: Record<string, unknown>): Promise<void> {
  await fetch(`${stack.url}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, ...body }) });
}

async function confirm(email: string): Promise<void> {
  const link = linkIn((await stack.emailsTo(email))[0]!, '/confirm');
  const html = await (await fetch(link)).text();
  await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${encodeURIComponent(csrfIn(html))}` });
}

describe('the admin list and the admin detail of a subscriber', () => {
  it('show the same bills, topics and frequency for a pending, an active and a CLI-made subscriber', async () => {
    const pending = uniqueAddress('views-pending');
    const active = uniqueAddress('views-active');
    const cli = uniqueAddress('views-cli');
    await signUp(pending, { bills: ['71-8'], topics: ['пенсии'], frequency: 'weekly' });
    await signUp(active, { bills: ['72-8'], topics: ['налоги'], frequency: 'daily' });
    await confirm(active);
    const subscribers = new DynamoSubscriberStore(stack.db, TABLE_NAME);
    const made = await subscribers.upsertEmailSubscriber({ email: cli, language: 'en', at: new Date().toISOString() });
    await subscribers.follow(made.id, '73-8');

    const listed = new Map<string, JsonBody>();
    let cursor: string | undefined;
    do {
      const page = await admin(`/api/admin/subscriptions?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      for (const item of page.items) listed.set(item.id, item);
      cursor = page.cursor;
    } while (cursor);
    const ids = await Promise.all([pending, active, cli].map((email) => stack.subscriberId(email)));
    const details = await Promise.all(ids.map((id) => admin(`/api/admin/subscriptions/${id}`)));

    expect(ids.map((id) => listed.get(id))).toEqual(details);
    expect(details.map((detail) => [detail.status, detail.preferences.bills, detail.preferences.topics, detail.preferences.frequency])).toEqual([
      ['pending', ['71-8'], ['пенсии'], 'weekly'],
      ['active', ['72-8'], ['налоги'], 'daily'],
      ['active', ['73-8'], [], 'instant'],
    ]);
  });
});
