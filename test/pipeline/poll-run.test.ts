import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../local/provision.js';
import { lawBill, returnedBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import { createHostPacer } from '../../shared/http/host-pacer.js';
import { createPoliteFetcher } from '../../shared/http/polite-fetcher.js';
import { createLogger } from '../../shared/log/logger.js';
import { PollTaskSchema, runPollTask, runScheduledPoll, type PollTask, type ScheduledPollDependencies } from '../../shared/pipeline/poll-run.js';
import { createSozdHttpSource } from '../../shared/sozd/sozd-http-source.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { DynamoChangeStore } from '../../shared/store/change-store.js';
import { DynamoHostSlotStore } from '../../shared/store/host-slot-store.js';
import { DynamoOriginOutbox } from '../../shared/store/origin-outbox-store.js';
import { DynamoPollScheduleStore } from '../../shared/store/poll-schedule-store.js';
import { startHttpServer, type LoopbackServer } from '../http/loopback-server.js';
import { testSettings } from '../http/test-settings.js';
import { startTestServices, type TestServices } from '../support/test-services.js';

/*
 * Adaptive polling on the real local services: bills are filed in tier rings by their first read, each run polls the
 * rings that are due (active every run), a run past its budget stops and says so, and its overflow goes out as poll
 * tasks that another poller completes. The host slots shared through DynamoDB never hand a slot out twice.
 */

const MINUTE = 60_000;
const T0 = Date.parse('2024-10-01T09:00:00Z');
// At T0: the returned bill's last event (2024-09-03) is recent, the law stopped before publication (2024-07-03) is
// dormant, and the published law rests.
const PAGES = new Map([
  ['900001-8', buildBillPage({ ...pageAt(returnedBill, 2), number: '900001-8' })],
  ['900002-8', buildBillPage({ ...pageAt(lawBill, 8), number: '900002-8' })],
  ['900003-8', buildBillPage({ ...pageAt(lawBill, 10), number: '900003-8' })],
]);
const [ACTIVE, DORMANT, RESTING] = [...PAGES.keys()] as [string, string, string];
const POLLING = {
  activeEveryMinutes: 10,
  dormantEveryMinutes: 120,
  restingEveryMinutes: 1440,
  recentEventDays: 30,
  plannedSoonDays: 14,
  hostRequestsPerSecond: 1000,
  taskSize: 2,
};

describe('scheduled poll runs', () => {
  let test: TestServices;
  let server: LoopbackServer;
  let now = T0;
  let deps: ScheduledPollDependencies;
  let tasks: PollTask[];
  let tableName: string;
  const requested = () => server.requests.splice(0).map((request) => request.url!.split('/').at(-1)).sort();

  beforeAll(async () => {
    test = await startTestServices({ maxReceiveCount: 3 });
    server = await startHttpServer((request: IncomingMessage, response: ServerResponse) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGES.get(request.url!.split('/').at(-1)!));
    });
  });
  afterAll(async () => {
    await server.close();
    await test.services.stop();
  });
  beforeEach(async () => {
    tableName = `t${randomBytes(4).toString('hex')}`;
    await ensureTable(new DynamoDBClient({}), tableName);
    const db = createDocumentClient();
    const fetcher = createPoliteFetcher(testSettings({ timeoutMs: 5000 }));
    now = T0;
    tasks = [];
    deps = {
      bills: new DynamoBillStore(db, tableName),
      changes: new DynamoChangeStore(db, tableName),
      fanOutQueue: { sendAll: async () => {} },
      source: createSozdHttpSource(fetcher, server.origin),
      now: () => new Date(now),
      logger: createLogger('test'),
      tiers: POLLING,
      polling: POLLING,
      schedule: new DynamoPollScheduleStore(db, tableName),
      pacer: createHostPacer(new DynamoHostSlotStore(db, tableName), { host: 'sozd', requestsPerSecond: 1000 }, { now: () => now, sleep: async () => {} }),
    };
    for (const number of PAGES.keys()) await deps.bills.watch(number);
    server.requests.length = 0;
  });

  it('polls every new bill first, then each tier as often as it says: active every run, dormant and resting rarely', async () => {
    const deadlineMs = () => now + 5 * MINUTE;

    const first = await runScheduledPoll(deps, { deadlineMs: deadlineMs() });
    const firstPolled = requested();
    now += 10 * MINUTE;
    await runScheduledPoll(deps, { deadlineMs: deadlineMs() });
    const secondPolled = requested();
    now = T0 + 120 * MINUTE;
    await runScheduledPoll(deps, { deadlineMs: deadlineMs() });
    const dormantDue = requested();
    now = T0 + 1440 * MINUTE;
    await runScheduledPoll(deps, { deadlineMs: deadlineMs() });
    const allDue = requested();

    expect(first).toMatchObject({ bills: 3, stoppedEarly: false, queuedBills: 0, dueLeft: false });
    expect(first.outcomes.baseline).toBe(3);
    expect(firstPolled).toEqual([ACTIVE, DORMANT, RESTING]);
    expect(secondPolled).toEqual([ACTIVE]);
    expect(dormantDue).toEqual([ACTIVE, DORMANT]);
    expect(allDue).toEqual([ACTIVE, DORMANT, RESTING]);
  });

  it('a run past its budget starts nothing, keeps its place, still records its run, and the next run catches up', async () => {
    const stopped = await runScheduledPoll(deps, { deadlineMs: now });
    const stoppedPolled = requested();
    const stoppedRun = await deps.bills.lastPollRun();
    const resumed = await runScheduledPoll(deps, { deadlineMs: now + 5 * MINUTE });

    expect(stopped).toMatchObject({ bills: 0, stoppedEarly: true, dueLeft: true });
    expect(stoppedPolled).toEqual([]);
    expect(stoppedRun).toMatchObject({ bills: 0, startedAt: new Date(T0).toISOString() });
    expect(resumed).toMatchObject({ bills: 3, stoppedEarly: false });
  });

  it('hands what does not fit its budget to poll tasks, which another poller completes; each sends its fan-out in one batch before it returns', async () => {
    // Each first read notices the bill's origins ("new bill from …"): a fan-out message.
    const fanOutBatches: string[][] = [];
    const sentBy: string[][][] = [];
    deps = {
      ...deps,
      pollTasks: { sendAll: async (messages) => void tasks.push(...(messages as PollTask[])) },
      originOutbox: new DynamoOriginOutbox(createDocumentClient(), tableName),
      fanOutQueue: { sendAll: async (messages) => void fanOutBatches.push(messages.map((message) => (message as { billNumber: string }).billNumber).sort()) },
    };

    // At 1000 requests a second, 1 ms of budget fits one bill.
    const run = await runScheduledPoll(deps, { deadlineMs: now + 1 });
    sentBy.push(fanOutBatches.splice(0));
    const inline = requested();
    const taskSummaries = [];
    for (const task of tasks) {
      taskSummaries.push(await runPollTask(deps, task, { deadlineMs: now + MINUTE }));
      sentBy.push(fanOutBatches.splice(0));
    }

    expect(sentBy).toEqual([[[ACTIVE]], [[DORMANT, RESTING]]]);
    expect([run, ...taskSummaries].map((summary) => summary.fanOut)).toEqual([
      { queued: 1, unsent: 0, unmarked: 0 },
      { queued: 2, unsent: 0, unmarked: 0 },
    ]);
    expect(run).toMatchObject({ bills: 1, queuedBills: 2, tasks: 1, stoppedEarly: false, dueLeft: false });
    expect(inline).toEqual([ACTIVE]);
    expect(tasks.map((task) => task.bills.map((bill) => bill.number))).toEqual([[DORMANT, RESTING]]);
    expect(taskSummaries.map((summary) => summary.outcomes.baseline)).toEqual([2]);
    expect(requested()).toEqual([DORMANT, RESTING]);
  });
  it('a task whose pacer fails starts no more bills, finishes those in flight and sends their fan-out before it throws', async () => {
    // Each first read notices the bill's origins ("new bill from …"): a fan-out message. The pacer's store fails once.
    const fanOutBatches: string[][] = [];
    const pacer = deps.pacer;
    let waits = 0;
    deps = {
      ...deps,
      originOutbox: new DynamoOriginOutbox(createDocumentClient(), tableName),
      fanOutQueue: { sendAll: async (messages) => void fanOutBatches.push(messages.map((message) => (message as { billNumber: string }).billNumber).sort()) },
      pacer: { wait: () => (++waits === 2 ? Promise.reject(new Error('host slots unavailable')) : pacer.wait()) },
    };
    const task = { bills: [ACTIVE, DORMANT, RESTING, '900004-8'].map((number) => ({ number, version: 0 })) };

    const failure = await runPollTask(deps, task, { deadlineMs: now + MINUTE, concurrency: 3 }).catch((error: Error) => error.message);
    const sentByTheEnd = fanOutBatches.splice(0);
    const polledByTheEnd = requested();
    await new Promise((resolve) => setTimeout(resolve, 1200));

    expect(failure).toBe('host slots unavailable');
    expect(sentByTheEnd).toEqual([[ACTIVE, RESTING]]);
    expect(polledByTheEnd).toEqual([ACTIVE, RESTING]);
    expect(fanOutBatches).toEqual([]);
    expect(requested()).toEqual([]);
  });
  it('hands each task\'s bills as the ring read them, whether the source had them included, through the task queue\'s schema', async () => {
    deps = { ...deps, pollTasks: { sendAll: async (messages) => void tasks.push(...(messages as PollTask[])) } };

    await runScheduledPoll(deps, { deadlineMs: now + 1 });
    const received = tasks.map((task) => PollTaskSchema.parse(JSON.parse(JSON.stringify(task))));

    // missingAtSource false with version 0: the task's poller need not read a snapshot the state says is not there.
    expect(received).toEqual([
      { bills: [{ number: DORMANT, version: 0, missingAtSource: false }, { number: RESTING, version: 0, missingAtSource: false }] },
    ]);
  });
});

describe('host slots shared through DynamoDB', () => {
  let test: TestServices;

  beforeAll(async () => {
    test = await startTestServices({ maxReceiveCount: 3 });
  });
  afterAll(async () => {
    await test.services.stop();
  });

  it('never hand the same slot to two racing claimers: 12 claims of 3 slots cover 36 distinct slots 400 ms apart', async () => {
    const slots = new DynamoHostSlotStore(createDocumentClient(), test.tableName);

    const starts = await Promise.all(Array.from({ length: 12 }, () => slots.claim('sozd.duma.gov.ru', 3, 400, 1_000_000)));

    const times = starts.flatMap((start) => [start, start + 400, start + 800]).sort((a, b) => a - b);
    expect(times).toEqual(Array.from({ length: 36 }, (_, index) => 1_000_000 + index * 400));
  });

  it('pace two pollers together: their requests interleave at the shared rate, never closer', async () => {
    const slots = new DynamoHostSlotStore(createDocumentClient(), test.tableName);
    let clock = 5_000_000;
    const sent: number[] = [];
    const virtual = { now: () => clock, sleep: async (ms: number) => void (clock += ms) };
    const pollers = [0, 1].map(() => createHostPacer(slots, { host: 'paced.example', requestsPerSecond: 2.5, slotsPerClaim: 2 }, virtual));

    for (let round = 0; round < 4; round++) {
      for (const pacer of pollers) {
        await pacer.wait();
        sent.push(clock);
      }
    }

    const sorted = [...sent].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((at, index) => at - sorted[index]!);
    expect(gaps.filter((gap) => gap < 400)).toEqual([]);
    expect(gaps).toHaveLength(7);
  });
});
