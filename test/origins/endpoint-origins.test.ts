import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/bill/bill.js';
import { originId, originSignature } from '../../shared/origins/bill-origin.js';
import { handleFanOutMessage } from '../../shared/pipeline/fan-out-message.js';
import type { OriginFanOutMessage } from '../../shared/pipeline/pipeline-messages.js';
import { fanOutQueueDependencies } from '../../shared/runtime/fan-out-dependencies.js';
import { registerEndpoint, setEndpointOrigins } from '../../shared/webhooks/endpoint-service.js';
import { BILL, exampleChange, startChannelsHarness, type ChannelsHarness } from '../delivery/delivery-harness.js';

/*
 * Webhook, Slack and Telegram endpoints following a committee or an initiator, on real local services: a bill's origins
 * go through the fan-out queue's handler, and what it routes is delivered through the real queues to a loopback
 * receiver and the fake Bot API. Each endpoint gets one "new bill" message per (origin, bill), then follows the bill.
 */

// Real names, as the passports of the shared real pages write them.
const BUDGET = 'Комитет Государственной Думы по бюджету и налогам';
const GOVERNMENT = 'Правительство Российской Федерации';
const TITLE = 'О внесении изменений в Налоговый кодекс Российской Федерации';

const bill: Bill = {
  number: BILL,
  url: `https://sozd.duma.gov.ru/bill/${BILL}`,
  title: TITLE,
  status: 'На рассмотрении',
  archived: false,
  passport: [],
  committee: BUDGET,
  initiators: [{ kind: 'body', name: GOVERNMENT }],
  events: [],
  plannedEvents: [],
};
const message: OriginFanOutMessage = { kind: 'bill-origin', billNumber: BILL, signature: originSignature(bill) };

describe('endpoints following a committee or an initiator', () => {
  let channels: ChannelsHarness;

  beforeEach(async () => {
    // Real time, rounded to the second: the webhook receiver's check of the signature's timestamp is against it.
    channels = await startChannelsHarness(new Date(Math.floor(Date.now() / 1000) * 1000));
    await channels.h.stores.bills.saveSnapshot(BILL, 0, { bill, contentHash: 'h1', at: '2026-03-01T00:00:00.000Z' });
  });
  afterEach(async () => {
    await channels.stop();
  });

  it('sends each endpoint one "new bill" message in its channel and language, then its changes, however often the origins are fanned out', async () => {
    // Arrange: other spellings of the same names; the chat follows both origins of the bill; one webhook follows the bill already.
    const { h, receiver, bot } = channels;
    const common = { ownerEmail: 'desk@example.org' };
    const hook = await registerEndpoint(h.deps.service, { ...common, kind: 'webhook', url: `${receiver.origin}/hook`, language: 'en', committees: [BUDGET] });
    await registerEndpoint(h.deps.service, { ...common, kind: 'slack', url: `${receiver.origin}/slack`, language: 'ru', initiators: ['правительство  российской федерации'] });
    const chat = await registerEndpoint(h.deps.service, { ...common, kind: 'telegram', chatId: '@duma_budget', language: 'en', committees: [BUDGET.toUpperCase()], initiators: [GOVERNMENT] });
    await registerEndpoint(h.deps.service, { ...common, kind: 'webhook', url: `${receiver.origin}/follower`, bills: [BILL], committees: [BUDGET] });
    await h.deliverQueued();
    const pinged = bot.posted.length;
    const deps = fanOutQueueDependencies(h.config);

    // Act: the origins fanned out twice (a redelivered message), then a change of the bill.
    const results = [await handleFanOutMessage(deps, message), await handleFanOutMessage(deps, message)];
    await h.deliverQueued();
    await h.publish([exampleChange(1)]);
    await h.deliverQueued();

    // Assert: the webhook, the Slack channel and the chat got one message each, both runs routing the same three.
    const committeeAlert = `new-bill:${originId('committee', BUDGET)}:${BILL}`;
    const governmentAlert = `new-bill:${originId('initiator', GOVERNMENT)}:${BILL}`;
    expect(results).toEqual(Array.from({ length: 2 }, () => ({ billNumber: BILL, alertIds: [committeeAlert, governmentAlert], followers: 3 })));
    const hooks = receiver.hitsTo('/hook');
    expect(hooks.map((hit) => (JSON.parse(hit.body) as { type: string }).type)).toEqual(['ping', 'bill.new', 'bill.changed']);
    expect(new Webhook(hook.secret!).verify(hooks[1]!.body, hooks[1]!.headers as Record<string, string>)).toMatchObject({
      type: 'bill.new',
      data: {
        schemaVersion: 1,
        alertId: committeeAlert,
        bill: { number: BILL, title: TITLE, url: `https://sozd.duma.gov.ru/bill/${BILL}` },
        origin: { kind: 'committee', name: BUDGET, nameEn: 'State Duma Committee on Budget and Taxes' },
      },
    });
    expect(receiver.hitsTo('/follower').map((hit) => (JSON.parse(hit.body) as { type: string }).type)).toEqual(['ping', 'bill.changed']);
    const slack = receiver.hitsTo('/slack').slice(1).map((hit) => JSON.parse(hit.body) as { text: string; blocks: unknown[] });
    expect(slack.map((post) => post.text)).toEqual([`Новый законопроект: ${GOVERNMENT}: ${TITLE}`, expect.stringMatching(/^1075342-8: Событие:/)]);
    expect(slack[0]!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: `Новый законопроект: ${GOVERNMENT}` } });
    const posts = bot.posted.slice(pinged);
    expect(posts.map((post) => [post.chatId, post.text.split('\n')[0]])).toEqual([
      ['@duma_budget', `<b>New bill from State Duma Committee on Budget and Taxes: Bill ${BILL} — ${TITLE}</b>`],
      ['@duma_budget', expect.stringMatching(/^<b>Bill 1075342-8: /)],
    ]);
    const routes = [];
    for await (const page of h.stores.followerRoutes.listRoutes(BILL)) routes.push(...page);
    expect(routes.map((route) => route.channel).sort()).toEqual(['slack', 'telegram', 'webhook', 'webhook']);
    expect(routes.find((route) => route.endpointId === chat.endpoint.id)).toMatchObject({ channel: 'telegram', frequency: 'instant' });
  });

  it('stops sending new bills from an origin the endpoint no longer follows, and starts for one it now follows', async () => {
    // Arrange: the webhook follows the Government, then changes to the committee; the Slack channel drops the Government.
    const { h, receiver } = channels;
    const common = { ownerEmail: 'desk@example.org', language: 'en' as const };
    const hook = await registerEndpoint(h.deps.service, { ...common, kind: 'webhook', url: `${receiver.origin}/hook`, initiators: [GOVERNMENT] });
    const slack = await registerEndpoint(h.deps.service, { ...common, kind: 'slack', url: `${receiver.origin}/slack`, initiators: [GOVERNMENT] });
    await h.deliverQueued();

    // Act
    const changed = [
      await setEndpointOrigins(h.deps.service, hook.endpoint.id, { committees: [BUDGET], initiators: [] }),
      await setEndpointOrigins(h.deps.service, slack.endpoint.id, { initiators: [] }),
    ];
    const result = await handleFanOutMessage(fanOutQueueDependencies(h.config), message);
    await h.deliverQueued();

    // Assert
    expect(changed.map((endpoint) => [endpoint.committees, endpoint.initiators])).toEqual([
      [[BUDGET], []],
      [[], []],
    ]);
    expect(result).toEqual({ billNumber: BILL, alertIds: [`new-bill:${originId('committee', BUDGET)}:${BILL}`], followers: 1 });
    expect(receiver.hitsTo('/hook').map((hit) => (JSON.parse(hit.body) as { type: string }).type)).toEqual(['ping', 'bill.new']);
    expect(receiver.hitsTo('/slack')).toHaveLength(1);
  });
});
