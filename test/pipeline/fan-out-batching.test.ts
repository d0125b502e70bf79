import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import { createFanOutBatcher } from '../../shared/pipeline/fan-out-batcher.js';
import { pollWatchedBills, type PollDependencies } from '../../shared/pipeline/poll-bills.js';
import { sweepOutbox } from '../../shared/pipeline/sweep-outbox.js';
import { createSqsMessageQueue } from '../../shared/queue/message-queue.js';
import { DynamoChangeStore } from '../../shared/store/change-store.js';
import { keys } from '../../shared/store/table-schema.js';
import { billChange } from '../email/change-fixtures.js';
import { linesWrittenBy } from '../support/captured-logs.js';
import { startPollTestWorld, type PollTestWorld } from '../support/poll-test-world.js';

/*
 * The fan-out messages of a poll run travel in shared SendMessageBatch requests of up to ten (a request costs the
 * poller as much CPU as a bill's parse), and the changes of a batch are marked queued in one BatchWriteItem. What a
 * failed batch leaves in the outbox is the sweeper's. Counted on real SQS (fauxqs) and DynamoDB (dynalite) clients.
 */

const BILLS = Array.from({ length: 25 }, (_, index) => `${900100 + index}-8`);
const FAR_FUTURE = '9999-01-01T00:00:00.000Z';

describe('the fan-out of a poll run', () => {
  let world: PollTestWorld;
  let sqs: SQSClient;
  /** How many events each page shows. */
  let events: number;
  /** The bill numbers of each SendMessageBatch request, in the order they were made. */
  let batches: string[][];
  /** Requests whose number (1-based) is in here fail, as an SQS outage would. */
  let failing: Set<number>;
  /** DynamoDB writes of change items (and batch writes), by command, e.g. PutItem. */
  let changeWrites: string[];
  let queueUrl: string;
  let deps: PollDependencies & { changes: DynamoChangeStore; tableName: string };

  beforeAll(async () => {
    world = await startPollTestWorld((request, response) => {
      const number = request.url!.split('/').at(-1)!;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(buildBillPage({ ...pageAt(lawBill, events), number }));
    });
    sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
    sqs.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'SendMessageBatchCommand') {
          const { Entries = [] } = args.input as SendMessageBatchCommandInput;
          batches.push(Entries.map((entry) => (JSON.parse(entry.MessageBody!) as { billNumber: string }).billNumber));
          if (failing.has(batches.length)) throw new Error('injected SQS outage');
        }
        return next(args);
      },
      { step: 'initialize', name: 'countBatches' },
    );
  });
  afterAll(async () => {
    sqs.destroy();
    await world.stop();
  });
  beforeEach(async () => {
    events = 3;
    batches = [];
    failing = new Set();
    changeWrites = [];
    ({ QueueUrl: queueUrl } = (await sqs.send(new CreateQueueCommand({ QueueName: `fan-out-batching-${randomBytes(4).toString('hex')}` }))) as { QueueUrl: string });
    const fresh = await world.freshDependencies({ fanOutQueue: createSqsMessageQueue(sqs, queueUrl), now: () => new Date() });
    const db = createDocumentClient();
    db.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Key?: { SK: string }; Item?: { SK: string }; RequestItems?: unknown };
        const sk = input.Key?.SK ?? input.Item?.SK;
        if (sk?.startsWith('CHANGE#') || input.RequestItems) changeWrites.push(context.commandName!.replace(/Command$/, ''));
        return next(args);
      },
      { step: 'initialize', name: 'countChangeWrites' },
    );
    deps = { ...fresh, changes: new DynamoChangeStore(db, fresh.tableName) };
  });

  /** Every bill on the watch list read once, then a new event on each page. */
  async function watchedWithANewEvent(numbers: readonly string[]): Promise<void> {
    for (const number of numbers) await deps.bills.watch(number);
    await pollWatchedBills(deps);
    expect(batches).toEqual([]);
    events = 4;
    changeWrites.length = 0;
  }

  /** The bill numbers of every message on the queue, taking them off it. */
  async function received(): Promise<string[]> {
    const numbers: string[] = [];
    for (;;) {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
      if (Messages.length === 0) return numbers.sort();
      numbers.push(...Messages.map((message) => (JSON.parse(message.Body!) as { billNumber: string; changeIds: string[] }).billNumber));
    }
  }

  async function outbox(): Promise<string[]> {
    const changes: string[] = [];
    for await (const page of deps.changes.listUnqueued(FAR_FUTURE)) changes.push(...page.map((change) => change.billNumber));
    return changes.sort();
  }

  it('of 25 changed bills is 3 SendMessageBatch requests, each bill once, and 3 BatchWriteItem requests that take every change out of the outbox', async () => {
    // Arrange
    await watchedWithANewEvent(BILLS);

    // Act
    const summary = await pollWatchedBills(deps, { concurrency: 8 });

    // Assert
    expect(summary.outcomes.changed).toBe(25);
    expect(summary.changes).toBe(25);
    expect(summary.fanOut).toEqual({ queued: 25, unsent: 0, unmarked: 0 });
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(batches.flat().sort()).toEqual(BILLS);
    expect(await received()).toEqual(BILLS);
    expect(changeWrites.toSorted()).toEqual([...Array<string>(3).fill('BatchWriteItem'), ...Array<string>(25).fill('PutItem')]);
    expect(await outbox()).toEqual([]);
  });

  it('is sent before the run returns: three changed bills are one request, and nothing is sent after', async () => {
    // Arrange
    await watchedWithANewEvent(BILLS.slice(0, 3));

    // Act
    await pollWatchedBills(deps);
    const sentByTheEnd = batches.map((batch) => [...batch].sort());
    await new Promise((resolve) => setTimeout(resolve, 1200));

    // Assert
    expect(sentByTheEnd).toEqual([BILLS.slice(0, 3)]);
    expect(batches).toHaveLength(1);
    expect(await received()).toEqual(BILLS.slice(0, 3));
    expect(await outbox()).toEqual([]);
  });

  it('of an empty run sends nothing', async () => {
    // Act
    const summary = await pollWatchedBills(deps);

    // Assert
    expect(summary.bills).toBe(0);
    expect(summary.fanOut).toEqual({ queued: 0, unsent: 0, unmarked: 0 });
    expect(batches).toEqual([]);
  });

  it('that SQS refuses leaves exactly that batch in the outbox, says so, and the sweeper queues it once', async () => {
    // Arrange
    await watchedWithANewEvent(BILLS.slice(0, 12));
    failing.add(1);

    // Act
    let summary: Awaited<ReturnType<typeof pollWatchedBills>> | undefined;
    const logged = await linesWrittenBy(async () => {
      summary = await pollWatchedBills(deps);
    });
    const refused = [...batches[0]!].sort();
    const left = await outbox();
    const firstDelivery = await received();
    const swept = await sweepOutbox({ ...deps, now: () => new Date(Date.now() + 61_000) }, 60);

    // Assert
    expect(summary!.changes).toBe(12);
    expect(summary!.outcomes.changed).toBe(12);
    expect(summary!.fanOut).toEqual({ queued: 2, unsent: 10, unmarked: 0 });
    expect(logged.map((line) => [line.level, line.message])).toEqual([['ERROR', 'fan-out batch not sent: its entries stay in the outbox for the sweeper']]);
    expect(refused).toHaveLength(10);
    expect(left).toEqual(refused);
    expect(firstDelivery).toEqual(BILLS.slice(0, 12).filter((number) => !refused.includes(number)));
    expect(swept).toBe(10);
    expect(await received()).toEqual(refused);
    expect(await outbox()).toEqual([]);
  });

  it('sends a lone message when it has waited the linger, without a flush', async () => {
    // Arrange: a change in the outbox, as a poll writes it.
    const change = billChange([{ type: 'new-event' }]);
    await deps.changes.putIfAbsent(change);
    const batcher = createFanOutBatcher(deps, { lingerMs: 50 });

    // Act
    batcher.queueChanges([change]);
    const sentAtOnce = batches.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sentAfterLinger = batches.length;
    const report = await batcher.flush();

    // Assert
    expect([sentAtOnce, sentAfterLinger]).toEqual([0, 1]);
    expect(report).toEqual({ queued: 1, unsent: 0, unmarked: 0 });
    expect(await received()).toEqual([change.billNumber]);
    expect(await outbox()).toEqual([]);
  });

  it('re-queued by the sweeper keeps every field of the stored change, even those this version does not know', async () => {
    // Arrange: a change as a newer poller wrote it (mid-deploy), with a field of its own at the top and in its event.
    const base = billChange([{ type: 'new-event' }]);
    const written = { ...base, digestLine: 'второе чтение', event: { ...base.event!, room: 'Зал пленарных заседаний' } };
    await deps.changes.putIfAbsent(written);

    // Act
    const swept = await sweepOutbox({ ...deps, now: () => new Date(Date.now() + 61_000) }, 60);
    const { Item } = await createDocumentClient().send(new GetCommand({ TableName: deps.tableName, Key: keys.change(base.billNumber, base.id) }));

    // Assert
    expect(swept).toBe(1);
    expect(await received()).toEqual([base.billNumber]);
    expect(await outbox()).toEqual([]);
    expect(Item!.change).toEqual(written);
  });

  it('marks a change given twice queued once: BatchWriteItem refuses a request naming an item twice', async () => {
    // Arrange
    const change = billChange([{ type: 'new-event' }]);
    await deps.changes.putIfAbsent(change);

    // Act
    await deps.changes.markAllQueued([change, change], '2022-06-01T12:06:00Z');

    // Assert
    expect(await outbox()).toEqual([]);
    expect(changeWrites).toEqual(['PutItem', 'BatchWriteItem']);
  });
});
