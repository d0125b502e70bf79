import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/aws/clients.js';
import type { Bill, PlannedEvent } from '../../shared/bill/bill.js';
import { sendDueWeekAheads } from '../../shared/digests/send-week-ahead.js';
import { registerEndpoint, setEndpointWeekAhead, WeekAheadNotForWebhooksError } from '../../shared/webhooks/endpoint-service.js';
import type { FakeTelegramBotApi } from '../support/fake-telegram-bot-api.js';
import type { WebhookReceiver } from './webhook-receiver.js';
import { gsi1, keys } from '../../shared/store/table-schema.js';
import { header, sentEmails } from '../support/ses-store.js';
import { startChannelsHarness, startDeliveryHarness, type ChannelsHarness, type DeliveryHarness } from './delivery-harness.js';

/*
 * The week ahead on real local services (dynalite, the SES emulator), run by the hourly schedule on an injected clock
 * across the spring DST changes: America/New_York on 8 March 2026, Europe/Berlin on 29 March 2026 (Moscow has none).
 */

const HOUR = 3_600_000;
const COUNCIL = 'Рассмотрение Советом Государственной Думы законопроекта';
const FIRST_READING = 'Рассмотрение законопроекта в первом чтении';
const COMMITTEE_DECISION = 'Принятие профильным комитетом решения о представлении законопроекта в Совет Государственной Думы';
const BUDGET_COMMITTEE = 'Комитет Государственной Думы по бюджету и налогам';

function planned(name: string, date: string | undefined, stage = 2): PlannedEvent {
  return { eventNumber: `${stage}.1`, name, stage: { id: stage, name: '' }, ...(date ? { date } : {}), documents: [] };
}

/** A bill's snapshot as the poller stores it (its bill as JSON), with the planned events its page carries. */
async function putBill(h: DeliveryHarness, number: string, plannedEvents: PlannedEvent[], committee?: string): Promise<void> {
  const bill: Bill = {
    number,
    url: `https://sozd.duma.gov.ru/bill/${number}`,
    title: `Законопроект ${number} о налогах`,
    status: 'На рассмотрении',
    archived: false,
    passport: [],
    ...(committee ? { committee } : {}),
    events: [],
    plannedEvents,
  };
  await h.stores.bills.saveSnapshot(number, 0, { bill, contentHash: number, at: '2026-03-01T00:00:00.000Z' });
}

describe('the week ahead by email', () => {
  let h: DeliveryHarness;
  let db: ReturnType<typeof createDocumentClient>;

  beforeEach(async () => {
    h = await startDeliveryHarness({ allowHosts: [], startAt: new Date('2026-03-20T00:00:00Z') });
    db = createDocumentClient();
  });
  afterEach(async () => {
    await h.stop();
  });

  /** A confirmed subscriber's profile as the subscription API writes it. */
  async function putSubscriber(input: { id: string; email: string; bills: string[]; timeZone?: string; language?: 'ru' | 'en'; weekAhead?: boolean; status?: string }) {
    const { id, email, bills, timeZone = 'Europe/Moscow', language = 'en', weekAhead = true, status = 'active' } = input;
    await db.send(
      new PutCommand({
        TableName: h.config.tableName,
        Item: { ...keys.subscriber(id), id, email, language, status, createdAt: '2026-01-01T00:00:00.000Z', bills, topics: [], timeZone, frequency: 'instant', stages: 'all', newsAlerts: true, weekAhead, GSI1PK: gsi1.subscribers, GSI1SK: email },
      }),
    );
  }

  /** Runs the week ahead at an instant and returns the addresses mailed by that run, in order. */
  async function runAt(at: Date | string): Promise<string[]> {
    const before = (await sentEmails(h.services.sesEndpoint)).length;
    h.clock.set(new Date(at));
    const { sent } = await sendDueWeekAheads(h.deps.digests);
    // The mailbox is read only when the run says it sent: an hour by hour week stays quick.
    return sent === 0 ? [] : (await sentEmails(h.services.sesEndpoint)).slice(before).map((mail) => mail.destination.to[0]!);
  }

  /**
   * Runs it every hour on the hour over each span (`from` inclusive, `to` exclusive), as the schedule would; the
   * instants that mailed, with whom.
   */
  async function hourly(...spans: [from: string, to: string][]): Promise<Record<string, string[]>> {
    const mailed: Record<string, string[]> = {};
    for (const [from, to] of spans) {
      for (let at = Date.parse(from); at < Date.parse(to); at += HOUR) {
        const sent = await runAt(new Date(at));
        if (sent.length > 0) mailed[new Date(at).toISOString()] = sent;
      }
    }
    return mailed;
  }

  it('mails each opted-in subscriber at exactly 08:00 local on the Mondays either side of Berlin’s DST change, and no one else', async () => {
    // Arrange: something planned in both weeks.
    await putBill(h, '1075342-8', [planned(COUNCIL, '2026-03-24T10:00:00+03:00'), planned(FIRST_READING, '2026-03-31T12:00:00+03:00', 3)], BUDGET_COMMITTEE);
    await putBill(h, '7-8', [planned(COUNCIL, '2026-05-12T10:00:00+03:00')]);
    await putSubscriber({ id: 's-berlin', email: 'berlin@example.org', bills: ['1075342-8'], timeZone: 'Europe/Berlin' });
    await putSubscriber({ id: 's-moscow', email: 'moscow@example.org', bills: ['1075342-8'] });
    await putSubscriber({ id: 's-ny', email: 'ny@example.org', bills: ['1075342-8'], timeZone: 'America/New_York' });
    await putSubscriber({ id: 's-off', email: 'off@example.org', bills: ['1075342-8'], timeZone: 'Europe/Berlin', weekAhead: false });
    await putSubscriber({ id: 's-gone', email: 'gone@example.org', bills: ['1075342-8'], status: 'unsubscribed' });
    await putSubscriber({ id: 's-empty', email: 'empty@example.org', bills: ['7-8'] });

    // Act: every hour from Sunday evening to Monday evening (UTC) of both weeks, and a day in between.
    const mailed = await hourly(
      ['2026-03-22T18:00:00Z', '2026-03-23T18:00:00Z'],
      ['2026-03-26T00:00:00Z', '2026-03-26T03:00:00Z'],
      ['2026-03-29T18:00:00Z', '2026-03-30T18:00:00Z'],
    );

    // Assert: 08:00 CET = 07:00 UTC, 08:00 CEST = 06:00 UTC; Moscow 08:00 = 05:00 UTC; New York 08:00 EDT = 12:00 UTC.
    expect(mailed).toEqual({
      '2026-03-23T05:00:00.000Z': ['moscow@example.org'],
      '2026-03-23T07:00:00.000Z': ['berlin@example.org'],
      '2026-03-23T12:00:00.000Z': ['ny@example.org'],
      '2026-03-30T05:00:00.000Z': ['moscow@example.org'],
      '2026-03-30T06:00:00.000Z': ['berlin@example.org'],
      '2026-03-30T12:00:00.000Z': ['ny@example.org'],
    });
  });

  it('includes the bills a subscriber follows without listing them: one a followed committee brought', async () => {
    // Arrange: the profile lists one bill; a "new bill from …" alert made the subscriber follow another (a FOLLOWS item only).
    await putBill(h, '1075342-8', [planned(COUNCIL, '2026-03-24T10:00:00+03:00')]);
    await putBill(h, '42-8', [planned(FIRST_READING, '2026-03-26T12:00:00+03:00', 3)], BUDGET_COMMITTEE);
    await putSubscriber({ id: 's-desk', email: 'desk@example.org', bills: ['1075342-8'] });
    await db.send(new PutCommand({ TableName: h.config.tableName, Item: { ...keys.follows('s-desk', '42-8'), billNumber: '42-8', subscriberId: 's-desk', originId: 'committee-budget', originAlertId: 'origin:42-8' } }));

    // Act
    const sent = await runAt('2026-03-23T05:00:00Z');

    // Assert
    const [email] = await sentEmails(h.services.sesEndpoint);
    expect([sent, email?.subject]).toEqual([['desk@example.org'], 'The week ahead: 2 planned events, 23 March – 29 March 2026']);
  });

  it('mails a New York subscriber at 08:00 EST before the switch and 08:00 EDT after it (8 March 2026)', async () => {
    // Arrange
    await putBill(h, '1075342-8', [planned(COUNCIL, '2026-03-04T10:00:00+03:00'), planned(COUNCIL, '2026-03-10T10:00:00+03:00')]);
    await putSubscriber({ id: 's-ny', email: 'ny@example.org', bills: ['1075342-8'], timeZone: 'America/New_York' });

    // Act
    const mailed = await hourly(['2026-03-02T00:00:00Z', '2026-03-02T18:00:00Z'], ['2026-03-09T00:00:00Z', '2026-03-09T18:00:00Z']);

    // Assert
    expect(mailed).toEqual({ '2026-03-02T13:00:00.000Z': ['ny@example.org'], '2026-03-09T12:00:00.000Z': ['ny@example.org'] });
  });

  it('lists exactly the week’s planned events by day, in English from the vocabulary, linked to the bill pages and sozd, with one-click unsubscribe', async () => {
    // Arrange
    await putBill(h, '1075342-8', [planned(COUNCIL, '2026-03-30T10:00:00+03:00'), planned(FIRST_READING, '2026-04-02T12:00:00+03:00', 3), planned(FIRST_READING, '2026-04-06T12:00:00+03:00', 3)], BUDGET_COMMITTEE);
    await putBill(h, '42-8', [planned(COMMITTEE_DECISION, '2026-03-30T15:00:00+03:00'), planned(COUNCIL, undefined)]);
    await putSubscriber({ id: 's-berlin', email: 'berlin@example.org', bills: ['1075342-8', '42-8', '99-8'], timeZone: 'Europe/Berlin' });

    // Act
    const sent = await runAt('2026-03-30T06:00:00Z');

    // Assert
    expect(sent).toEqual(['berlin@example.org']);
    const [email] = await sentEmails(h.services.sesEndpoint);
    expect(email?.subject).toBe('The week ahead: 3 planned events, 30 March – 5 April 2026');
    const base = h.config.publicBaseUrl;
    const text = email?.body.text ?? '';
    expect(text.slice(0, text.indexOf('\n\n--\n'))).toBe(
      [
        'The week ahead',
        'Planned events of the bills you follow, by day (Moscow dates). The Duma marks planned dates as not fixed; they may move.',
        '',
        'Monday, 30 March 2026',
        `- Bill 42-8: The lead committee's decision to present the bill to the Council of the State Duma`,
        `  ${base}/bills/42-8?lang=en`,
        '- Title (original, Russian): Законопроект 42-8 о налогах',
        '  https://sozd.duma.gov.ru/bill/42-8',
        '- Bill 1075342-8: The Council of the State Duma considers the bill',
        `  ${base}/bills/1075342-8?lang=en`,
        '- Title (original, Russian): Законопроект 1075342-8 о налогах',
        '  https://sozd.duma.gov.ru/bill/1075342-8',
        '- Responsible committee: State Duma Committee on Budget and Taxes',
        '',
        'Thursday, 2 April 2026',
        '- Bill 1075342-8: First reading of the bill',
        `  ${base}/bills/1075342-8?lang=en`,
        '- Title (original, Russian): Законопроект 1075342-8 о налогах',
        '  https://sozd.duma.gov.ru/bill/1075342-8',
        '- Responsible committee: State Duma Committee on Budget and Taxes',
      ].join('\n'),
    );
    expect(email?.body.html).toContain(`<a href="${base}/bills/42-8?lang=en" style="color:#0b57d0;text-decoration:underline">The lead committee&#39;s decision`);
    expect(header(email!, 'List-Unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?token=[^>]+>$/);
    expect(header(email!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('leaves out a bill whose stored snapshot cannot be read, and sends the rest of the week', async () => {
    // Arrange: two followed bills with a planned event each; one snapshot's bytes damaged.
    await putBill(h, '1075342-8', [planned(FIRST_READING, '2026-04-02T12:00:00+03:00', 3)]);
    await putBill(h, '42-8', [planned(COUNCIL, '2026-03-31T10:00:00+03:00')]);
    await db.send(
      new UpdateCommand({ TableName: h.config.tableName, Key: keys.bill('42-8'), UpdateExpression: 'SET billDeflated = :bytes', ExpressionAttributeValues: { ':bytes': Buffer.from('x') } }),
    );
    await putSubscriber({ id: 's-1', email: 'desk@example.org', bills: ['1075342-8', '42-8'] });

    // Act
    const sent = await runAt('2026-03-30T05:00:00Z');

    // Assert
    expect(sent).toEqual(['desk@example.org']);
    const [email] = await sentEmails(h.services.sesEndpoint);
    expect(email?.subject).toBe('The week ahead: 1 planned event, 30 March – 5 April 2026');
    expect(email?.body.text).toContain('- Bill 1075342-8: First reading of the bill');
    expect(email?.body.text).not.toContain('Bill 42-8');
  });

  it('writes the week ahead in Russian for a Russian reader', async () => {
    // Arrange
    await putBill(h, '1075342-8', [planned(COUNCIL, '2026-03-31T10:00:00+03:00')], BUDGET_COMMITTEE);
    await putSubscriber({ id: 's-ru', email: 'ru@example.org', bills: ['1075342-8'], language: 'ru' });

    // Act
    await runAt('2026-03-30T05:00:00Z');

    // Assert
    const [email] = await sentEmails(h.services.sesEndpoint);
    expect(email?.subject).toBe('Неделя впереди: 1 запланированное событие, 30 марта – 5 апреля 2026');
    expect(email?.body.text).toContain(
      ['Вторник, 31 марта 2026', `- Законопроект № 1075342-8: ${COUNCIL}`, `  ${h.config.publicBaseUrl}/bills/1075342-8?lang=ru`, '- Законопроект 1075342-8 о налогах'].join('\n'),
    );
    expect(email?.body.text).toContain(`- Ответственный комитет: ${BUDGET_COMMITTEE}`);
  });

  it('sends a week once: a re-run, two overlapping runs and later runs that week send nothing more', async () => {
    // Arrange
    await putBill(h, '1075342-8', [planned(COUNCIL, '2026-04-01T10:00:00+03:00')]);
    await putSubscriber({ id: 's-moscow', email: 'moscow@example.org', bills: ['1075342-8'] });
    h.clock.set(new Date('2026-03-30T05:00:00Z'));

    // Act
    const overlapping = await Promise.all([sendDueWeekAheads(h.deps.digests), sendDueWeekAheads(h.deps.digests)]);
    const again = await runAt('2026-03-30T05:00:00Z');
    const later = await runAt('2026-04-02T09:00:00Z');

    // Assert
    expect(overlapping.map((summary) => summary.sent).sort()).toEqual([0, 1]);
    expect([again, later]).toEqual([[], []]);
    expect(await sentEmails(h.services.sesEndpoint)).toHaveLength(1);
  });

  it('sends a late week once, listing only the days still ahead, when the Monday runs did not happen', async () => {
    // Arrange
    await putBill(h, '1075342-8', [planned(COUNCIL, '2026-03-30T10:00:00+03:00'), planned(FIRST_READING, '2026-04-03T12:00:00+03:00', 3)]);
    await putSubscriber({ id: 's-moscow', email: 'moscow@example.org', bills: ['1075342-8'] });

    // Act: the first run of the week is on Wednesday.
    const late = await runAt('2026-04-01T10:00:00Z');
    const next = await runAt('2026-04-01T11:00:00Z');

    // Assert
    expect([late, next]).toEqual([['moscow@example.org'], []]);
    const [email] = await sentEmails(h.services.sesEndpoint);
    expect(email?.subject).toBe('The week ahead: 1 planned event, 30 March – 5 April 2026');
    expect(email?.body.text).toContain('Friday, 3 April 2026\n- Bill 1075342-8: First reading of the bill');
    expect(email?.body.text).not.toContain('30 March 2026\n');
  });

  it('sends nothing for a week with nothing planned, and nothing later that week when something is', async () => {
    // Arrange
    await putBill(h, '1075342-8', [planned(COUNCIL, '2026-04-08T10:00:00+03:00')]);
    await putSubscriber({ id: 's-moscow', email: 'moscow@example.org', bills: ['1075342-8'] });

    // Act
    h.clock.set(new Date('2026-03-30T05:00:00Z'));
    const summary = await sendDueWeekAheads(h.deps.digests);
    const nextWeek = await runAt('2026-04-06T05:00:00Z');

    // Assert
    expect(summary).toEqual({ sent: 0, empty: 1, failed: 0 });
    expect(nextWeek).toEqual(['moscow@example.org']);
  });
});

describe('the week ahead in Slack and Telegram', () => {
  let receiver: WebhookReceiver;
  let bot: FakeTelegramBotApi;
  let h: DeliveryHarness;
  let channels: ChannelsHarness;

  beforeEach(async () => {
    channels = await startChannelsHarness(new Date('2026-03-20T00:00:00Z'));
    ({ h, receiver, bot } = channels);
  });
  afterEach(async () => {
    await channels.stop();
  });

  it('posts once a week to each opted-in Slack channel and Telegram chat at 08:00 in its own zone, and to no other endpoint', async () => {
    // Arrange
    await putBill(h, '1075342-8', [planned(COUNCIL, '2026-03-31T10:00:00+03:00'), planned(FIRST_READING, '2026-04-02T12:00:00+03:00', 3)], BUDGET_COMMITTEE);
    const common = { ownerEmail: 'desk@example.org', bills: ['1075342-8'] };
    await registerEndpoint(h.deps.service, { ...common, kind: 'slack', url: `${receiver.origin}/slack-on`, language: 'en', timeZone: 'Europe/Berlin', weekAhead: true });
    await registerEndpoint(h.deps.service, { ...common, kind: 'slack', url: `${receiver.origin}/slack-off`, language: 'en' });
    const { endpoint: chat } = await registerEndpoint(h.deps.service, { ...common, kind: 'telegram', chatId: '@duma_newsroom', language: 'ru' });
    const { endpoint: hook } = await registerEndpoint(h.deps.service, { ...common, kind: 'webhook', url: `${receiver.origin}/hook` });
    await setEndpointWeekAhead(h.deps.service, chat.id, true);
    const webhookRefused = await setEndpointWeekAhead(h.deps.service, hook.id, true).catch((error: unknown) => error);
    const pings = bot.posted.length;

    // Act: Moscow 08:00 is 05:00 UTC, Berlin 08:00 (summer time since Sunday) 06:00 UTC; then a re-run.
    const runs = [];
    for (const at of ['2026-03-30T04:00:00Z', '2026-03-30T05:00:00Z', '2026-03-30T06:00:00Z', '2026-03-30T06:00:00Z', '2026-03-31T06:00:00Z']) {
      h.clock.set(new Date(at));
      runs.push((await sendDueWeekAheads(h.deps.digests)).sent);
    }

    // Assert
    expect(webhookRefused).toBeInstanceOf(WeekAheadNotForWebhooksError);
    expect(runs).toEqual([0, 1, 1, 0, 0]);
    expect([receiver.hitsTo('/slack-off'), receiver.hitsTo('/hook')]).toEqual([[], []]);
    const [slack] = receiver.hitsTo('/slack-on').map((hit) => JSON.parse(hit.body) as { text: string; blocks: { type: string; text?: { text: string } }[] });
    expect(receiver.hitsTo('/slack-on')).toHaveLength(1);
    expect(slack?.text).toBe('The week ahead: 2 planned events, 30 March – 5 April 2026');
    const base = h.config.publicBaseUrl;
    expect(slack?.blocks.filter((block) => block.type === 'section').map((block) => block.text?.text)).toEqual([
      [
        '*Tuesday, 31 March 2026*',
        `• *Bill 1075342-8:* <${base}/bills/1075342-8?lang=en|The Council of the State Duma considers the bill>`,
        '• *Title (original, Russian):* <https://sozd.duma.gov.ru/bill/1075342-8|Законопроект 1075342-8 о налогах>',
        '• *Responsible committee:* State Duma Committee on Budget and Taxes',
      ].join('\n'),
      [
        '*Thursday, 2 April 2026*',
        `• *Bill 1075342-8:* <${base}/bills/1075342-8?lang=en|First reading of the bill>`,
        '• *Title (original, Russian):* <https://sozd.duma.gov.ru/bill/1075342-8|Законопроект 1075342-8 о налогах>',
        '• *Responsible committee:* State Duma Committee on Budget and Taxes',
      ].join('\n'),
    ]);
    const posts = bot.posted.slice(pings);
    expect(posts.map((post) => post.chatId)).toEqual(['@duma_newsroom']);
    expect(posts[0]?.text).toBe(
      [
        '<b>Неделя впереди: 2 запланированных события, 30 марта – 5 апреля 2026</b>',
        'Запланированные события законопроектов, за которыми вы следите, по дням (даты московские). Дума отмечает запланированные даты как неокончательные; они могут измениться.',
        '',
        '<b>Вторник, 31 марта 2026</b>',
        `<b>Законопроект № 1075342-8:</b> <a href="${base}/bills/1075342-8?lang=ru">${COUNCIL}</a>`,
        '<a href="https://sozd.duma.gov.ru/bill/1075342-8">Законопроект 1075342-8 о налогах</a>',
        `<b>Ответственный комитет:</b> ${BUDGET_COMMITTEE}`,
        '',
        '<b>Четверг, 2 апреля 2026</b>',
        `<b>Законопроект № 1075342-8:</b> <a href="${base}/bills/1075342-8?lang=ru">${FIRST_READING}</a>`,
        '<a href="https://sozd.duma.gov.ru/bill/1075342-8">Законопроект 1075342-8 о налогах</a>',
        `<b>Ответственный комитет:</b> ${BUDGET_COMMITTEE}`,
        '',
        `<a href="${base}/admin/endpoints/${chat.id}?lang=ru">Настроить уведомления этого чата</a>`,
      ].join('\n'),
    );
    expect(bot.refused).toEqual([]);
  });
});
