import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { digestRecipientKey } from '../../shared/digests/digest-recipient.js';
import { MISSING_POLL_LIMIT } from '../../shared/pipeline/missing-backoff.js';
import { pollWatchedBills } from '../../shared/pipeline/poll-bills.js';
import { sweepOutbox } from '../../shared/pipeline/sweep-outbox.js';
import { pollDependencies } from '../../shared/runtime/poll-bills-dependencies.js';
import { createDeliveryStores } from '../../shared/runtime/stores.js';
import { DynamoSubscriptionStore } from '../../shared/store/subscription-store.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import { startFeedsHarness, type FeedsHarness, type FeedsWorld } from '../feeds/support/feeds-harness.js';

const DROPPED = '1234567-8';
const KEPT = lawBill.page.number;
const DAY = 24 * 3600_000;

describe('a followed bill the source answers 404 for past the limit', () => {
  let harness: FeedsHarness;
  let sqs: SQSClient;

  beforeAll(async () => {
    harness = await startFeedsHarness();
    sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
    // The dropped bill is never served (404); the kept one has a page.
    harness.serve(`/bill/${KEPT}`, { contentType: 'text/html; charset=utf-8', body: buildBillPage(pageAt(lawBill, 2)) });
  });
  afterAll(async () => {
    sqs.destroy();
    await harness.stop();
  });

  // One scenario, checked by the two tests in it: its world is followed, then polled past the limit, before either.
  describe('polled past the limit', () => {
    let world: FeedsWorld;
    let clock: Date;
    const ids: Record<'ru' | 'en', string> = { ru: '', en: '' };
    const endpointId = 'ep_000000000000000000000042';
    const drops: number[] = [];
    let swept: number;

    /** Polls the watch list once a day later than the last poll, and delivers what fan-out routes. */
    const pollNextDay = async () => {
      clock = new Date(clock.getTime() + DAY);
      const summary = await pollWatchedBills({ ...pollDependencies(world.config), now: () => clock });
      await world.deliver();
      return summary.outcomes['dropped-missing'];
    };
    const webhookMessages = async () => {
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: world.config.delivery.webhookQueueUrl!, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
      return (Messages ?? []).map((message) => JSON.parse(message.Body!) as Record<string, unknown>);
    };

    beforeAll(async () => {
      // Arrange: two email subscribers (instant in Russian, daily in English) and a webhook endpoint follow the dropped bill.
      world = await harness.newWorld([], { endpointQueues: true });
      ids.ru = await world.subscribe('ru@example.org', { bills: [DROPPED, KEPT], language: 'ru' });
      ids.en = await world.subscribe('en@example.org', { bills: [DROPPED], language: 'en', frequency: 'daily' });
      await createDeliveryStores(world.config).endpoints.create({
        id: endpointId,
        kind: 'webhook',
        url: 'https://hooks.example.org/duma',
        ownerEmail: 'desk@example.org',
        language: 'en',
        bills: [DROPPED],
        frequency: 'instant',
        timeZone: 'Europe/Moscow',
        status: 'active',
        createdAt: '2026-01-01T00:00:00.000Z',
        secrets: { current: `whsec_${Buffer.alloc(32, 7).toString('base64')}` },
      });
      clock = new Date('2026-01-01T00:00:00.000Z');

      // Act: polls until past the limit, then two later runs and a sweep of the outboxes.
      for (let run = 1; run <= MISSING_POLL_LIMIT + 2; run++) drops.push(await pollNextDay());
      swept = await sweepOutbox({ ...pollDependencies(world.config), now: () => new Date(clock.getTime() + DAY) }, 0);
      await world.deliver();
    });

    it('tells each follower once in their channel and language, stops their follows, and says nothing on later runs', async () => {
      // Assert: dropped on the twelfth 404, once.
      expect(drops).toEqual([...Array.from({ length: MISSING_POLL_LIMIT - 1 }, () => 0), 1, 0, 0]);
      expect(swept).toBe(0);
      const droppedAt = new Date(Date.parse('2026-01-01T00:00:00.000Z') + MISSING_POLL_LIMIT * DAY).toISOString();
      const alertId = `dropped:${DROPPED}:${droppedAt}`;
      // The instant email subscriber: one email, in Russian.
      const emails = await world.emails();
      expect(emails.map((email) => [email.destination.to[0], email.subject])).toEqual([
        ['ru@example.org', `Законопроект № ${DROPPED} больше не найден на sozd и больше не отслеживается`],
      ]);
      expect(emails[0]!.body.text).toContain(`sozd.duma.gov.ru на каждый запрос отвечал, что законопроекта № ${DROPPED} нет`);
      // The daily subscriber: one entry waiting for the digest, under the notice's id.
      const pending = await createDeliveryStores(world.config).digests.readPending(digestRecipientKey('email', ids.en), clock);
      expect(pending.map((item) => [item.kind, item.changeId])).toEqual([['alert', alertId]]);
      // The webhook endpoint: one delivery message.
      expect(await webhookMessages()).toEqual([{ event: 'alert', channel: 'webhook', endpointIds: [endpointId], changeId: alertId }]);
      expect(await world.stores.alerts.get(alertId)).toEqual({ kind: 'bill-dropped', id: alertId, createdAt: droppedAt, billNumber: DROPPED });
    });

    it('leaves nothing naming the dropped bill as followed: profiles, follows, endpoint and follower items', async () => {
      // Arrange
      const subscriptions = new DynamoSubscriptionStore(createDocumentClient(), world.config.tableName, world.stores.subscribers);

      // Act
      const [ru, en, endpoint] = await Promise.all([
        subscriptions.get(ids.ru, clock),
        subscriptions.get(ids.en, clock),
        createDeliveryStores(world.config).endpoints.get(endpointId),
      ]);
      const followers: unknown[] = [];
      for await (const page of createDeliveryStores(world.config).followerRoutes.listRoutes(DROPPED)) followers.push(...page);

      // Assert
      expect([ru?.bills, en?.bills, endpoint?.bills]).toEqual([[KEPT], [], []]);
      expect([await subscriptions.listFollowedBills(ids.ru), await subscriptions.listFollowedBills(ids.en)]).toEqual([[KEPT], []]);
      expect(followers).toEqual([]);
      expect((await world.stores.bills.get(DROPPED))?.watched).toBe(false);
      expect((await world.stores.bills.get(KEPT))?.watched).toBe(true);
    });
  });

  it('a drop recorded by a poller that stopped before queuing its notice is queued by the sweeper and told once', async () => {
    // Arrange: in a world of its own, the drop's write happened, its queuing did not.
    const world = await harness.newWorld([]);
    const crashed = '7777777-8';
    await world.subscribe('late@example.org', { bills: [crashed], language: 'en' });
    await world.stores.bills.recordPollOutcome(crashed, { kind: 'missing', at: '2026-02-01T00:00:00.000Z' });
    const sweep = () => sweepOutbox({ ...pollDependencies(world.config), now: () => new Date('2026-02-01T01:00:00.000Z') }, 60);

    // Act
    const first = await sweep();
    await world.deliver();
    const second = await sweep();
    await world.deliver();

    // Assert
    expect([first, second]).toEqual([1, 0]);
    const emails = (await world.emails()).filter((email) => email.destination.to[0] === 'late@example.org');
    expect(emails.map((email) => email.subject)).toEqual([`Bill ${crashed} is no longer found on sozd and is no longer watched`]);
  });
});
