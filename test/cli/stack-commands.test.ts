import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, PurgeQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureQueues, ensureTable, type ProvisionedQueue, type QueueName } from '../../local/provision.js';
import { startLocalServices, type LocalServices } from '../../local/local-services.js';
import { DEMO_BILLS } from '../../local/simulator/demo-bills.js';
import { startDumaSimulator, type DumaSimulator } from '../../local/simulator/duma-simulator.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import { runCli } from '../../shared/cli/main.js';
import { run as poll } from '../../shared/cli/poll-command.js';
import { run as status } from '../../shared/cli/status-command.js';
import { run as subscribe } from '../../shared/cli/subscribe-command.js';
import { run as unwatch } from '../../shared/cli/unwatch-command.js';
import { run as watch } from '../../shared/cli/watch-command.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { DynamoFollowerRouteReader } from '../../shared/store/follower-route-store.js';
import { DynamoAddressBook } from '../../shared/store/address-book.js';
import { DynamoSubscriberStore } from '../../shared/store/subscriber-store.js';
import { DynamoSubscriptionStore } from '../../shared/store/subscription-store.js';
import { PreferencesSchema } from '../../shared/subscriptions/subscription-preferences.js';
import { DynamoOriginStore } from '../../shared/store/origin-store.js';
import { originId } from '../../shared/origins/bill-origin.js';
import { captureIo } from './capture-io.js';

const LAW_BILL = '999001-99';
const RETURNED_BILL = '999002-99';
const UNKNOWN_BILL = '999009-8';

describe('CLI commands against the local stack', () => {
  let services: LocalServices;
  let sqs: SQSClient;
  let db: DynamoDBClient;
  let queues: Record<QueueName, ProvisionedQueue>;
  let simulator: DumaSimulator;
  let doc: ReturnType<typeof createDocumentClient>;
  let tableCount = 0;
  const bills = () => new DynamoBillStore(doc, process.env.TABLE_NAME!);
  const subscribers = () => new DynamoSubscriberStore(doc, process.env.TABLE_NAME!);
  const idOf = (email: string) => new DynamoAddressBook(doc, process.env.TABLE_NAME!).idOf(email);

  async function watchedNumbers(): Promise<string[]> {
    const numbers: string[] = [];
    for await (const page of bills().listWatched()) numbers.push(...page.map((bill) => bill.number));
    return numbers.sort();
  }

  async function depth(url: string): Promise<number> {
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
    return Number(Attributes?.ApproximateNumberOfMessages);
  }

  beforeAll(async () => {
    services = await startLocalServices();
    Object.assign(process.env, services.env);
    sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
    db = new DynamoDBClient({});
    doc = createDocumentClient();
    queues = await ensureQueues(sqs, { visibilityTimeoutSeconds: 30, maxReceiveCount: 3 });
    Object.assign(process.env, {
      FAN_OUT_QUEUE_URL: queues.fanOut.url,
      EMAIL_QUEUE_URL: queues.email.url,
      FAN_OUT_DLQ_URL: queues.fanOut.dlqUrl,
      EMAIL_DLQ_URL: queues.email.dlqUrl,
      WEBHOOK_QUEUE_URL: queues.webhook.url,
      SLACK_QUEUE_URL: queues.slack.url,
      TELEGRAM_QUEUE_URL: queues.telegram.url,
      WEBHOOK_DLQ_URL: queues.webhook.dlqUrl,
      SLACK_DLQ_URL: queues.slack.dlqUrl,
      TELEGRAM_DLQ_URL: queues.telegram.dlqUrl,
      FEEDS: JSON.stringify([{ id: 'duma-news', url: 'http://127.0.0.1:9/rss', language: 'ru', label: 'Дума' }]),
      SOZD_MIN_GAP_MS: '0',
      SOZD_RETRY_ATTEMPTS: '1',
    });
  });

  beforeEach(async () => {
    // A fresh table, empty queues and a simulator at step 0 for each test: no test sees another's data.
    process.env.TABLE_NAME = `cli-test-${++tableCount}`;
    await ensureTable(db, process.env.TABLE_NAME);
    for (const queue of Object.values(queues)) {
      await sqs.send(new PurgeQueueCommand({ QueueUrl: queue.url }));
      await sqs.send(new PurgeQueueCommand({ QueueUrl: queue.dlqUrl }));
    }
    simulator = await startDumaSimulator({ bills: DEMO_BILLS, pace: { kind: 'manual' } });
    process.env.SOZD_BASE_URL = simulator.url;
  });

  afterEach(() => simulator.stop());

  afterAll(async () => {
    sqs.destroy();
    db.destroy();
    doc.destroy();
    await services.stop();
  });

  it('watch puts a bill on the watch list and unwatch takes it off', async () => {
    const watchIo = captureIo();
    const unwatchIo = captureIo();

    const codes = [
      await watch([LAW_BILL], watchIo),
      await watch([RETURNED_BILL], captureIo()),
      await unwatch([LAW_BILL], unwatchIo),
    ];

    expect(codes).toEqual([0, 0, 0]);
    expect(watchIo.out()).toBe('watching 999001-99\n');
    expect(unwatchIo.out()).toBe('no longer watching 999001-99\n');
    expect(await watchedNumbers()).toEqual([RETURNED_BILL]);
  });

  it('subscribe stores the subscriber, follows and watches every bill, and prints what it did', async () => {
    const io = captureIo();
    const again = captureIo();

    const code = await subscribe(['--email', ' Reader@Example.org ', '--bill', LAW_BILL, '--bill', RETURNED_BILL, '--lang', 'en'], io);
    const againCode = await subscribe(['--email', 'reader@example.org', '--bill', LAW_BILL, '--lang', 'en'], again);
    const id = (await idOf('reader@example.org'))!;

    expect({ code, againCode, err: io.err() + again.err() }).toEqual({ code: 0, againCode: 0, err: '' });
    expect(io.out()).toBe(
      [
        `subscribed reader@example.org (${id})`,
        `  bills:     ${LAW_BILL}, ${RETURNED_BILL} (on the watch list)`,
        '  language:  en (English)',
        "  status:    active now, no confirmation email (an operator's command)",
        '',
      ].join('\n'),
    );
    expect(again.out().split('\n')[0]).toBe(`subscribed reader@example.org (${id})`);
    const stored = await subscribers().get(id);
    expect({ email: stored?.email, language: stored?.language, status: stored?.status }).toEqual({
      email: 'reader@example.org',
      language: 'en',
      status: 'active',
    });
    expect((await subscribers().listFollowedBills(id)).sort()).toEqual([LAW_BILL, RETURNED_BILL]);
    const followers: string[] = [];
    for await (const page of new DynamoFollowerRouteReader(doc, process.env.TABLE_NAME!).listRoutes(LAW_BILL)) {
      followers.push(...page.map((follower) => follower.subscriberId));
    }
    expect(followers).toEqual([id]);
    expect(await watchedNumbers()).toEqual([LAW_BILL, RETURNED_BILL]);
  });

  it('subscribe without --lang keeps an existing subscriber\'s language and gives a new one Russian', async () => {
    await subscribe(['--email', 'reader@example.org', '--bill', LAW_BILL, '--lang', 'en'], captureIo());
    const rerun = captureIo();
    const newcomer = captureIo();

    await subscribe(['--email', 'reader@example.org', '--bill', RETURNED_BILL], rerun);
    await subscribe(['--email', 'new@example.org', '--bill', LAW_BILL], newcomer);

    expect((await subscribers().get((await idOf('reader@example.org'))!))?.language).toBe('en');
    expect(rerun.out().split('\n')[2]).toBe('  language:  en (English, kept: --lang changes it)');
    expect((await subscribers().get((await idOf('new@example.org'))!))?.language).toBe('ru');
    expect(newcomer.out().split('\n')[2]).toBe('  language:  ru (Russian, the default: --lang changes it)');
  });

  it('subscribe --bill adds to a subscriber made through the API: their preferences page lists the bill and its follow keeps their digest', async () => {
    const store = new DynamoSubscriptionStore(doc, process.env.TABLE_NAME!, subscribers());
    const made = await subscribers().upsertEmailSubscriber({ email: 'desk@example.org', at: '2026-12-01T09:00:00.000Z' });
    const preferences = PreferencesSchema.parse({ bills: [LAW_BILL], frequency: 'daily', language: 'ru' });
    await store.updatePreferences(made.id, preferences, new Date('2026-12-01T09:00:00.000Z'), { reactivate: false });

    const code = await subscribe(['--email', 'desk@example.org', '--bill', RETURNED_BILL], captureIo());

    const stored = await subscribers().get(made.id);
    const routes = [];
    for await (const page of new DynamoFollowerRouteReader(doc, process.env.TABLE_NAME!).listRoutes(RETURNED_BILL)) routes.push(...page);
    expect(code).toBe(0);
    expect([stored?.bills, stored?.frequency]).toEqual([[LAW_BILL, RETURNED_BILL], 'daily']);
    expect(routes.map((route) => [route.subscriberId, route.frequency])).toEqual([[made.id, 'daily']]);
    expect(await watchedNumbers()).toEqual([LAW_BILL, RETURNED_BILL]);
  });

  it('subscribe --committee and --initiator add to what the subscriber follows, tidied like the API, and keep their bills', async () => {
    const budget = 'Комитет Государственной Думы по бюджету и налогам';
    const education = 'Комитет Государственной Думы по просвещению';
    const government = 'Правительство Российской Федерации';
    await subscribe(['--email', 'desk@example.org', '--bill', LAW_BILL], captureIo());
    const first = captureIo();
    const second = captureIo();

    const codes = [
      // The same committee twice, the second time spelled otherwise: followed once, as first written.
      await subscribe(['--email', 'desk@example.org', '--committee', ` ${budget} `, '--committee', 'комитет  государственной думы по бюджету и налогам', '--initiator', government, '--lang', 'en'], first),
      await subscribe(['--email', 'desk@example.org', '--committee', education], second),
    ];
    const id = (await idOf('desk@example.org'))!;

    expect(codes).toEqual([0, 0]);
    expect(first.out()).toBe(
      [
        `subscribed desk@example.org (${id})`,
        `  committees: ${budget} (each new bill alerted and followed)`,
        `  initiators: ${government} (each new bill alerted and followed)`,
        '  language:  en (English)',
        "  status:    active now, no confirmation email (an operator's command)",
        '',
      ].join('\n'),
    );
    expect(second.out().split('\n')[1]).toBe(`  committees: ${budget}; ${education} (each new bill alerted and followed)`);
    const stored = await subscribers().get(id);
    expect([stored?.committees, stored?.initiators, stored?.bills, stored?.language]).toEqual([[budget, education], [government], [LAW_BILL], 'en']);
    const origins = new DynamoOriginStore(doc, process.env.TABLE_NAME!);
    const followersOf = async (kind: 'committee' | 'initiator', name: string) => {
      const routes = [];
      for await (const page of origins.listFollowers(originId(kind, name))) routes.push(...page);
      return routes;
    };
    const route = { subscriberId: id, channel: 'email', frequency: 'instant', stages: 'all' };
    expect([await followersOf('committee', budget), await followersOf('committee', education), await followersOf('initiator', government)]).toEqual([[route], [route], [route]]);
    expect(await subscribers().listFollowedBills(id)).toEqual([LAW_BILL]);
  });

  it('subscribe refuses committees beyond MAX_ORIGINS_PER_SUBSCRIBER with exit code 2 and writes nothing', async () => {
    await subscribe(['--email', 'desk@example.org', '--committee', 'Комитет Государственной Думы по бюджету и налогам'], captureIo());
    const id = (await idOf('desk@example.org'))!;
    const before = await subscribers().get(id);
    process.env.MAX_ORIGINS_PER_SUBSCRIBER = '2';
    const io = captureIo();

    const code = await runCli(['subscribe', '--email', 'desk@example.org', '--committee', 'Комитет Государственной Думы по просвещению', '--committee', 'Комитет Государственной Думы по обороне'], io).finally(() => {
      delete process.env.MAX_ORIGINS_PER_SUBSCRIBER;
    });

    expect({ code, err: io.err() }).toEqual({ code: 2, err: 'duma-alerts: subscribe: at most 2 committees (3 given)\n' });
    expect(await subscribers().get(id)).toEqual(before);
  });

  it('unwatch of a bill that is not on the watch list says so with exit code 2 and changes nothing', async () => {
    await watch([LAW_BILL], captureIo());
    const io = captureIo();

    const code = await runCli(['unwatch', RETURNED_BILL], io);

    expect({ code, out: io.out(), err: io.err() }).toEqual({
      code: 2,
      out: '',
      err: `duma-alerts: unwatch: ${RETURNED_BILL} is not on the watch list (duma-alerts status lists it)\n`,
    });
    expect(await watchedNumbers()).toEqual([LAW_BILL]);
  });

  it('poll prints one line per bill as it finishes and a summary, then queues the changes of the next cycle', async () => {
    for (const number of [LAW_BILL, RETURNED_BILL, UNKNOWN_BILL]) await watch([number], captureIo());
    simulator.step();
    const first = captureIo();
    const second = captureIo();

    const code = await poll([], first);
    simulator.step();
    await poll([], second);

    const firstLines = first.out().trimEnd().split('\n');
    expect(code).toBe(0);
    expect(firstLines.slice(0, 3).sort()).toEqual(['999001-99  baseline', '999002-99  baseline', '999009-8  missing']);
    expect(firstLines[3]).toMatch(/^polled 3 bills in \d+\.\d s: 2 baseline, 1 missing; 0 changes queued$/);
    expect(firstLines).toHaveLength(4);
    const secondLines = second.out().trimEnd().split('\n');
    expect(secondLines.slice(0, 3).sort()).toEqual(['999001-99  changed (1 change)', '999002-99  changed (1 change)', '999009-8  missing']);
    expect(secondLines[3]).toMatch(/^polled 3 bills in \d+\.\d s: 2 changed, 1 missing; 2 changes queued$/);
    expect(first.err() + second.err()).toBe('');
    // One fan-out message per changed bill, and one per bill whose passport (committee, initiators) was first read.
    expect(await depth(queues.fanOut.url)).toBe(4);
  });

  it('status shows each bill with its last poll and health, the last poll, and queue depths with a non-empty DLQ flagged', async () => {
    await watch([LAW_BILL], captureIo());
    await watch([RETURNED_BILL], captureIo());
    await watch([UNKNOWN_BILL], captureIo());
    simulator.step();
    await poll([], captureIo());
    const failedAt = '2030-01-01T00:00:00.000Z';
    for (let attempt = 0; attempt < 2; attempt++) {
      await bills().recordPollOutcome(RETURNED_BILL, { kind: 'error', at: failedAt, error: 'fetch-network: connect ECONNREFUSED' });
    }
    await sqs.send(new SendMessageCommand({ QueueUrl: queues.fanOut.url, MessageBody: '{}' }));
    for (let message = 0; message < 2; message++) {
      await sqs.send(new SendMessageCommand({ QueueUrl: queues.email.dlqUrl, MessageBody: '{}' }));
    }
    const lawPolledAt = (await bills().get(LAW_BILL))?.health.lastPolledAt;
    const unknownPolledAt = (await bills().get(UNKNOWN_BILL))?.health.lastPolledAt;
    const io = captureIo();

    const code = await status([], io);

    expect(code).toBe(0);
    expect(io.out()).toBe(
      [
        'Watched bills (3):',
        `  999001-99  updated ${lawPolledAt}  1 event  ok`,
        `  999002-99  updated ${failedAt}  1 event  error (2 consecutive failures): fetch-network: connect ECONNREFUSED`,
        `  999009-8  updated ${unknownPolledAt}  not at the source yet  ok`,
        `Last poll: ${failedAt}`,
        'Queues:',
        // The message sent above, and the committee-and-initiators notices of the two bills read.
        '  fan-out        3 waiting / 0 in flight',
        '  email          0 waiting / 0 in flight',
        '  webhook        0 waiting / 0 in flight',
        '  slack          0 waiting / 0 in flight',
        '  telegram       0 waiting / 0 in flight',
        '  poll-tasks     not configured',
        '  fan-out DLQ    0 waiting / 0 in flight',
        '  email DLQ      2 waiting / 0 in flight  <-- dead letters: messages that failed every retry',
        '  webhook DLQ    0 waiting / 0 in flight',
        '  slack DLQ      0 waiting / 0 in flight',
        '  telegram DLQ   0 waiting / 0 in flight',
        '  poll-tasks DLQ not configured',
        'Endpoints: 0 registered, 0 disabled',
        'News feeds (1):',
        '  duma-news  polled never',
        '',
      ].join('\n'),
    );
  });

  it('status says "not polled yet" for a bill never polled, and that the local stack polls feeds only when FEEDS is set', async () => {
    await watch([LAW_BILL], captureIo());
    const feeds = process.env.FEEDS;
    delete process.env.FEEDS;
    const io = captureIo();

    try {
      await status([], io);
    } finally {
      process.env.FEEDS = feeds;
    }

    const lines = io.out().trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['Watched bills (1):', `  ${LAW_BILL}  not polled yet`, 'Last poll: never']);
    expect(lines.at(-1)).toBe('News feeds: not polled on this machine (the local stack polls feeds only when FEEDS is set; see the README)');
  });

  it('status lists the poll-tasks queue and its DLQ when they are configured, a dead poll task flagged', async () => {
    await sqs.send(new SendMessageCommand({ QueueUrl: queues.pollTasks.dlqUrl, MessageBody: '{"bills":["999001-99"]}' }));
    Object.assign(process.env, { POLL_TASKS_QUEUE_URL: queues.pollTasks.url, POLL_TASKS_DLQ_URL: queues.pollTasks.dlqUrl });
    const io = captureIo();

    try {
      await status([], io);
    } finally {
      delete process.env.POLL_TASKS_QUEUE_URL;
      delete process.env.POLL_TASKS_DLQ_URL;
    }

    const lines = io.out().split('\n').filter((line) => line.startsWith('  poll-tasks'));
    expect(lines).toEqual([
      '  poll-tasks     0 waiting / 0 in flight',
      '  poll-tasks DLQ 1 waiting / 0 in flight  <-- dead letters: messages that failed every retry',
    ]);
  });

  it('status --json gives the same facts as one JSON object', async () => {
    await watch([LAW_BILL], captureIo());
    await watch([UNKNOWN_BILL], captureIo());
    simulator.step();
    await poll([], captureIo());
    await watch([RETURNED_BILL], captureIo());
    const io = captureIo();

    const code = await status(['--json'], io);

    const parsed = JSON.parse(io.out()) as Record<string, unknown> & { bills: Record<string, unknown>[]; queues: unknown[] };
    const lawPolledAt = (await bills().get(LAW_BILL))?.health.lastPolledAt;
    expect(code).toBe(0);
    expect(parsed.bills.map(({ number, polled, events, missingAtSource }) => ({ number, polled, events, missingAtSource }))).toEqual([
      { number: LAW_BILL, polled: true, events: 1, missingAtSource: false },
      { number: RETURNED_BILL, polled: false, events: null, missingAtSource: false },
      { number: UNKNOWN_BILL, polled: true, events: null, missingAtSource: true },
    ]);
    expect(parsed.bills[0]!.health).toEqual({ ok: true, lastPolledAt: lawPolledAt, lastOkAt: lawPolledAt, consecutiveFailures: 0, errorCount: 0 });
    expect(parsed.queues).toContainEqual({ label: 'email DLQ', dlq: true, kind: 'depth', visible: 0, inFlight: 0 });
    expect(parsed.queues).toHaveLength(12);
    expect(parsed.endpoints).toEqual([]);
    expect(parsed.feeds).toEqual({ polled: true, items: [{ id: 'duma-news', url: 'http://127.0.0.1:9/rss', health: null }] });
  });

  it('status says so when nothing is watched', async () => {
    const io = captureIo();

    await status([], io);

    expect(io.out().split('\n').slice(0, 3)).toEqual(['Watched bills (0):', '  none: add one with duma-alerts watch <number>', 'Last poll: never']);
  });
});
