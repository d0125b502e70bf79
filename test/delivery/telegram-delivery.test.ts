import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendDueDigests } from '../../shared/digests/send-digests.js';
import { endpointView } from '../../shared/api/routes/endpoint-schemas.js';
import { EndpointRegistrationError, listDeliveries, registerEndpoint } from '../../shared/webhooks/endpoint-service.js';
import { RETRY_SCHEDULE_MS } from '../../shared/webhooks/retry-schedule.js';
import { linesWrittenBy } from '../support/captured-logs.js';
import { FAKE_BOT_TOKEN, startFakeTelegramBotApi, type FakeTelegramBotApi } from '../support/fake-telegram-bot-api.js';
import { sentEmails } from '../support/ses-store.js';
import { BILL, exampleChange, startDeliveryHarness, type DeliveryHarness } from './delivery-harness.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/*
 * Telegram delivery on real local services (dynalite, fauxqs, the SES emulator) through a fake Bot API on loopback:
 * a real HTTP server that checks each request as Telegram would (path /bot<token>/sendMessage, JSON body, parse_mode
 * HTML, tags and entities, 4,096 characters) and answers 200, 429, 403 or 400 as scripted. Retries are parked, so the
 * injected clock drives them.
 */

const OWNER = 'desk@example.org';
const CHAT = '@duma_newsroom';
const MANAGE = 'http://127.0.0.1:8787/admin/endpoints';

/** The delivery pipeline with its bot posting through the fake, every retry parked (the clock drives them). */
function startTelegramHarness(bot: FakeTelegramBotApi, allowHosts: string[] = []): Promise<DeliveryHarness> {
  return startDeliveryHarness({
    allowHosts,
    startAt: new Date('2026-03-28T20:00:00Z'),
    maxQueueDelaySeconds: 0,
    telegram: { baseUrl: bot.baseUrl, token: bot.token },
  });
}

describe('Telegram delivery', () => {
  let bot: FakeTelegramBotApi;
  let h: DeliveryHarness;

  beforeEach(async () => {
    bot = await startFakeTelegramBotApi();
    h = await startTelegramHarness(bot);
  });
  afterEach(async () => {
    await h.stop();
    await bot.close();
  });

  async function register(options: { frequency?: 'instant' | 'daily'; chatId?: string } = {}) {
    return registerEndpoint(h.deps.service, {
      kind: 'telegram',
      chatId: options.chatId ?? CHAT,
      ownerEmail: OWNER,
      bills: [BILL],
      language: 'en',
      frequency: options.frequency ?? 'instant',
      timeZone: 'Europe/London',
    });
  }

  it('pings the chat on registration, then posts a bill change once, with the exact text and links', async () => {
    // Arrange
    const { endpoint, testEventId } = await register();

    // Act
    await h.publish([exampleChange(1)]);
    await h.deliverQueued();
    await h.publish([exampleChange(1)]); // the same change fanned out again
    await h.deliverQueued();

    // Assert
    expect(bot.refused).toEqual([]);
    expect(bot.posted).toEqual([
      { chatId: CHAT, text: 'duma-alerts test message: this channel will receive bill alerts.' },
      {
        chatId: CHAT,
        text: [
          '<b>Bill 1075342-8: preliminary consideration → first reading: adopt the bill in the first reading</b>',
          '<b>Title (original, Russian):</b> <a href="https://sozd.duma.gov.ru/bill/1075342-8">О внесении изменений в Федеральный закон «Об информации, информационных технологиях и о защите информации»</a>',
          '',
          '<b>What changed</b>',
          'New event: First reading of the bill',
          'Stage: Preliminary consideration → First reading',
          '',
          '<b>Event</b>',
          '<b>Event:</b> First reading of the bill',
          '<b>Date:</b> 16 December 2025, 14:39 MSK',
          '<b>Protocol:</b> test-1',
          '',
          '<b>Decisions</b>',
          'adopt the bill in the first reading',
          '',
          '<b>Documents</b>',
          '<a href="https://sozd.duma.gov.ru/download/8C6E3B1D-2F4A-4E5B-9C7D-1A2B3C4D5E6F">(original, Russian): Постановление ГД № 4521-8 ГД</a>',
          '',
          `<a href="${MANAGE}/${endpoint.id}?lang=en">Manage this chat’s alerts</a>`,
        ].join('\n'),
      },
    ]);
    const log = await listDeliveries(h.deps.service, endpoint.id);
    const rows = log.items.map((item) => [item.changeId, item.channel, item.event, item.status, item.attempts, item.lastResult]);
    expect(rows.sort()).toEqual([
      [exampleChange(1).id, 'telegram', 'bill.changed', 'delivered', 1, 'HTTP 200'],
      [testEventId, 'telegram', 'ping', 'delivered', 1, 'HTTP 200'],
    ]);
    expect(endpoint).toMatchObject({ kind: 'telegram', chatId: CHAT, url: `telegram:${CHAT}` });
  });

  it('escapes a title with markup so Telegram shows it as written', async () => {
    // Arrange
    await register();
    const change = { ...exampleChange(2), billTitle: 'Об <b>изменении</b> статьи 5 & «<a href="x">ссылки</a>»' };

    // Act
    await h.publish([change]);
    await h.deliverQueued();

    // Assert
    expect(bot.refused).toEqual([]);
    expect(bot.posted[1]?.text.split('\n')[1]).toBe(
      '<b>Title (original, Russian):</b> <a href="https://sozd.duma.gov.ru/bill/1075342-8">Об &lt;b&gt;изменении&lt;/b&gt; статьи 5 &amp; «&lt;a href=&quot;x&quot;&gt;ссылки&lt;/a&gt;»</a>',
    );
  });

  it('splits a long daily digest into messages of at most 4,096 characters, in order, none cut inside a tag', async () => {
    // Arrange
    await register({ frequency: 'daily' });
    const changes = Array.from({ length: 12 }, (_, n) => exampleChange(100 + n, `2026-03-28T20:${String(10 + n).padStart(2, '0')}:00.000Z`));
    await h.publish(changes);

    // Act
    h.clock.set(new Date('2026-03-29T07:00:00Z'));
    const summary = await sendDueDigests(h.deps.digests);

    // Assert
    expect(summary).toEqual({ digestsSent: 1, changesSent: 12, failed: 0 });
    expect(bot.refused).toEqual([]);
    const digest = bot.posted.slice(1).map((message) => message.text);
    expect(digest.length).toBeGreaterThan(1);
    expect(digest.every((text) => text.length <= 4096)).toBe(true);
    expect(digest[0]?.startsWith('<b>duma-alerts: 12 changes in 1 bill</b>\n\n<b>Bill 1075342-8: preliminary consideration → first reading')).toBe(true);
    const protocols = digest.join('\n').match(/Protocol:<\/b> test-\d+/g);
    expect(protocols).toEqual(changes.map((change) => `Protocol:</b> ${change.event!.protocol}`));
    expect(digest.at(-1)?.endsWith('Manage this chat’s alerts</a>')).toBe(true);
  });

  it('honours 429 retry_after: the next attempt waits what Telegram asked, then goes through', async () => {
    // Arrange
    const { endpoint } = await register();
    bot.answer({ kind: 'too-many-requests', retryAfter: 120 });
    const key = { changeId: exampleChange(3).id, endpointId: endpoint.id, channel: 'telegram' as const };

    // Act
    await h.publish([exampleChange(3)]);
    await h.deliverQueued();
    const waiting = await h.stores.endpointDeliveries.get(key);
    h.clock.advance(119_000);
    await h.redriveAndDeliver();
    const early = bot.posted.length;
    h.clock.advance(1_000);
    await h.redriveAndDeliver();

    // Assert
    expect(120_000).toBeGreaterThan(RETRY_SCHEDULE_MS[1]!);
    expect([waiting?.status, waiting?.lastResult, waiting?.nextAttemptAt]).toEqual([
      'retrying',
      'HTTP 429: Too Many Requests: retry after 120',
      '2026-03-28T20:02:00.000Z',
    ]);
    expect(early).toBe(1);
    expect(bot.posted).toHaveLength(2);
    expect((await h.stores.endpointDeliveries.get(key))?.status).toBe('delivered');
  });

  it('resumes a split delivery from the first message that did not go through', async () => {
    // Arrange
    const { endpoint } = await register();
    const long = { ...exampleChange(4), event: { ...exampleChange(4).event!, decisions: Array.from({ length: 6 }, (_, n) => `${n}: ${'решение '.repeat(180)}`) } };
    bot.answer({ kind: 'ok' }, { kind: 'server-error' });

    // Act
    await h.publish([long]);
    await h.deliverQueued();
    const record = await h.stores.endpointDeliveries.get({ changeId: long.id, endpointId: endpoint.id, channel: 'telegram' });
    h.clock.advance(RETRY_SCHEDULE_MS[1]! * 1.2);
    await h.redriveAndDeliver();

    // Assert
    const texts = bot.posted.slice(1).map((message) => message.text);
    expect(record?.lastResult).toMatch(/^HTTP 502: Bad Gateway \(1 of \d+ messages sent\)$/);
    expect(texts.length).toBeGreaterThan(2);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.join('\n').match(/^\(original, Russian\): \d: решение/gm)?.map((line) => line.slice(-10))).toEqual(['0: решение', '1: решение', '2: решение', '3: решение', '4: решение', '5: решение']);
  });

  it('disables the endpoint on 403 (bot removed), emails its owner, and records the change as missed', async () => {
    // Arrange
    const { endpoint } = await register();
    bot.answer({ kind: 'forbidden' });

    // Act
    await h.publish([exampleChange(5)]);
    await h.deliverQueued();
    await h.publish([exampleChange(6)]);
    await h.deliverQueued();

    // Assert
    const after = await h.stores.endpoints.get(endpoint.id);
    expect([after?.status, after?.disabledReason]).toEqual(['disabled', 'bot-removed']);
    const log = await listDeliveries(h.deps.service, endpoint.id);
    const rows = log.items.filter((item) => item.event === 'bill.changed').map((item) => [item.changeId, item.status, item.lastResult]);
    expect(rows.sort()).toEqual([
      [exampleChange(5).id, 'missed', 'HTTP 403: Forbidden: bot was kicked from the channel chat'],
      [exampleChange(6).id, 'missed', 'endpoint disabled (bot-removed)'],
    ]);
    const mails = await sentEmails(h.services.sesEndpoint);
    expect(mails.map((mail) => [mail.destination.to[0], mail.subject])).toEqual([[OWNER, 'duma-alerts: your endpoint was disabled']]);
    expect(mails[0]?.body.text).toContain(`We stopped sending alerts to telegram:${CHAT} because Telegram answered 403`);
    expect(bot.posted).toHaveLength(1);
  });

  it('fails a delivery at once on 400 "chat not found", without retrying', async () => {
    // Arrange
    const { endpoint } = await register();
    bot.answer({ kind: 'chat-not-found' });

    // Act
    await h.publish([exampleChange(7)]);
    await h.deliverQueued();
    h.clock.advance(11 * 3_600_000);
    await h.redriveAndDeliver();

    // Assert
    const record = await h.stores.endpointDeliveries.get({ changeId: exampleChange(7).id, endpointId: endpoint.id, channel: 'telegram' });
    expect([record?.status, record?.attempts, record?.lastResult, record?.nextAttemptAt]).toEqual(['failed', 1, 'HTTP 400: Bad Request: chat not found', undefined]);
    expect((await h.stores.endpoints.get(endpoint.id))?.status).toBe('active');
  });

  it('refuses to register a chat the test message cannot reach, quoting Telegram, and stores nothing', async () => {
    // Arrange
    bot.answer({ kind: 'chat-not-found' });

    // Act
    const refusal = await register({ chatId: '@no_such_channel' }).catch((error: unknown) => error);

    // Assert
    expect(refusal).toBeInstanceOf(EndpointRegistrationError);
    expect((refusal as EndpointRegistrationError).field).toBe('chatId');
    expect((refusal as Error).message).toBe(
      'the test message to Telegram chat @no_such_channel failed (HTTP 400: Bad Request: chat not found): add the bot to the chat (as an administrator of a channel) and check the chat id',
    );
    expect((await h.stores.endpoints.list({ limit: 10 })).items).toEqual([]);
  });

  it('never lets the bot token into logs, delivery records, the endpoint, the owner’s email or the API view', async () => {
    // Arrange
    const { endpoint } = await register();
    bot.answer({ kind: 'too-many-requests', retryAfter: 1 }, { kind: 'forbidden' });

    // Act
    const logs = await linesWrittenBy(async () => {
      await h.publish([exampleChange(8)]);
      await h.deliverQueued();
      h.clock.advance(RETRY_SCHEDULE_MS[1]! * 1.2);
      await h.redriveAndDeliver();
    });

    // Assert
    const records = await listDeliveries(h.deps.service, endpoint.id);
    const stored = await h.stores.endpoints.get(endpoint.id);
    const mails = await sentEmails(h.services.sesEndpoint);
    const everything = JSON.stringify({ logs, records, stored, mails, view: endpointView(stored!) });
    expect(bot.paths.every((path) => path === `/bot${FAKE_BOT_TOKEN}/sendMessage`)).toBe(true);
    expect(stored?.status).toBe('disabled');
    expect(logs.length).toBeGreaterThan(0);
    expect(everything).not.toContain(FAKE_BOT_TOKEN);
    expect(everything).not.toContain(FAKE_BOT_TOKEN.split(':')[1]);
  });
});

describe('Telegram delivery reaches the configured Bot API only', () => {
  let bot: FakeTelegramBotApi;
  let other: WebhookReceiver;
  let h: DeliveryHarness;

  beforeEach(async () => {
    bot = await startFakeTelegramBotApi();
    other = await startWebhookReceiver();
    h = await startTelegramHarness(bot, [other.hostPort]);
  });
  afterEach(async () => {
    await h.stop();
    await bot.close();
    await other.close();
  });

  it('posts to the base even for an endpoint whose stored address names another host, and refuses chat ids that are not ids', async () => {
    // Arrange
    const { endpoint } = await registerEndpoint(h.deps.service, { kind: 'telegram', chatId: '-1001234567890', ownerEmail: OWNER, bills: [BILL] });
    await h.stores.endpoints.create({ ...endpoint, id: 'ep_000000000000000000000001', url: `${other.origin}/steal`, bills: [BILL] });
    const smuggled = ['@x/../../sendMessage', `${other.origin}/`, '@ab', '12 34', '@name?chat_id=1'];

    // Act
    await h.publish([exampleChange(9)]);
    await h.deliverQueued();
    const refusals = await Promise.all(
      smuggled.map((chatId) => registerEndpoint(h.deps.service, { kind: 'telegram', chatId, ownerEmail: OWNER }).then(() => 'registered', (error: Error) => error.name)),
    );

    // Assert
    expect(other.hits).toEqual([]);
    expect(bot.posted.map((message) => message.chatId)).toEqual(['-1001234567890', '-1001234567890', '-1001234567890']);
    expect(refusals).toEqual(smuggled.map(() => 'ZodError'));
  });
});

describe('Telegram without a bot token', () => {
  let h: DeliveryHarness;

  beforeEach(async () => {
    h = await startDeliveryHarness({ allowHosts: [], startAt: new Date('2026-03-28T20:00:00Z') });
  });
  afterEach(async () => h.stop());

  it('refuses a Telegram endpoint with a message naming the setting', async () => {
    // Act
    const refusal = await registerEndpoint(h.deps.service, { kind: 'telegram', chatId: CHAT, ownerEmail: OWNER }).then(
      () => new Error('registered'),
      (error: Error) => error,
    );

    // Assert
    expect([refusal.name, refusal.message]).toEqual(['EndpointRegistrationError', 'Telegram is not configured on this service: set TELEGRAM_BOT_TOKEN (the bot-token secret in AWS)']);
  });
});
