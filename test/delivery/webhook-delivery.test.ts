import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableEndpoint, listDeliveries, registerEndpoint, sendTestEvent } from '../../shared/webhooks/endpoint-service.js';
import { RETRY_SCHEDULE_MS } from '../../shared/webhooks/retry-schedule.js';
import { sentEmails } from '../support/ses-store.js';
import { BILL, exampleChange, startDeliveryHarness, type DeliveryHarness } from './delivery-harness.js';
import { closedLoopbackPort, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/*
 * Webhook delivery against real loopback receivers on real local services (dynalite, fauxqs, SES emulator), with an
 * injected clock and no jitter: every retry waits exactly the scheduled delay. Retries are parked (RETRY_DUE) and
 * re-queued by the redrive step, so the test moves the clock instead of sleeping.
 */

const OWNER = 'owner@example.org';

describe('webhook delivery', () => {
  let receiver: WebhookReceiver;
  let downPort: number;
  let h: DeliveryHarness;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    downPort = await closedLoopbackPort();
    h = await startDeliveryHarness({
      allowHosts: [receiver.hostPort, `127.0.0.1:${downPort}`],
      // Near real time, so the receivers' 5-minute timestamp tolerance holds for first attempts.
      startAt: new Date(Math.floor(Date.now() / 1000) * 1000),
      timeoutMs: 400,
      maxQueueDelaySeconds: 0,
    });
  });
  afterEach(async () => {
    await h.stop();
    await receiver.close();
  });

  async function register(path: string, bills: string[] = [BILL]) {
    return registerEndpoint(h.deps.service, { kind: 'webhook', url: `${receiver.origin}${path}`, ownerEmail: OWNER, bills, language: 'en' });
  }

  /** Moves the clock to each parked retry in turn and delivers it; returns the waits between attempts, in ms. */
  async function runSchedule(endpointId: string, changeId: string): Promise<number[]> {
    const waits: number[] = [];
    for (;;) {
      const record = await h.stores.endpointDeliveries.get({ changeId, endpointId, channel: 'webhook' });
      if (record?.status !== 'retrying' || !record.nextAttemptAt) return waits;
      const wait = Date.parse(record.nextAttemptAt) - h.clock.now().getTime();
      waits.push(wait);
      h.clock.advance(wait);
      await h.redriveAndDeliver();
    }
  }

  it('signs every request so that standardwebhooks verifies it, and rejects a tampered body or a stale timestamp', async () => {
    // Arrange
    const { endpoint, secret } = await register('/ok');
    await h.deliverQueued();
    h.clock.advance(1_000);

    // Act
    await h.publish([exampleChange(1)]);
    await h.deliverQueued();

    // Assert
    const hits = receiver.hitsTo('/ok');
    expect(hits.map((hit) => (JSON.parse(hit.body) as { type: string }).type)).toEqual(['ping', 'bill.changed']);
    const verifier = new Webhook(secret!);
    const headers = (hit: (typeof hits)[number]) => ({
      'webhook-id': String(hit.headers['webhook-id']),
      'webhook-timestamp': String(hit.headers['webhook-timestamp']),
      'webhook-signature': String(hit.headers['webhook-signature']),
    });
    expect(hits.map((hit) => verifier.verify(hit.body, headers(hit)))).toEqual(hits.map((hit) => JSON.parse(hit.body)));
    const [, change] = hits;
    expect(() => verifier.verify(change!.body.replace('1075342-8', '1075342-9'), headers(change!))).toThrow('No matching signature found');
    const stale = { ...headers(change!), 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 600) };
    expect(() => verifier.verify(change!.body, stale)).toThrow('Message timestamp too old');
    const log = await listDeliveries(h.deps.service, endpoint.id);
    expect(log.items.map((item) => [item.event, item.status, item.attempts])).toEqual([
      ['bill.changed', 'delivered', 1],
      ['ping', 'delivered', 1],
    ]);
    const firstPage = await listDeliveries(h.deps.service, endpoint.id, { limit: 1 });
    const secondPage = await listDeliveries(h.deps.service, endpoint.id, { limit: 1, cursor: firstPage.cursor! });
    expect([firstPage.items.map((item) => item.event), secondPage.items.map((item) => item.event)]).toEqual([['bill.changed'], ['ping']]);
  });

  it('retries a receiver that answers 500 on the exact schedule, 8 attempts, then marks the delivery failed', async () => {
    // Arrange
    receiver.on('/500', { status: 500 });
    const { endpoint } = await register('/500', []);
    await h.deliverQueued();
    const [ping] = (await listDeliveries(h.deps.service, endpoint.id)).items;

    // Act
    const waits = await runSchedule(endpoint.id, ping!.changeId);

    // Assert
    expect(waits).toEqual(RETRY_SCHEDULE_MS.slice(1));
    expect(receiver.hitsTo('/500')).toHaveLength(8);
    const record = await h.stores.endpointDeliveries.get({ changeId: ping!.changeId, endpointId: endpoint.id, channel: 'webhook' });
    expect([record?.status, record?.attempts, record?.attemptLog.map((attempt) => attempt.result)]).toEqual(['failed', 8, Array(8).fill('HTTP 500')]);
    expect(await h.depth(h.queues.webhook, 'dlqUrl')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('keeps a change for a receiver that is slow (past the timeout) and delivers it once with one webhook-id; a receiver that is down gets all 8 attempts', async () => {
    // Arrange: one receiver too slow for two attempts, then up; another down (connection refused) throughout.
    const { endpoint } = await register('/flaky');
    await h.deliverQueued(); // the ping is hit 1
    receiver.on('/flaky', (hit) => (hit <= 3 ? { status: 200, delayMs: 1_500 } : { status: 204 }));
    const { secret, endpoint: down } = await registerEndpoint(h.deps.service, {
      kind: 'webhook',
      url: `http://127.0.0.1:${downPort}/hook`,
      ownerEmail: OWNER,
      bills: [BILL],
    });
    expect(secret).toMatch(/^whsec_/);
    const change = exampleChange(2);

    // Act
    await h.publish([change]);
    await h.deliverQueued();
    const slowWaits = await runSchedule(endpoint.id, change.id);
    // The down endpoint's attempts 2 and 3 ran on the same clock; the rest follow.
    const downWaits = await runSchedule(down.id, change.id);
    const downRecord = await h.stores.endpointDeliveries.get({ changeId: change.id, endpointId: down.id, channel: 'webhook' });

    // Assert
    expect(slowWaits).toEqual(RETRY_SCHEDULE_MS.slice(1, 3));
    const attempts = receiver.hitsTo('/flaky').slice(1); // after the ping
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((hit) => hit.headers['webhook-id'])).size).toBe(1);
    const record = await h.stores.endpointDeliveries.get({ changeId: change.id, endpointId: endpoint.id, channel: 'webhook' });
    expect([record?.status, record?.attemptLog.map((attempt) => attempt.result)]).toEqual(['delivered', ['timeout', 'timeout', 'HTTP 204']]);
    // All 8 attempts to the down endpoint failed as network errors, on schedule; nothing was dropped silently.
    expect(downWaits).toEqual(RETRY_SCHEDULE_MS.slice(3));
    expect([downRecord?.status, downRecord?.attempts, downRecord?.attemptLog.every((attempt) => attempt.result.startsWith('network:'))]).toEqual([
      'failed',
      8,
      true,
    ]);
  });

  it('honours Retry-After on a 429 when it asks for longer than the schedule', async () => {
    // Arrange
    receiver.on('/busy', (hit) => (hit === 1 ? { status: 429, headers: { 'retry-after': '120' } } : hit === 2 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 }));
    const { endpoint } = await register('/busy', []);
    await h.deliverQueued();
    const [ping] = (await listDeliveries(h.deps.service, endpoint.id)).items;

    // Act
    const waits = await runSchedule(endpoint.id, ping!.changeId);

    // Assert: 120 s instead of 5 s, then the scheduled 5 min (a shorter Retry-After does not shorten it).
    expect(waits).toEqual([120_000, 300_000]);
    expect(receiver.hitsTo('/busy')).toHaveLength(3);
  });

  it('treats a redirect as a failure and never follows it', async () => {
    // Arrange
    receiver.on('/moved', { status: 302, headers: { location: `${receiver.origin}/target` } });
    const { endpoint } = await register('/moved', []);

    // Act
    await h.deliverQueued();

    // Assert
    const [ping] = (await listDeliveries(h.deps.service, endpoint.id)).items;
    expect([ping?.status, ping?.lastResult, ping?.nextAttemptAt]).toEqual([
      'retrying',
      `HTTP 302 (redirect to ${receiver.origin}/target not followed)`,
      new Date(h.clock.now().getTime() + 5_000).toISOString(),
    ]);
    expect(receiver.hitsTo('/target')).toHaveLength(0);
  });

  it('puts waits of up to 15 minutes back on SQS with DelaySeconds instead of parking them', async () => {
    // Arrange: the production scheduler (SQS for the 5 s wait).
    await h.stop();
    h = await startDeliveryHarness({ allowHosts: [receiver.hostPort], startAt: new Date(), timeoutMs: 400 });
    receiver.on('/500', { status: 500 });

    // Act
    await register('/500', []);
    await h.deliverQueued();

    // Assert
    expect(await h.depth(h.queues.webhook, 'url')).toEqual({ visible: 0, inFlight: 0, delayed: 1 });
  });

  it('disables an endpoint that answers 410, emails its owner, records what it misses, and replays it when enabled again', async () => {
    // Arrange
    const { endpoint } = await register('/gone');
    await h.deliverQueued(); // the ping is hit 1, answered 200
    receiver.on('/gone', (hit) => (hit === 2 ? { status: 410 } : { status: 200 }));

    // Act
    await h.publish([exampleChange(3)]);
    await h.deliverQueued();
    await h.publish([exampleChange(4)]);
    await h.deliverQueued();
    const disabled = await h.stores.endpoints.get(endpoint.id);
    const hitsWhileDisabled = receiver.hitsTo('/gone').length;
    const replayed = await enableEndpoint(h.deps.service, endpoint.id);
    await h.deliverQueued();

    // Assert
    expect([disabled?.status, disabled?.disabledReason]).toEqual(['disabled', 'gone']);
    expect(hitsWhileDisabled).toBe(2);
    expect(replayed).toBe(2);
    const bodies = receiver.hitsTo('/gone').map((hit) => (JSON.parse(hit.body) as { data: { changeId?: string } }).data.changeId);
    expect(bodies.slice(2).sort()).toEqual([exampleChange(3).id, exampleChange(4).id]);
    const log = await listDeliveries(h.deps.service, endpoint.id);
    expect(log.items.map((item) => item.status)).toEqual(['delivered', 'delivered', 'delivered']);
    const mails = await sentEmails(h.services.sesEndpoint);
    expect(mails.map((mail) => [mail.destination.to[0], mail.subject])).toEqual([[OWNER, 'duma-alerts: your endpoint was disabled']]);
    expect((await h.stores.endpoints.get(endpoint.id))?.status).toBe('active');
  });

  it('disables an endpoint that has failed for 5 days and emails its owner once', async () => {
    // Arrange
    receiver.on('/broken', { status: 503 });
    const { endpoint } = await register('/broken');
    await h.deliverQueued(); // the ping fails: failing since now

    // Act
    h.clock.advance(5 * 24 * 3_600_000 - 1_000);
    await h.publish([exampleChange(5)]);
    await h.deliverQueued();
    const stillActive = (await h.stores.endpoints.get(endpoint.id))?.status;
    h.clock.advance(1_000);
    await h.publish([exampleChange(6)]);
    await h.deliverQueued();

    // Assert
    expect(stillActive).toBe('active');
    const after = await h.stores.endpoints.get(endpoint.id);
    expect([after?.status, after?.disabledReason]).toEqual(['disabled', 'failing']);
    const missed = await h.stores.endpointDeliveries.get({ changeId: exampleChange(6).id, endpointId: endpoint.id, channel: 'webhook' });
    expect(missed?.status).toBe('missed');
    expect((await sentEmails(h.services.sesEndpoint)).map((mail) => mail.destination.to[0])).toEqual([OWNER]);
  });

  it('sends a poison message to the DLQ without holding back the good messages of its batch', async () => {
    // Arrange
    const { endpoint } = await register('/ok', []);
    await h.sendRaw(h.queues.webhook.url, '{"event":"bill.changed","attempt":"not a number"}');
    await h.sendRaw(h.queues.webhook.url, 'not json at all');
    await sendTestEvent(h.deps.service, endpoint.id);

    // Act
    await h.drainIntoDlq(2);

    // Assert
    expect(receiver.hitsTo('/ok')).toHaveLength(2); // the registration ping and the on-demand one, once each
    expect(await h.depth(h.queues.webhook, 'dlqUrl')).toEqual({ visible: 2, inFlight: 0, delayed: 0 });
    expect(await h.depth(h.queues.webhook, 'url')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('drops a duplicate of an attempt already made, so the receiver gets the change once', async () => {
    // Arrange
    const { endpoint } = await register('/ok');
    const change = exampleChange(7);
    await h.publish([change]);
    await h.publish([change]);

    // Act
    await h.deliverQueued();

    // Assert
    expect(receiver.hitsTo('/ok').map((hit) => (JSON.parse(hit.body) as { type: string }).type)).toEqual(['ping', 'bill.changed']);
    const record = await h.stores.endpointDeliveries.get({ changeId: change.id, endpointId: endpoint.id, channel: 'webhook' });
    expect([record?.status, record?.attempts]).toEqual(['delivered', 1]);
  });

  it('refuses to register a URL the SSRF policy blocks, internal names included, with the reason', async () => {
    await expect(
      registerEndpoint(h.deps.service, { kind: 'webhook', url: 'https://169.254.169.254/latest', ownerEmail: OWNER }),
    ).rejects.toThrow('endpoint URL refused: 169.254.169.254 is not a public address');
    await expect(registerEndpoint(h.deps.service, { kind: 'webhook', url: 'https://api.localhost/hook', ownerEmail: OWNER })).rejects.toThrow(
      'endpoint URL refused: localhost names always resolve to this machine',
    );
    await expect(registerEndpoint(h.deps.service, { kind: 'webhook', url: 'https://metadata.google.internal/hook', ownerEmail: OWNER })).rejects.toThrow(
      'endpoint URL refused: .internal names resolve only inside a private network',
    );
    await expect(registerEndpoint(h.deps.service, { kind: 'slack', url: 'https://example.org/hook', ownerEmail: OWNER })).rejects.toThrow(
      'a Slack endpoint is an incoming-webhook URL on https://hooks.slack.com/',
    );
  });
});
