import { createHash, createHmac } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoSubscriberStore } from '../../shared/store/subscriber-store.js';
import { SubscriberIdMigration } from '../../shared/store/subscriber-id-migration.js';
import { topicIdForQuery } from '../../shared/store/subscription-store.js';
import { keys } from '../../shared/store/table-schema.js';
import { startApiTestStack, TABLE_NAME, uniqueAddress, linkIn, type ApiTestStack } from './api-test-stack.js';

let stack: ApiTestStack;

beforeAll(async () => {
  stack = await startApiTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** The id every subscriber had before ids were random: guessable from the address by anyone. */
const legacyId = (email: string) => `s${createHash('sha256').update(email).digest('hex').slice(0, 24)}`;

async function signUp(email: string, bills: string[]): Promise<void> {
  await fetch(`${stack.url}/api/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, bills, language: 'en' }),
  });
}

describe('subscriber ids and link tokens reveal nothing of the address', () => {
  it('a new subscriber gets a random id, not one derived from its address, and its link carries neither', async () => {
    const email = uniqueAddress('random-id');
    await signUp(email, ['81-8']);
    const id = await stack.subscriberId(email);
    const link = linkIn((await stack.emailsTo(email))[0]!, '/confirm');
    const token = new URL(link).searchParams.get('token')!;

    const decoded = Buffer.from(token, 'base64url').toString('latin1');

    expect(id).toMatch(/^s[0-9a-f]{24}$/);
    expect(id).not.toBe(legacyId(email));
    expect(decoded).not.toContain(id);
    expect(decoded).not.toContain('confirm');
    expect(token).not.toContain('.');
  });

  it('a subscriber made before ids were random keeps its id: its old one-click link still works, and a new sign-up finds it', async () => {
    const email = uniqueAddress('legacy');
    const id = legacyId(email);
    await stack.db.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: { ...keys.subscriber(id), id, email, language: 'en', status: 'active', createdAt: '2025-01-01T00:00:00.000Z', bills: ['82-8'] },
      }),
    );
    // The link an email of that time carried: signed, not sealed, never expiring.
    const body = Buffer.from(JSON.stringify({ sub: id, purpose: 'unsubscribe' })).toString('base64url');
    const oldLink = `${stack.url}/unsubscribe?token=${body}.${createHmac('sha256', stack.tokenSecret).update(body).digest('base64url')}`;

    await signUp(email, ['83-8']);
    const found = await stack.subscriberId(email);
    const response = await fetch(oldLink, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

    expect(found).toBe(id);
    expect(response.status).toBe(200);
    expect(await stack.item(keys.subscriber(id))).toMatchObject({ status: 'unsubscribed', email });
  });
});

/** A subscriber as the service stored it before ids were random: its profile, follows, topic, digest list and a mailed link. */
async function seedLegacySubscriber(label: string) {
  const email = uniqueAddress(label);
  const id = legacyId(email);
  const topic = `экстрадиция ${label}`;
  const bills = ['85-8', '86-8'];
  const delivery = { subscriberId: id, frequency: 'daily', stages: 'all' };
  const items = [
    { ...keys.subscriber(id), id, email, language: 'en', status: 'active', createdAt: '2025-01-01T00:00:00.000Z', bills, topics: [topic], frequency: 'daily', GSI1PK: 'SUBSCRIBERS', GSI1SK: email },
    ...bills.flatMap((billNumber) => [
      { ...keys.follows(id, billNumber), billNumber, subscriberId: id },
      { ...keys.follower(billNumber, id), billNumber, ...delivery },
    ]),
    { ...keys.topicFollower(topicIdForQuery(topic), id), topicId: topicIdForQuery(topic), query: topic, ...delivery },
    { ...keys.digestPending(id, '85-8:e1:event'), recipient: id, changeId: '85-8:e1:event', billNumber: '85-8', queuedAt: '2025-01-02T00:00:00.000Z', frequency: 'daily' },
    { ...keys.digestMarker(id), recipient: id, frequency: 'daily', token: 't1', GSI1PK: 'DIGEST_PENDING', GSI1SK: id },
  ];
  for (const Item of items) await stack.db.send(new PutCommand({ TableName: TABLE_NAME, Item }));
  const body = Buffer.from(JSON.stringify({ sub: id, purpose: 'unsubscribe' })).toString('base64url');
  const oldUnsubscribeLink = `${stack.url}/unsubscribe?token=${body}.${createHmac('sha256', stack.tokenSecret).update(body).digest('base64url')}`;
  return { email, id, topic, bills, oldUnsubscribeLink };
}

/** Everything the table holds for a subscriber id, wherever it is keyed, with the id written as `<id>` so two can be compared. */
async function footprint(id: string, legacy: Awaited<ReturnType<typeof seedLegacySubscriber>>) {
  const followerKeys = [...legacy.bills.map((bill) => keys.follower(bill, id)), keys.topicFollower(topicIdForQuery(legacy.topic), id)];
  const items = [
    ...(await partitionItems(`SUBSCRIBER#${id}`)),
    ...(await partitionItems(`DIGEST#${id}`)),
    ...(await Promise.all(followerKeys.map((key) => stack.item(key)))).filter((item) => item !== undefined),
  ];
  return JSON.parse(JSON.stringify(items).split(id).join('<id>')) as Record<string, unknown>[];
}

async function partitionItems(pk: string): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await stack.db.send(new QueryCommand({ TableName: TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } }));
  return Items;
}

/** A migration from the start of the table, as a first run would be. */
async function freshMigration(db = stack.db): Promise<SubscriberIdMigration> {
  await stack.db.send(new DeleteCommand({ TableName: TABLE_NAME, Key: keys.migration('subscriber-ids') }));
  return new SubscriberIdMigration(db, TABLE_NAME);
}

describe('the subscriber id migration (duma-alerts migrate-ids)', () => {
  it('moves a legacy subscriber to a random id with everything it had, keeps its old unsubscribe link working, and changes nothing when run again', async () => {
    // Arrange
    const legacy = await seedLegacySubscriber('migrate');
    const before = await footprint(legacy.id, legacy);
    const migration = await freshMigration();

    // Act
    const first = await migration.run({ pageSize: 25 });
    const newId = await stack.subscriberId(legacy.email);
    const after = await footprint(newId, legacy);
    const second = await new SubscriberIdMigration(stack.db, TABLE_NAME).run();
    const fromTheStart = await (await freshMigration()).run();
    const afterReruns = await footprint(newId, legacy);
    const queuedBeforeTheMove = await new DynamoSubscriberStore(stack.db, TABLE_NAME).get(legacy.id);
    const unsubscribed = await fetch(legacy.oldUnsubscribeLink, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

    // Assert
    expect(first.finished).toBe(true);
    expect(first.moved).toBeGreaterThanOrEqual(1);
    expect(newId).toMatch(/^s[0-9a-f]{24}$/);
    expect(newId).not.toBe(legacy.id);
    expect(after).toEqual(before);
    expect(before).toHaveLength(8);
    expect(await footprint(legacy.id, legacy)).toEqual([]);
    expect(await stack.item(keys.movedSubscriber(legacy.id))).toMatchObject({ subscriberId: newId, state: 'moved' });
    expect(second).toEqual({ examined: 0, moved: 0, finished: true });
    expect(fromTheStart.moved).toBe(0);
    expect(afterReruns).toEqual(before);
    expect(queuedBeforeTheMove).toMatchObject({ id: newId, email: legacy.email, status: 'active' });
    expect(unsubscribed.status).toBe(200);
    expect(await stack.item(keys.subscriber(newId))).toMatchObject({ status: 'unsubscribed', email: legacy.email });
    expect(await Promise.all(legacy.bills.map((bill) => stack.item(keys.follower(bill, newId))))).toEqual([undefined, undefined]);
  });

  it('resumes a move cut short half way with the id it had chosen, losing nothing', async () => {
    // Arrange: the table client fails after 12 requests, half way through moving the follower items, as a crashed process would stop.
    const legacy = await seedLegacySubscriber('crash');
    const before = await footprint(legacy.id, legacy);
    let calls = 0;
    const crashing = { send: (command: never) => (++calls > 12 ? Promise.reject(new Error('crashed')) : stack.db.send(command)) } as unknown as typeof stack.db;
    const crashed = await freshMigration(crashing);
    await expect(crashed.move(legacy.id, legacy.email)).rejects.toThrow('crashed');
    const chosen = (await stack.item(keys.movedSubscriber(legacy.id)))!;

    // Act
    const resumed = await new SubscriberIdMigration(stack.db, TABLE_NAME).run();
    const newId = await stack.subscriberId(legacy.email);

    // Assert
    expect(chosen.state).toBe('moving');
    expect(resumed.finished).toBe(true);
    expect(newId).toBe(chosen.subscriberId);
    expect(await footprint(newId, legacy)).toEqual(before);
    expect(await footprint(legacy.id, legacy)).toEqual([]);
  });
});
