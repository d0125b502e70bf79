import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureTable } from '../../local/provision.js';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import { createLogger } from '../../shared/log/logger.js';
import { withFanOutBatcher } from '../../shared/pipeline/fan-out-batcher.js';
import { pollBill, type PollDependencies } from '../../shared/pipeline/poll-bills.js';
import { DynamoBillStore, type WatchedBill } from '../../shared/store/bill-store.js';
import { DynamoChangeStore } from '../../shared/store/change-store.js';
import { DynamoOriginOutbox } from '../../shared/store/origin-outbox-store.js';
import { pageServerSource } from '../support/page-server-source.js';
import { pollOnce } from '../support/poll-once.js';
import { startPollTestWorld, type PollTestWorld } from '../support/poll-test-world.js';

/*
 * A bill's first read does not read a snapshot the watch list says is not there (state at version 0, never missing at
 * the source): 4 AWS requests instead of 5, each ~1 ms of the poller's CPU. When the state lags a snapshot (a crash
 * between saveSnapshot's two writes, another poller's first read), the refused save falls back to reading it.
 * Requests are counted on the real DynamoDB client (dynalite behind it) and the fan-out queue's sends; each poll is a
 * run of its own, whose fan-out batch is sent (and marked queued) when it ends.
 */

const NUMBER = lawBill.page.number;
const SNAPSHOT = `BILL#${NUMBER}/SNAPSHOT`;
const STATE = `BILL#${NUMBER}/STATE`;
/** The first save of a bill, and its origins' "new bill" notice queued and released. */
const SAVE_AND_NOTICE = [`Update ${SNAPSHOT}`, `Update ${STATE}`, 'SQS send', `Update ${SNAPSHOT}`];

describe('the first read of a watched bill', () => {
  let world: PollTestWorld;
  let db: DynamoDBDocumentClient;
  /** What the page server answers: the bill's first `events` events, or 404 when null. */
  let events: number | null;
  /** Each DynamoDB request (command and key) and fan-out send, in order. */
  let requests: string[];
  let sent: unknown[];
  /** When set, the next write of the bill's state item fails, as a crash between saveSnapshot's two writes would. */
  let crashStateWrite: boolean;
  let clock: Date;
  let deps: PollDependencies & { changes: DynamoChangeStore };

  beforeAll(async () => {
    world = await startPollTestWorld((_request, response) => {
      if (events === null) response.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not found</body></html>');
      else response.writeHead(200, { 'content-type': 'text/html' }).end(buildBillPage(pageAt(lawBill, events)));
    });
    db = createDocumentClient();
    db.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as {
          Key?: { PK: string; SK: string };
          Item?: { PK: string; SK: string };
          ExpressionAttributeValues?: Record<string, unknown>;
          RequestItems?: Record<string, { PutRequest: { Item: { PK: string; SK: string } } }[]>;
        };
        const key = input.Key ?? input.Item;
        const command = (context.commandName ?? '').replace(/(Item)?Command$/, '');
        const puts = Object.values(input.RequestItems ?? {}).flat().map(({ PutRequest: { Item } }) => `${Item.PK}/${Item.SK}`);
        const target = key ? `${key.PK}/${key.SK}` : puts.length > 0 ? puts.join(' ') : String(input.ExpressionAttributeValues?.[':pk'] ?? input.ExpressionAttributeValues?.[':watched']);
        requests.push(`${command} ${target}`);
        if (crashStateWrite && command === 'Update' && key?.SK === 'STATE') {
          crashStateWrite = false;
          throw new Error('injected crash before the state write');
        }
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
  });
  afterAll(async () => {
    await world.stop();
  });
  beforeEach(async () => {
    events = 3;
    requests = [];
    sent = [];
    crashStateWrite = false;
    clock = new Date('2026-12-02T09:00:00.000Z');
    deps = await dependenciesOnFreshTable();
    await deps.bills.watch(NUMBER);
    requests.length = 0;
  });

  async function dependenciesOnFreshTable(): Promise<PollDependencies & { changes: DynamoChangeStore }> {
    const tableName = `t${randomBytes(4).toString('hex')}`;
    await ensureTable(new DynamoDBClient({}), tableName);
    return {
      bills: new DynamoBillStore(db, tableName),
      changes: new DynamoChangeStore(db, tableName),
      originOutbox: new DynamoOriginOutbox(db, tableName),
      fanOutQueue: {
        sendAll: async (messages) => {
          requests.push('SQS send');
          sent.push(...messages);
        },
      },
      source: pageServerSource(world.server),
      now: () => clock,
      logger: createLogger('test'),
    };
  }

  /** The bill as the poll cycle gets it: from the watch list (without counting that request). */
  async function watched(): Promise<WatchedBill> {
    const found: WatchedBill[] = [];
    for await (const page of deps.bills.listWatched()) found.push(...page);
    requests.length = 0;
    expect(found.map((bill) => bill.number)).toEqual([NUMBER]);
    return found[0]!;
  }

  it('of a bill the watch list says has no snapshot makes 4 requests, no read, and stores what the read path stores', async () => {
    // Arrange: the same bill in a second table, polled as a WatchedBill that does not say what is stored (the read path).
    const readPath = await dependenciesOnFreshTable();
    await readPath.bills.watch(NUMBER);
    await pollOnce(readPath, { number: NUMBER, version: 0 });
    const sentByReadPath = sent.splice(0);
    const bill = await watched();

    // Act
    const result = await pollOnce(deps, bill);

    // Assert
    expect(bill).toEqual({ number: NUMBER, version: 0, missingAtSource: false });
    expect(result).toEqual({ number: NUMBER, outcome: 'baseline', changes: 0 });
    expect(requests).toEqual(SAVE_AND_NOTICE);
    expect(await deps.bills.get(NUMBER)).toEqual(await readPath.bills.get(NUMBER));
    expect(sent).toEqual(sentByReadPath);
    expect(sent).toHaveLength(1);
  });

  it('of a bill given without saying whether the source had it reads the snapshot first, as before (5 requests)', async () => {
    // Act
    const result = await pollOnce(deps, { number: NUMBER, version: 0 });

    // Assert
    expect(result).toEqual({ number: NUMBER, outcome: 'baseline', changes: 0 });
    expect(requests).toEqual([`Query BILL#${NUMBER}`, ...SAVE_AND_NOTICE]);
  });

  it('after a crash left the state at version 0 behind a saved snapshot, falls back to reading it in the same poll: the new event is one change', async () => {
    // Arrange: the snapshot of 3 events saved at version 1, the state never told; then the page gains an event.
    crashStateWrite = true;
    await expect(pollOnce(deps, await watched())).rejects.toThrow('injected crash before the state write');
    const bill = await watched();
    events = 4;

    // Act
    const result = await pollOnce(deps, bill);

    // Assert
    expect(bill).toMatchObject({ version: 0, missingAtSource: false });
    expect(result).toEqual({ number: NUMBER, outcome: 'changed', changes: 1 });
    const pollRequests = requests.splice(0);
    const changes = await deps.changes.listForBill(NUMBER);
    expect(changes.map((change) => change.event?.id)).toEqual([lawBill.history[3]!.id]);
    const [change] = changes;
    expect(pollRequests).toEqual([
      `Update ${SNAPSHOT}`,
      `Query BILL#${NUMBER}`,
      `Put BILL#${NUMBER}/CHANGE#${change!.id}`,
      `Update ${SNAPSHOT}`,
      `Update ${STATE}`,
      'SQS send',
      `BatchWrite BILL#${NUMBER}/CHANGE#${change!.id}`,
    ]);
    expect(await watched()).toMatchObject({ version: 2 });
  });

  it('after a crash left the state at version 0 behind a saved snapshot of the same page, saves once and the next poll is unchanged (no conflict loop)', async () => {
    // Arrange
    crashStateWrite = true;
    await expect(pollOnce(deps, await watched())).rejects.toThrow('injected crash before the state write');

    // Act
    const recovery = await pollOnce(deps, await watched());
    const recoveryRequests = requests.splice(0);
    const next = await pollOnce(deps, await watched());

    // Assert
    expect(recovery).toEqual({ number: NUMBER, outcome: 'no-new-events', changes: 0 });
    expect(recoveryRequests).toEqual([`Update ${SNAPSHOT}`, `Query BILL#${NUMBER}`, `Update ${SNAPSHOT}`, `Update ${STATE}`]);
    expect(next).toEqual({ number: NUMBER, outcome: 'unchanged', changes: 0 });
    expect(requests).toEqual([]);
    expect(await deps.changes.listForBill(NUMBER)).toEqual([]);
  });

  it('of a bill the source said was missing reads its state first: events from the day it went missing are news, not a baseline', async () => {
    // Arrange: missing on 8 March 2024, between the bill's second event (5 March) and its third (11 March).
    events = null;
    clock = new Date('2024-03-08T09:00:00.000Z');
    expect(await pollOnce(deps, await watched())).toEqual({ number: NUMBER, outcome: 'missing', changes: 0 });
    const bill = await watched();
    events = 4;
    clock = new Date('2024-04-02T09:00:00.000Z');

    // Act
    const result = await pollOnce(deps, bill);

    // Assert
    expect(bill).toMatchObject({ version: 0, missingAtSource: true });
    expect(result).toEqual({ number: NUMBER, outcome: 'changed', changes: 2 });
    expect(requests[0]).toBe(`Query BILL#${NUMBER}`);
    expect((await deps.changes.listForBill(NUMBER)).map((change) => change.event?.id).sort()).toEqual([lawBill.history[2]!.id, lawBill.history[3]!.id]);
  });

  it('of a bill another poller found missing after the watch list was read: events from the day it went missing are news, as on the read path', async () => {
    // Arrange: this poller's copy of the watch list says never missing; then another poller gets a 404 on 8 March 2024,
    // between the bill's second event (5 March) and its third (11 March); then the page appears with four events.
    const stale = await watched();
    events = null;
    clock = new Date('2024-03-08T09:00:00.000Z');
    expect(await pollOnce(deps, await watched())).toEqual({ number: NUMBER, outcome: 'missing', changes: 0 });
    events = 4;
    clock = new Date('2024-04-02T09:00:00.000Z');
    requests.length = 0;

    // Act
    const result = await pollOnce(deps, stale);

    // Assert
    const pollRequests = requests.splice(0);
    expect(stale).toMatchObject({ version: 0, missingAtSource: false });
    expect(result).toEqual({ number: NUMBER, outcome: 'changed', changes: 2 });
    const changes = (await deps.changes.listForBill(NUMBER)).map((change) => `BILL#${NUMBER}/CHANGE#${change.id}`).sort();
    expect(changes).toEqual([lawBill.history[2]!.id, lawBill.history[3]!.id].map((id) => `BILL#${NUMBER}/CHANGE#${NUMBER}:${id}:event`));
    // The baseline saved and its state write refused; then the read path over it: the two changes, the snapshot saved
    // again (one "new bill" notice, from the outbox entry it renews); then the run's one batch of both messages, and
    // the changes marked queued in one write, the notice in another.
    expect(pollRequests).toEqual([
      `Update ${SNAPSHOT}`,
      `Update ${STATE}`,
      `Query BILL#${NUMBER}`,
      ...changes.map((change) => `Put ${change}`),
      `Update ${SNAPSHOT}`,
      `Update ${STATE}`,
      'SQS send',
      `BatchWrite ${changes.join(' ')}`,
      `Update ${SNAPSHOT}`,
    ]);
    expect(sent).toHaveLength(2);
    expect(sent.filter((message) => (message as { kind: string }).kind === 'bill-origin')).toHaveLength(1);
    expect(await watched()).toMatchObject({ version: 2, missingAtSource: false });
  });

  it('by two pollers at once saves one baseline; the other finds it and no new event: no change, one "new bill" notice', async () => {
    // Arrange
    const bill = await watched();

    // Act
    const { result: results } = await withFanOutBatcher(deps, (fanOut) => Promise.all([pollBill({ ...deps, fanOut }, bill), pollBill({ ...deps, fanOut }, bill)]));

    // Assert
    expect(results.map((result) => result.outcome).sort()).toEqual(['baseline', 'no-new-events']);
    expect(results.map((result) => result.changes)).toEqual([0, 0]);
    // The loser's first save was refused, so it read the winner's snapshot (one read in all) and saved after it.
    expect(requests.toSorted()).toEqual([`Query BILL#${NUMBER}`, 'SQS send', ...Array<string>(4).fill(`Update ${SNAPSHOT}`), `Update ${STATE}`, `Update ${STATE}`]);
    expect(sent).toHaveLength(1);
    expect(await deps.changes.listForBill(NUMBER)).toEqual([]);
    expect(await deps.bills.get(NUMBER)).toMatchObject({ version: 2 });
  });
});
