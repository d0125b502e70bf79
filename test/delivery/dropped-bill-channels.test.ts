import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announceDroppedBill } from '../../shared/pipeline/announce-dropped-bill.js';
import { fanOutQueueDependencies } from '../../shared/runtime/fan-out-dependencies.js';
import { registerEndpoint } from '../../shared/webhooks/endpoint-service.js';
import type { FakeTelegramBotApi } from '../support/fake-telegram-bot-api.js';
import { BILL, startChannelsHarness, type ChannelsHarness, type DeliveryHarness } from './delivery-harness.js';
import type { WebhookReceiver } from './webhook-receiver.js';

/*
 * The "no longer watched" notice of a dropped bill (alert `dropped:<bill>:<droppedAt>`) as Slack and Telegram post it,
 * in Russian and in English: routed by fan-out, delivered through the real queues to a Slack receiver and the fake Bot
 * API on loopback. The email and webhook forms are in test/pipeline/dropped-bill-notice.test.ts.
 */

const DROPPED_AT = '2026-03-28T19:00:00.000Z';
const ALERT_ID = `dropped:${BILL}:${DROPPED_AT}`;
const CHATS = { ru: '@duma_ru', en: '@duma_en' } as const;

const HEADING = {
  ru: `Законопроект № ${BILL} больше не найден на sozd и больше не отслеживается`,
  en: `Bill ${BILL} is no longer found on sozd and is no longer watched`,
};
const BODY = {
  ru: `Несколько дней подряд sozd.duma.gov.ru на каждый запрос отвечал, что законопроекта № ${BILL} нет, поэтому duma-alerts перестал за ним следить и убрал его из ваших подписок. Если номер был введён с ошибкой, подпишитесь на правильный в настройках.`,
  en: `sozd.duma.gov.ru answered "not found" for bill ${BILL} every time it was asked over several days, so duma-alerts stopped watching it and removed it from what you follow. If the number was mistyped, follow the right one from your preferences.`,
};
const MANAGE = { ru: 'Настроить уведомления этого чата', en: 'Manage this chat’s alerts' };

describe('the dropped-bill notice in Slack and Telegram', () => {
  let receiver: WebhookReceiver;
  let bot: FakeTelegramBotApi;
  let h: DeliveryHarness;
  let channels: ChannelsHarness;

  beforeEach(async () => {
    channels = await startChannelsHarness(new Date('2026-03-28T20:00:00Z'));
    ({ h, receiver, bot } = channels);
  });
  afterEach(async () => {
    await channels.stop();
  });

  it('posts the notice once to each Slack and Telegram follower, in its language, with the exact words and no link to the missing bill', async () => {
    // Arrange: a Slack channel and a Telegram chat in each language follow the bill; their test events are out of the way.
    const ids: Record<string, string> = {};
    for (const language of ['ru', 'en'] as const) {
      const common = { ownerEmail: 'desk@example.org', bills: [BILL], language };
      ids[`slack-${language}`] = (await registerEndpoint(h.deps.service, { ...common, kind: 'slack', url: `${receiver.origin}/slack-${language}` })).endpoint.id;
      ids[`telegram-${language}`] = (await registerEndpoint(h.deps.service, { ...common, kind: 'telegram', chatId: CHATS[language] })).endpoint.id;
    }
    await h.deliverQueued();
    const pinged = bot.posted.length;
    const deps = { ...fanOutQueueDependencies(h.config).dropped(), now: h.clock.now };

    // Act: the notice is fanned out twice (a redelivered fan-out message), then delivered.
    const told = [await announceDroppedBill(deps, { kind: 'bill-dropped', billNumber: BILL, droppedAt: DROPPED_AT })];
    told.push(await announceDroppedBill(deps, { kind: 'bill-dropped', billNumber: BILL, droppedAt: DROPPED_AT }));
    await h.deliverQueued();

    // Assert: four followers told by the first run, nobody left to tell by the second; one post each.
    expect(told).toEqual([4, 0]);
    for (const language of ['ru', 'en'] as const) {
      const posts = receiver.hitsTo(`/slack-${language}`).slice(1).map((hit) => JSON.parse(hit.body) as unknown);
      expect(posts).toEqual([
        {
          text: HEADING[language],
          blocks: [
            { type: 'header', text: { type: 'plain_text', text: HEADING[language] } },
            { type: 'section', text: { type: 'mrkdwn', text: BODY[language] } },
          ],
        },
      ]);
    }
    expect(bot.refused).toEqual([]);
    const base = h.config.publicBaseUrl.replace(/\/+$/, '');
    // One post per chat, in chat order (the two chats are delivered in endpoint-id order, which is random).
    expect(bot.posted.slice(pinged).sort((a, b) => a.chatId.localeCompare(b.chatId))).toEqual(
      (['en', 'ru'] as const).map((language) => ({
        chatId: CHATS[language],
        text: [
          `<b>${HEADING[language]}</b>`,
          '',
          `<b>${language === 'ru' ? 'Что произошло' : 'What happened'}</b>`,
          BODY[language].replaceAll('"', '&quot;'),
          '',
          `<a href="${base}/admin/endpoints/${ids[`telegram-${language}`]}?lang=${language}">${MANAGE[language]}</a>`,
        ].join('\n'),
      })),
    );
    const records = await Promise.all(
      (['slack', 'telegram'] as const).flatMap((channel) =>
        (['ru', 'en'] as const).map((language) => h.stores.endpointDeliveries.get({ changeId: ALERT_ID, endpointId: ids[`${channel}-${language}`]!, channel })),
      ),
    );
    expect(records.map((record) => [record?.event, record?.status, record?.attempts])).toEqual(Array.from({ length: 4 }, () => ['alert', 'delivered', 1]));
  });
});
