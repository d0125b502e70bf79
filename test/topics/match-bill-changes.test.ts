import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqsMessageQueue } from '../../shared/queue/message-queue.js';
import { createLogger } from '../../shared/log/logger.js';
import { withFanOutBatcher } from '../../shared/pipeline/fan-out-batcher.js';
import { matchBillChanges } from '../../shared/pipeline/match-bill-changes.js';
import { billChange, secondReadingEvent } from '../email/change-fixtures.js';
import { startFeedsHarness, type FeedsHarness } from '../feeds/support/feeds-harness.js';

const NEW_EVENT = [{ type: 'new-event' as const }];
const extraditionEvent = secondReadingEvent({ decisions: ['Принять законопроект об экстрадиции во втором чтении'] });

let harness: FeedsHarness;
beforeAll(async () => {
  harness = await startFeedsHarness();
});
afterAll(async () => {
  await harness.stop();
});

describe('topics matched against the new events of tracked bills', () => {
  it('a decision matching a topic alerts its followers once, saying it was found in the decisions; a repeat call sends nothing', async () => {
    const world = await harness.newWorld([]);
    await world.subscribe('a@example.org', { topics: ['экстрадиция'], language: 'ru' });
    await world.subscribe('b@example.org', { topics: ['налоги'] });
    const changes = [billChange(NEW_EVENT, extraditionEvent), billChange(NEW_EVENT, secondReadingEvent({ id: 'no-decisions', decisions: [] }))];

    const raised = await matchBillChanges(world.topicAlerts, changes);
    await world.deliver();
    const again = await matchBillChanges(world.topicAlerts, changes);
    await world.deliver();

    expect([raised, again]).toEqual([1, 1]);
    const emails = await world.emails();
    expect(emails.map((email) => [email.destination.to[0], email.subject])).toEqual([
      ['a@example.org', 'Тема «экстрадиция»: Законопроект № 1075342-8 — О внесении изменений в Федеральный закон "Об информации, информационных…'],
    ]);
    expect(emails[0]?.body.text).toContain('- Решения: экстрадиция — найдено: «экстрадиции»');
    expect(emails[0]?.body.text).toContain('- Законопроект: Законопроект № 1075342-8');
    expect(emails[0]?.body.text).toContain('- Событие: Рассмотрение законопроекта во втором чтении');
  });

  it('changes queued for fan-out reach topic followers on the same road as bill followers: the fan-out consumer matches their decisions', async () => {
    const world = await harness.newWorld([]);
    await world.subscribe('a@example.org', { topics: ['экстрадиция'] });
    const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
    const change = billChange(NEW_EVENT, extraditionEvent);
    await world.stores.changes.putIfAbsent(change);

    const fanOutQueue = createSqsMessageQueue(sqs, world.config.queues.fanOutUrl!);
    await withFanOutBatcher(
      { changes: world.stores.changes, bills: world.stores.bills, fanOutQueue, now: () => new Date('2022-06-01T12:06:00Z'), logger: createLogger('test') },
      async (fanOut) => fanOut.queueChanges([change]),
    );
    const beforeFanOut = await world.emails();
    await world.deliver();

    expect(beforeFanOut).toEqual([]);
    expect((await world.emails()).map((email) => email.destination.to[0])).toEqual(['a@example.org']);
    sqs.destroy();
  });
});
