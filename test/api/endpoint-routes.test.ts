import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpApiServer, type HttpApiServer } from '../../local/http-api-server.js';
import { createApiHandler } from '../../shared/api/create-api-handler.js';
import { originId } from '../../shared/origins/bill-origin.js';
import { apiDependencies } from '../../shared/runtime/api-dependencies.js';
import { BILL, exampleChange, startDeliveryHarness, type DeliveryHarness } from '../delivery/delivery-harness.js';
import { startWebhookReceiver, type ReceivedHit, type WebhookReceiver } from '../delivery/webhook-receiver.js';
import type { JsonBody } from './api-test-stack.js';

/*
 * The admin endpoint API served over loopback HTTP, on the delivery harness's real local services (dynalite, fauxqs,
 * SES emulator): what the API queues is delivered by the real deliver-webhook consumer to a loopback receiver.
 */

const OWNER = 'owner@example.org';

describe('admin endpoint API', () => {
  let receiver: WebhookReceiver;
  let h: DeliveryHarness;
  let api: HttpApiServer;
  const adminApiKey = randomBytes(24).toString('base64url');

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    h = await startDeliveryHarness({ allowHosts: [receiver.hostPort], startAt: new Date(Math.floor(Date.now() / 1000) * 1000) });
    const deps = { ...apiDependencies({ ...h.config, adminApiKey }), endpointService: h.deps.service };
    api = await startHttpApiServer(createApiHandler(deps));
  });
  afterEach(async () => {
    await api.stop();
    await h.stop();
    await receiver.close();
  });

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { 'x-api-key': adminApiKey }) {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as JsonBody };
  }

  const register = (path: string, extra: Record<string, unknown> = {}) =>
    call('POST', '/api/admin/endpoints', { kind: 'webhook', url: `${receiver.origin}${path}`, ownerEmail: OWNER, ...extra });

  const typeOf = (hit: ReceivedHit) => (JSON.parse(hit.body) as { type: string }).type;

  function verify(secret: string, hit: ReceivedHit): unknown {
    return new Webhook(secret).verify(hit.body, {
      'webhook-id': String(hit.headers['webhook-id']),
      'webhook-timestamp': String(hit.headers['webhook-timestamp']),
      'webhook-signature': String(hit.headers['webhook-signature']),
    });
  }

  it('registers a webhook, shows its secret once, and the receiver gets exactly one signed ping that the delivery log lists', async () => {
    // Act
    const registered = await register('/hook', { bills: [BILL, BILL], language: 'en' });
    await h.deliverQueued();
    const { endpoint, secret, testEventId } = registered.body;
    const listed = await call('GET', '/api/admin/endpoints');
    const read = await call('GET', `/api/admin/endpoints/${endpoint.id}`);
    const log = await call('GET', `/api/admin/endpoints/${endpoint.id}/deliveries`);

    // Assert
    expect(registered.status).toBe(201);
    expect(endpoint).toEqual({
      id: expect.stringMatching(/^ep_[0-9a-f]{24}$/),
      kind: 'webhook',
      url: `${receiver.origin}/hook`,
      ownerEmail: OWNER,
      language: 'en',
      bills: [BILL],
      committees: [],
      initiators: [],
      frequency: 'instant',
      timeZone: 'Europe/Moscow',
      status: 'active',
      createdAt: h.clock.now().toISOString(),
    });
    expect(secret).toMatch(/^whsec_/);
    expect(testEventId).toMatch(/^ping_/);
    const hits = receiver.hitsTo('/hook');
    expect(hits.map(typeOf)).toEqual(['ping']);
    expect(verify(secret, hits[0]!)).toEqual(JSON.parse(hits[0]!.body));
    expect(listed).toEqual({ status: 200, body: { items: [endpoint] } });
    expect(read).toEqual({ status: 200, body: endpoint });
    expect(log.status).toBe(200);
    expect(log.body.items.map((item: JsonBody) => [item.changeId, item.event, item.status, item.attempts, item.attemptLog.length])).toEqual([
      [testEventId, 'ping', 'delivered', 1, 1],
    ]);
    expect(log.body.items[0].lastResult).toBe('HTTP 200');
  });

  it('sends a test event on demand; the log lists newest first, a page at a time', async () => {
    // Arrange
    const { body } = await register('/hook');
    const id = body.endpoint.id as string;
    // The log is ordered by first attempt, so the registration ping goes out first.
    await h.deliverQueued();
    h.clock.advance(1_000);

    // Act
    const tested = await call('POST', `/api/admin/endpoints/${id}/test`);
    await h.deliverQueued();
    const first = await call('GET', `/api/admin/endpoints/${id}/deliveries?limit=1`);
    const second = await call('GET', `/api/admin/endpoints/${id}/deliveries?limit=1&cursor=${first.body.cursor}`);

    // Assert
    expect(tested).toEqual({ status: 202, body: { testEventId: expect.stringMatching(/^ping_/) } });
    expect(receiver.hitsTo('/hook').map(typeOf)).toEqual(['ping', 'ping']);
    expect([first.body.items.map((item: JsonBody) => item.changeId), second.body.items.map((item: JsonBody) => item.changeId)]).toEqual([
      [tested.body.testEventId],
      [body.testEventId],
    ]);
  });

  it('lists endpoints in registration order, a page at a time', async () => {
    // Arrange
    const first = (await register('/one')).body.endpoint;
    h.clock.advance(1_000);
    const second = (await register('/two')).body.endpoint;

    // Act
    const page1 = await call('GET', '/api/admin/endpoints?limit=1');
    const page2 = await call('GET', `/api/admin/endpoints?limit=1&cursor=${page1.body.cursor}`);

    // Assert
    expect(page1.body.items).toEqual([first]);
    expect(page2.body.items).toEqual([second]);
  });

  it('re-enables a disabled endpoint and replays the changes it missed, answering how many', async () => {
    // Arrange
    const { body } = await register('/hook', { bills: [BILL] });
    const id = body.endpoint.id as string;
    await h.deliverQueued();
    await h.stores.endpoints.disable(id, 'operator', h.clock.now().toISOString());
    await h.publish([exampleChange(1), exampleChange(2)]);
    await h.deliverQueued();
    const disabled = await call('GET', `/api/admin/endpoints/${id}`);
    const hitsWhileDisabled = receiver.hitsTo('/hook').length;

    // Act
    const enabled = await call('POST', `/api/admin/endpoints/${id}/enable`);
    await h.deliverQueued();

    // Assert
    expect([disabled.body.status, disabled.body.disabledReason]).toEqual(['disabled', 'operator']);
    expect(hitsWhileDisabled).toBe(1);
    expect(enabled).toEqual({ status: 200, body: { replayed: 2 } });
    const replayed = receiver.hitsTo('/hook').slice(1).map((hit) => (JSON.parse(hit.body) as { data: { changeId: string } }).data.changeId);
    expect(replayed.sort()).toEqual([exampleChange(1).id, exampleChange(2).id]);
    expect((await call('GET', `/api/admin/endpoints/${id}`)).body.status).toBe('active');
  });

  it('rotates a webhook secret: the next ping verifies with the new secret and, during the overlap, the old one', async () => {
    // Arrange
    const { body } = await register('/hook');
    const id = body.endpoint.id as string;

    // Act
    const rotated = await call('POST', `/api/admin/endpoints/${id}/rotate-secret?overlapHours=2`);
    await call('POST', `/api/admin/endpoints/${id}/test`);
    await h.deliverQueued();

    // Assert
    expect(rotated).toEqual({
      status: 200,
      body: { secret: expect.stringMatching(/^whsec_/), previousExpiresAt: new Date(h.clock.now().getTime() + 2 * 3_600_000).toISOString() },
    });
    expect(rotated.body.secret).not.toBe(body.secret);
    const last = receiver.hitsTo('/hook').at(-1)!;
    expect([verify(rotated.body.secret, last), verify(body.secret, last)]).toEqual([JSON.parse(last.body), JSON.parse(last.body)]);
  });

  it('answers bad registrations with a 400 naming the field, and sends nothing', async () => {
    // Act
    const blocked = await call('POST', '/api/admin/endpoints', { kind: 'webhook', url: 'https://169.254.169.254/latest', ownerEmail: OWNER });
    const notSlack = await call('POST', '/api/admin/endpoints', { kind: 'slack', url: 'https://example.org/hook', ownerEmail: OWNER });
    const malformed = await call('POST', '/api/admin/endpoints', { kind: 'email', url: `${receiver.origin}/x`, owner: OWNER });
    const noBot = await call('POST', '/api/admin/endpoints', { kind: 'telegram', chatId: '@duma_newsroom', ownerEmail: OWNER });
    const telegramUrl = await call('POST', '/api/admin/endpoints', { kind: 'telegram', url: `${receiver.origin}/x`, ownerEmail: OWNER });

    // Assert
    expect(blocked).toEqual({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'invalid body.url',
          issues: [{ field: 'body.url', message: 'endpoint URL refused: 169.254.169.254 is not a public address' }],
        },
      },
    });
    expect(notSlack.body.error.issues).toEqual([{ field: 'body.url', message: 'a Slack endpoint is an incoming-webhook URL on https://hooks.slack.com/' }]);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues.map((issue: JsonBody) => issue.field)).toEqual(['body.kind', 'body.ownerEmail', 'body']);
    // This stack has no Telegram bot token: a chat is refused, naming the setting.
    expect(noBot.body.error.issues).toEqual([{ field: 'body.chatId', message: 'Telegram is not configured on this service: set TELEGRAM_BOT_TOKEN (the bot-token secret in AWS)' }]);
    expect(telegramUrl.body.error.issues.map((issue: JsonBody) => issue.field)).toEqual(['body.chatId', 'body.url']);
    expect((await call('GET', '/api/admin/endpoints')).body).toEqual({ items: [] });
    expect(await h.depth(h.queues.webhook, 'url')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('changes what an endpoint follows and its week ahead with PATCH; over the limit, or the week ahead of a webhook, changes nothing', async () => {
    // Arrange: real committee names from the shared pages; a list one over the configured limit.
    const budget = 'Комитет Государственной Думы по бюджету и налогам';
    const education = 'Комитет Государственной Думы по просвещению';
    const government = 'Правительство Российской Федерации';
    const tooMany = Array.from({ length: h.config.subscriberLimits.maxOrigins + 1 }, (_, n) => `Депутат ${n + 1}`);
    const slack = await call('POST', '/api/admin/endpoints', { kind: 'slack', url: `${receiver.origin}/slack`, ownerEmail: OWNER, committees: [budget] });
    const hook = await register('/hook');
    const path = (registered: typeof slack) => `/api/admin/endpoints/${registered.body.endpoint.id}`;

    // Act
    const patched = await call('PATCH', path(slack), { committees: [education, ` ${education.toUpperCase()} `], initiators: [government], weekAhead: true });
    const over = await call('PATCH', path(slack), { initiators: tooMany });
    const webhookWeek = await call('PATCH', path(hook), { committees: [education], weekAhead: true });
    const empty = await call('PATCH', path(slack), {});
    const registerOver = await call('POST', '/api/admin/endpoints', { kind: 'webhook', url: `${receiver.origin}/over`, ownerEmail: OWNER, committees: tooMany });
    const followers = async (kind: 'committee' | 'initiator', name: string) => {
      const ids: string[] = [];
      for await (const page of h.stores.origins.listFollowers(originId(kind, name))) ids.push(...page.map((route) => route.endpointId ?? route.subscriberId));
      return ids;
    };

    // Assert
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ committees: [education], initiators: [government], weekAhead: true });
    expect([over.status, over.body.error.issues]).toEqual([400, [{ field: 'body.initiators', message: `at most ${tooMany.length - 1} initiators (${tooMany.length} given)` }]]);
    expect([webhookWeek.status, webhookWeek.body.error.code]).toEqual([409, 'not_slack_or_telegram']);
    expect([empty.status, empty.body.error.issues]).toEqual([400, [{ field: 'body', message: 'give at least one of weekAhead, committees, initiators' }]]);
    expect([registerOver.status, registerOver.body.error.issues.map((issue: JsonBody) => issue.field)]).toEqual([400, ['body.committees']]);
    expect((await call('GET', path(slack))).body).toEqual(patched.body);
    expect((await call('GET', path(hook))).body).toMatchObject({ committees: [], initiators: [] });
    expect((await call('GET', '/api/admin/endpoints')).body.items).toHaveLength(2);
    expect([await followers('committee', budget), await followers('committee', education), await followers('initiator', government)]).toEqual([
      [],
      [slack.body.endpoint.id],
      [slack.body.endpoint.id],
    ]);
  });

  it('refuses unknown and malformed ids, foreign cursors, a Slack secret rotation and calls without the API key', async () => {
    // Arrange
    const slack = await call('POST', '/api/admin/endpoints', { kind: 'slack', url: `${receiver.origin}/slack`, ownerEmail: OWNER });
    const unknown = `ep_${'0'.repeat(24)}`;
    const foreignCursor = Buffer.from(JSON.stringify({ GSI1PK: 'ENDPOINTS', GSI1SK: 'x', PK: 'x', SK: 'x' })).toString('base64url');

    // Act
    const answers = [
      await call('GET', `/api/admin/endpoints/${unknown}`),
      await call('POST', `/api/admin/endpoints/${unknown}/test`),
      await call('POST', `/api/admin/endpoints/${unknown}/enable`),
      await call('GET', `/api/admin/endpoints/${unknown}/deliveries`),
      await call('GET', '/api/admin/endpoints/not-an-id'),
      await call('GET', `/api/admin/endpoints/${slack.body.endpoint.id}/deliveries?cursor=${foreignCursor}`),
      await call('GET', '/api/admin/endpoints?cursor=garbage'),
      await call('POST', `/api/admin/endpoints/${slack.body.endpoint.id}/rotate-secret`),
      await call('GET', '/api/admin/endpoints', undefined, {}),
    ];

    // Assert
    expect(slack.status).toBe(201);
    expect(slack.body.secret).toBeUndefined();
    expect(answers.map((answer) => [answer.status, answer.body.error.code, answer.body.error.issues.map((issue: JsonBody) => issue.field)])).toEqual([
      [404, 'not_found', []],
      [404, 'not_found', []],
      [404, 'not_found', []],
      [404, 'not_found', []],
      [400, 'validation_failed', ['path.endpointId']],
      [400, 'validation_failed', ['query.cursor']],
      [400, 'validation_failed', ['query.cursor']],
      [409, 'not_a_webhook', []],
      [401, 'unauthorized', []],
    ]);
  });
});
