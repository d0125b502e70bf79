import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as endpoint } from '../../shared/cli/endpoint-command.js';
import { runCli } from '../../shared/cli/main.js';
import { run as status } from '../../shared/cli/status-command.js';
import { originId } from '../../shared/origins/bill-origin.js';
import { createNewsStores } from '../../shared/runtime/stores.js';
import { BILL, exampleChange, startDeliveryHarness, type DeliveryHarness } from '../delivery/delivery-harness.js';
import { startWebhookReceiver, type ReceivedHit, type WebhookReceiver } from '../delivery/webhook-receiver.js';
import { captureIo } from './capture-io.js';

/*
 * The endpoint commands and status against real local services (the delivery harness: dynalite, fauxqs, SES
 * emulator): the CLI reads its configuration from the environment, as it does against `npm start`, and the real
 * deliver-webhook consumer delivers what it queues to a loopback receiver.
 */

const OWNER = 'owner@example.org';
const FEEDS = [
  { id: 'duma-news', url: 'http://127.0.0.1:9/news', language: 'ru', label: 'Дума' },
  { id: 'tass-en', url: 'http://127.0.0.1:9/tass', language: 'en', label: 'TASS' },
  { id: 'meduza-en', url: 'http://127.0.0.1:9/meduza', language: 'en', label: 'Meduza' },
];

describe('endpoint commands and status', () => {
  let receiver: WebhookReceiver;
  let h: DeliveryHarness;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    h = await startDeliveryHarness({ allowHosts: [receiver.hostPort], startAt: new Date(Math.floor(Date.now() / 1000) * 1000) });
    Object.assign(process.env, {
      TABLE_NAME: h.config.tableName,
      FAN_OUT_QUEUE_URL: h.queues.fanOut.url,
      EMAIL_QUEUE_URL: h.queues.email.url,
      WEBHOOK_QUEUE_URL: h.queues.webhook.url,
      SLACK_QUEUE_URL: h.queues.slack.url,
      TELEGRAM_QUEUE_URL: h.queues.telegram.url,
      FAN_OUT_DLQ_URL: h.queues.fanOut.dlqUrl,
      EMAIL_DLQ_URL: h.queues.email.dlqUrl,
      WEBHOOK_DLQ_URL: h.queues.webhook.dlqUrl,
      SLACK_DLQ_URL: h.queues.slack.dlqUrl,
      TELEGRAM_DLQ_URL: h.queues.telegram.dlqUrl,
      WEBHOOK_ALLOW_HOSTS: receiver.hostPort,
      FEEDS: JSON.stringify(FEEDS),
    });
  });
  afterEach(async () => {
    await h.stop();
    await receiver.close();
  });

  async function cli(...args: string[]) {
    const io = captureIo();
    const code = await endpoint(args, io);
    return { code, out: io.out(), err: io.err() };
  }

  const typeOf = (hit: ReceivedHit) => (JSON.parse(hit.body) as { type: string }).type;

  it('add registers a webhook and prints its id, secret and test event; the receiver gets one signed ping', async () => {
    // Act
    const added = await cli('add', '--kind', 'webhook', '--url', `${receiver.origin}/hook`, '--owner', OWNER, '--bill', BILL, '--lang', 'en');
    await h.deliverQueued();

    // Assert
    expect(added.code).toBe(0);
    const [id, secretLine, testLine, ...rest] = added.out.split('\n');
    expect([id, secretLine, testLine, rest]).toEqual([
      expect.stringMatching(/^ep_[0-9a-f]{24}$/),
      expect.stringMatching(/^secret whsec_\S+ \(shown only now\)$/),
      expect.stringMatching(/^test event ping_\S+$/),
      [''],
    ]);
    const secret = secretLine!.split(' ')[1]!;
    const hits = receiver.hitsTo('/hook');
    expect(hits.map(typeOf)).toEqual(['ping']);
    const headers = { 'webhook-id': String(hits[0]!.headers['webhook-id']), 'webhook-timestamp': String(hits[0]!.headers['webhook-timestamp']), 'webhook-signature': String(hits[0]!.headers['webhook-signature']) };
    expect(new Webhook(secret).verify(hits[0]!.body, headers)).toEqual(JSON.parse(hits[0]!.body));
    const stored = await h.stores.endpoints.get(id!);
    expect([stored?.kind, stored?.url, stored?.ownerEmail, stored?.language, stored?.bills]).toEqual(['webhook', `${receiver.origin}/hook`, OWNER, 'en', [BILL]]);
    expect((await h.stores.bills.get(BILL))?.watched).toBe(true);
  });

  it('list shows every endpoint; test sends a ping; deliveries shows the log newest first, limited', async () => {
    // Arrange
    const webhook = (await cli('add', '--kind', 'webhook', '--url', `${receiver.origin}/hook`, '--owner', OWNER, '--bill', BILL)).out.split('\n')[0]!;
    const slack = (await cli('add', '--kind', 'slack', '--url', `${receiver.origin}/slack`, '--owner', OWNER, '--frequency', 'daily')).out.split('\n')[0]!;
    await h.deliverQueued();
    h.clock.advance(1_000);

    // Act
    const listed = await cli('list');
    const tested = await cli('test', webhook);
    await h.deliverQueued();
    const newest = await cli('deliveries', webhook, '--limit', '1');
    const all = await cli('deliveries', webhook);

    // Assert
    expect(listed).toEqual({
      code: 0,
      out: [
        `${webhook}  webhook  active  instant  ${receiver.origin}/hook  bills: ${BILL}`,
        `${slack}  slack  active  daily  ${receiver.origin}/slack  bills: none`,
        '',
      ].join('\n'),
      err: '',
    });
    expect(tested.out).toMatch(new RegExp(`^test event ping_\\S+ queued for ${webhook}\\n$`));
    const testId = tested.out.split(' ')[2];
    expect(receiver.hitsTo('/hook').map(typeOf)).toEqual(['ping', 'ping']);
    const log = (await h.stores.endpointDeliveries.listByEndpoint(webhook)).items;
    expect(log.map((record) => record.changeId)[0]).toBe(testId);
    const line = (record: (typeof log)[number]) => `${record.createdAt}  ping  ${record.changeId}  delivered  1 attempt  HTTP 200`;
    expect(newest).toEqual({ code: 0, out: `${line(log[0]!)}\n`, err: '' });
    expect(all.out).toBe(`${log.map(line).join('\n')}\n`);
    expect(all.out.split('\n')).toHaveLength(3);
  });

  it('enable re-enables a disabled endpoint and replays what it missed', async () => {
    // Arrange
    const id = (await cli('add', '--kind', 'webhook', '--url', `${receiver.origin}/hook`, '--owner', OWNER, '--bill', BILL)).out.split('\n')[0]!;
    await h.deliverQueued();
    await h.stores.endpoints.disable(id, 'gone', h.clock.now().toISOString());
    await h.publish([exampleChange(1), exampleChange(2)]);
    await h.deliverQueued();

    // Act
    const enabled = await cli('enable', id);
    await h.deliverQueued();

    // Assert
    expect(enabled).toEqual({ code: 0, out: `enabled ${id}; 2 missed changes replayed\n`, err: '' });
    expect(receiver.hitsTo('/hook').map(typeOf)).toEqual(['ping', 'bill.changed', 'bill.changed']);
    expect((await h.stores.endpoints.get(id))?.status).toBe('active');
  });

  it('refuses bad input with exit code 2 and one line, registering nothing', async () => {
    const unknown = `ep_${'0'.repeat(24)}`;
    const cases: [string[], string][] = [
      [['endpoint'], 'endpoint: expected one of add, list, test, enable, deliveries, week-ahead, follow, unfollow'],
      [['endpoint', 'remove'], 'endpoint: expected one of add, list, test, enable, deliveries, week-ahead, follow, unfollow, got "remove"'],
      [['endpoint', 'add', '--kind', 'webhook', '--url', `${receiver.origin}/x`], 'endpoint add: --owner is required'],
      [['endpoint', 'add', '--kind', 'email', '--url', `${receiver.origin}/x`, '--owner', OWNER], 'endpoint add: invalid --kind: Invalid option: expected one of "webhook"|"slack"|"telegram"'],
      [['endpoint', 'add', '--kind', 'webhook', '--url', `${receiver.origin}/x`, '--owner', 'nobody'], 'endpoint add: invalid --owner: not an email address'],
      [['endpoint', 'add', '--kind', 'webhook', '--url', `${receiver.origin}/x`, '--owner', OWNER, '--bill', 'x'], 'endpoint add: invalid --bill: a bill number looks like 1075342-8'],
      [['endpoint', 'add', '--kind', 'webhook', '--url', 'https://10.0.0.1/hook', '--owner', OWNER], 'endpoint add: invalid --url: endpoint URL refused: 10.0.0.1 is not a public address'],
      [['endpoint', 'add', '--kind', 'webhook', '--url', `${receiver.origin}/x`, '--owner', OWNER, '--frequency', 'daily'], 'endpoint add: --frequency is for slack and telegram; a webhook gets each change as it comes'],
      [['endpoint', 'add', '--kind', 'telegram', '--owner', OWNER], 'endpoint add: --chat is required'],
      [['endpoint', 'add', '--kind', 'telegram', '--chat', 'https://t.me/x', '--owner', OWNER], 'endpoint add: invalid --chat: a Telegram chat: @channelname or a numeric chat id such as -1001234567890'],
      [['endpoint', 'add', '--kind', 'telegram', '--chat', '@duma_newsroom', '--owner', OWNER], 'endpoint add: invalid --chat: Telegram is not configured on this service: set TELEGRAM_BOT_TOKEN (the bot-token secret in AWS)'],
      [['endpoint', 'test', 'ep_1'], 'endpoint test: invalid endpoint id "ep_1": expected ep_ and 24 hex digits'],
      [['endpoint', 'enable', unknown], `endpoint enable: no endpoint ${unknown}`],
      [['endpoint', 'deliveries', unknown, '--limit', '0'], 'endpoint deliveries: invalid --limit "0": a whole number from 1 to 100'],
      [['endpoint', 'list', 'extra'], 'endpoint list: expected no arguments, got 1 argument(s)'],
      [['endpoint', 'add', '--kind', 'webhook', '--url', `${receiver.origin}/x`, '--owner', OWNER, '--week-ahead'], 'endpoint add: invalid --week-ahead: the week ahead is posted to Slack and Telegram endpoints, not webhooks'],
      [['endpoint', 'week-ahead', unknown, 'maybe'], 'endpoint week-ahead: expected on or off, got "maybe"'],
      [['endpoint', 'week-ahead', unknown, 'on'], `endpoint week-ahead: no endpoint ${unknown}`],
      [['endpoint', 'add', '--kind', 'webhook', '--url', `${receiver.origin}/x`, '--owner', OWNER, '--committee', 'X'], 'endpoint add: invalid --committee: a name has at least 2 characters'],
      [['endpoint', 'follow', unknown], 'endpoint follow: give --committee or --initiator (each may be repeated)'],
      [['endpoint', 'follow', unknown, '--initiator', 'Правительство Российской Федерации'], `endpoint follow: no endpoint ${unknown}`],
    ];

    const results = [];
    for (const [args] of cases) {
      const io = captureIo();
      results.push({ code: await runCli(args, io), err: io.err(), out: io.out() });
    }

    expect(results).toEqual(cases.map(([, message]) => ({ code: 2, err: `duma-alerts: ${message}\n`, out: '' })));
    expect((await h.stores.endpoints.list({ limit: 10 })).items).toEqual([]);
  });

  it('add --committee/--initiator, follow and unfollow change what an endpoint follows, matching names as subscribers do; list shows it', async () => {
    // Arrange: real names, as the passports of the shared real pages write them.
    const budget = 'Комитет Государственной Думы по бюджету и налогам';
    const education = 'Комитет Государственной Думы по просвещению';
    const government = 'Правительство Российской Федерации';
    const added = await cli('add', '--kind', 'slack', '--url', `${receiver.origin}/slack`, '--owner', OWNER, '--committee', budget, '--initiator', 'О. Г. Дмитриева');
    const id = added.out.split('\n')[0]!;
    const tooMany = Array.from({ length: h.config.subscriberLimits.maxOrigins }, (_, n) => ['--initiator', `Депутат ${n + 1}`]).flat();

    // Act
    const followed = await cli('follow', id, '--committee', education, '--committee', budget.toUpperCase(), '--initiator', government);
    const unfollowed = await cli('unfollow', id, '--committee', `  ${budget.replace('бюджету', 'Бюджету')} `, '--initiator', 'О.Г.Дмитриева');
    const listed = await cli('list');
    const notFollowed = captureIo();
    const notFollowedCode = await runCli(['endpoint', 'unfollow', id, '--committee', budget], notFollowed);
    const over = captureIo();
    const overCode = await runCli(['endpoint', 'follow', id, ...tooMany], over);

    // Assert
    expect(followed).toEqual({ code: 0, out: `${id}  committees: ${budget}; ${education}  initiators: О. Г. Дмитриева; ${government}\n`, err: '' });
    expect(unfollowed).toEqual({ code: 0, out: `${id}  committees: ${education}  initiators: ${government}\n`, err: '' });
    expect(listed.out).toBe(`${id}  slack  active  instant  ${receiver.origin}/slack  bills: none  committees: ${education}  initiators: ${government}\n`);
    expect([notFollowedCode, notFollowed.err()]).toEqual([2, `duma-alerts: endpoint unfollow: ${id} does not follow committee "${budget}"\n`]);
    expect([overCode, over.err()]).toEqual([2, `duma-alerts: endpoint follow: invalid --initiator: at most ${tooMany.length / 2} initiators (${tooMany.length / 2 + 1} given)\n`]);
    const stored = await h.stores.endpoints.get(id);
    expect([stored?.committees, stored?.initiators]).toEqual([[education], [government]]);
    const followers = [];
    for await (const page of h.stores.origins.listFollowers(originId('committee', education))) followers.push(...page);
    expect(followers).toEqual([{ subscriberId: id, endpointId: id, channel: 'slack', frequency: 'instant', stages: 'all' }]);
  });

  it('status lists the webhook and Slack queues and DLQs with exact depths, disabled endpoints with why, and news-feed health', async () => {
    // Arrange
    const gone = (await cli('add', '--kind', 'webhook', '--url', `${receiver.origin}/gone`, '--owner', OWNER, '--bill', BILL)).out.split('\n')[0]!;
    const failing = (await cli('add', '--kind', 'slack', '--url', `${receiver.origin}/slack`, '--owner', OWNER)).out.split('\n')[0]!;
    await cli('add', '--kind', 'webhook', '--url', `${receiver.origin}/ok`, '--owner', OWNER);
    await h.deliverQueued();
    await h.stores.endpoints.disable(gone, 'gone', '2030-01-01T00:00:00.000Z');
    await h.stores.endpoints.disable(failing, 'failing', '2030-01-02T00:00:00.000Z');
    await cli('test', gone); // queued for a disabled endpoint and not consumed: 1 waiting on the webhook queue
    await h.sendRaw(h.queues.webhook.dlqUrl, '{}');
    for (let n = 0; n < 2; n++) await h.sendRaw(h.queues.slack.dlqUrl, '{}');
    const feeds = createNewsStores(h.config).feedStore;
    await feeds.recordSuccess('duma-news', { at: '2030-01-03T00:00:00.000Z', contentHash: 'h' });
    for (let n = 0; n < 2; n++) await feeds.recordFailure('tass-en', { at: '2030-01-04T00:00:00.000Z', error: 'fetch-http: HTTP 503' });
    const io = captureIo();

    // Act
    const code = await status([], io);

    // Assert
    expect(code).toBe(0);
    expect(io.out()).toBe(
      [
        `Watched bills (1):`,
        `  ${BILL}  not polled yet`,
        'Last poll: never',
        'Queues:',
        '  fan-out        0 waiting / 0 in flight',
        '  email          0 waiting / 0 in flight',
        '  webhook        1 waiting / 0 in flight',
        '  slack          0 waiting / 0 in flight',
        '  telegram       0 waiting / 0 in flight',
        '  poll-tasks     not configured',
        '  fan-out DLQ    0 waiting / 0 in flight',
        '  email DLQ      0 waiting / 0 in flight',
        '  webhook DLQ    1 waiting / 0 in flight  <-- dead letters: messages that failed every retry',
        '  slack DLQ      2 waiting / 0 in flight  <-- dead letters: messages that failed every retry',
        '  telegram DLQ   0 waiting / 0 in flight',
        '  poll-tasks DLQ not configured',
        'Endpoints: 3 registered, 2 disabled (1 gone, 1 failing)',
        `  ${gone}  webhook  disabled (gone) at 2030-01-01T00:00:00.000Z  instant  ${receiver.origin}/gone  bills: ${BILL}`,
        `  ${failing}  slack  disabled (failing) at 2030-01-02T00:00:00.000Z  instant  ${receiver.origin}/slack  bills: none`,
        'News feeds (3):',
        '  duma-news  polled 2030-01-03T00:00:00.000Z  ok',
        '  tass-en  polled 2030-01-04T00:00:00.000Z  error (2 consecutive failures): fetch-http: HTTP 503',
        '  meduza-en  polled never',
        '',
      ].join('\n'),
    );
  });
});
