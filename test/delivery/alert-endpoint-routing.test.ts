import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { raiseAlert } from '../../shared/pipeline/topic-fan-out.js';
import { createNewsStores } from '../../shared/runtime/stores.js';
import type { DeliveryRoute } from '../../shared/store/follower-route-store.js';
import type { Alert } from '../../shared/topics/alert.js';
import type { Bill } from '../../shared/bill/bill.js';
import { endpointDeliveryId } from '../../shared/webhooks/deliver-to-endpoint.js';
import { enableEndpoint, registerEndpoint } from '../../shared/webhooks/endpoint-service.js';
import { webhookMessageId } from '../../shared/webhooks/webhook-signature.js';
import { BILL, startDeliveryHarness, type DeliveryHarness } from './delivery-harness.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/*
 * Alerts reach endpoints through the same queues, claims and signing as bill changes: a topic match is a signed
 * `topic.matched` webhook, "in the news" a signed `bill.news` webhook and a Slack message; a disabled endpoint gets
 * the alerts it missed when it is enabled again, under the same delivery records.
 */

const TOPIC_ALERT: Alert = {
  kind: 'topic-match',
  id: 'topic:k-extradition:n1',
  createdAt: '2026-03-28T19:30:00.000Z',
  item: { source: 'news', title: 'Extradition <bill> passed', link: 'https://news.example/a', sourceLabel: 'Duma', publishedAt: '2026-03-28T19:00:00.000Z' },
  topic: { key: 'k-extradition', query: 'extradition' },
  why: [{ term: 'extradition', field: 'title', found: ['Extradition'] }],
};
const NEWS_ALERT: Alert = {
  kind: 'bill-news',
  id: `news:${BILL}:n2`,
  createdAt: '2026-03-28T19:40:00.000Z',
  item: { source: 'news', title: `Bill ${BILL} passed`, link: 'https://news.example/b', sourceLabel: 'Duma' },
  billNumber: BILL,
};

const BILL_TITLE = 'О внесении изменений в Федеральный закон «Об информации»';

async function* onePage(routes: DeliveryRoute[]): AsyncIterable<DeliveryRoute[]> {
  yield routes;
}

describe('alerts routed to webhook and Slack endpoints', () => {
  let receiver: WebhookReceiver;
  let h: DeliveryHarness;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    h = await startDeliveryHarness({ allowHosts: [receiver.hostPort], startAt: new Date() }); // real time: receivers check the signature's timestamp
  });
  afterEach(async () => {
    await h.stop();
    await receiver.close();
  });

  it('sends a topic match to a webhook as one signed topic.matched though fanned out twice, and "in the news" to webhook and Slack', async () => {
    // Arrange: both endpoints follow the bill; the webhook follows the topic as a topic follower item would say.
    const common = { ownerEmail: 'owner@example.org', bills: [BILL], language: 'en' as const };
    const webhook = await registerEndpoint(h.deps.service, { ...common, kind: 'webhook', url: `${receiver.origin}/hook` });
    await registerEndpoint(h.deps.service, { ...common, kind: 'slack', url: `${receiver.origin}/slack` });
    await h.deliverQueued(); // the two test events
    const deps = { ...h.deps.fanOut, alerts: createNewsStores(h.config).alerts };
    const topicFollower: DeliveryRoute = { subscriberId: webhook.endpoint.id, channel: 'webhook', endpointId: webhook.endpoint.id, frequency: 'instant', stages: 'all' };

    // Act
    const routed = [
      await raiseAlert(deps, TOPIC_ALERT, onePage([topicFollower])),
      await raiseAlert(deps, TOPIC_ALERT, onePage([topicFollower])),
      await raiseAlert(deps, NEWS_ALERT, h.stores.followerRoutes.listRoutes(BILL)),
    ];
    await h.deliverQueued();

    // Assert
    expect(routed).toEqual([1, 1, 2]);
    const hooks = receiver.hitsTo('/hook');
    expect(hooks.map((hit) => (JSON.parse(hit.body) as { type: string }).type)).toEqual(['ping', 'topic.matched', 'bill.news']);
    const verified = new Webhook(webhook.secret!).verify(hooks[1]!.body, hooks[1]!.headers as Record<string, string>);
    expect(verified).toEqual({
      type: 'topic.matched',
      timestamp: TOPIC_ALERT.createdAt,
      data: {
        schemaVersion: 1,
        topic: { id: 'k-extradition', query: 'extradition' },
        item: { title: 'Extradition <bill> passed', link: 'https://news.example/a', source: 'Duma', publishedAt: '2026-03-28T19:00:00.000Z', summary: null },
        why: { matchedWords: ['Extradition'], fields: ['title'], terms: TOPIC_ALERT.why },
        truncated: false,
      },
    });
    const slack = receiver.hitsTo('/slack').map((hit) => JSON.parse(hit.body) as { text: string; blocks: { type: string; text?: { text: string } }[] });
    expect(slack.slice(1).map((message) => [message.blocks[0]?.text?.text, message.text])).toEqual([
      [`Bill ${BILL} in the news`, `Bill ${BILL} in the news: Bill ${BILL} passed`],
    ]);
    const record = await h.stores.endpointDeliveries.get({ changeId: TOPIC_ALERT.id, endpointId: webhook.endpoint.id, channel: 'webhook' });
    expect([record?.event, record?.status, record?.attempts]).toEqual(['alert', 'delivered', 1]);
  });

  it('sends "in the news" to a bill\'s webhook follower as exactly one verified bill.news though fanned out twice', async () => {
    // Arrange: the bill has been read from sozd, so its title is known.
    const bill: Bill = { number: BILL, url: `https://sozd.duma.gov.ru/bill/${BILL}`, title: BILL_TITLE, status: 'На рассмотрении', archived: false, passport: [], events: [], plannedEvents: [] };
    await h.stores.bills.saveSnapshot(BILL, 0, { bill, contentHash: 'h1', at: '2026-03-28T18:00:00.000Z' });
    const webhook = await registerEndpoint(h.deps.service, { ownerEmail: 'owner@example.org', bills: [BILL], language: 'en', kind: 'webhook', url: `${receiver.origin}/news` });
    await h.deliverQueued(); // the test event
    const deps = { ...h.deps.fanOut, alerts: createNewsStores(h.config).alerts };

    // Act
    const routed = [
      await raiseAlert(deps, NEWS_ALERT, h.stores.followerRoutes.listRoutes(BILL)),
      await raiseAlert(deps, NEWS_ALERT, h.stores.followerRoutes.listRoutes(BILL)),
    ];
    await h.deliverQueued();

    // Assert
    expect(routed).toEqual([1, 1]);
    const hits = receiver.hitsTo('/news').slice(1);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.headers['webhook-id']).toBe(webhookMessageId(endpointDeliveryId({ channel: 'webhook', endpointId: webhook.endpoint.id, changeId: NEWS_ALERT.id })));
    expect(new Webhook(webhook.secret!).verify(hits[0]!.body, hits[0]!.headers as Record<string, string>)).toEqual({
      type: 'bill.news',
      timestamp: NEWS_ALERT.createdAt,
      data: {
        schemaVersion: 1,
        alertId: NEWS_ALERT.id,
        bill: { number: BILL, title: BILL_TITLE, url: `https://sozd.duma.gov.ru/bill/${BILL}` },
        item: { title: `Bill ${BILL} passed`, link: 'https://news.example/b', source: 'Duma', publishedAt: null },
        why: { field: 'title', matchedText: `Bill ${BILL}` },
        truncated: false,
      },
    });
    const record = await h.stores.endpointDeliveries.get({ changeId: NEWS_ALERT.id, endpointId: webhook.endpoint.id, channel: 'webhook' });
    expect([record?.event, record?.status, record?.attempts]).toEqual(['alert', 'delivered', 1]);
  });

  it('replays to a re-enabled webhook the topic match and "in the news" it missed while disabled, exactly once each', async () => {
    // Arrange: the endpoint follows the bill and the topic, and is disabled before either alert is raised.
    const webhook = await registerEndpoint(h.deps.service, { ownerEmail: 'owner@example.org', bills: [BILL], language: 'en', kind: 'webhook', url: `${receiver.origin}/back` });
    await h.deliverQueued(); // the test event
    const endpointId = webhook.endpoint.id;
    await h.stores.endpoints.disable(endpointId, 'operator', h.clock.now().toISOString());
    const deps = { ...h.deps.fanOut, alerts: createNewsStores(h.config).alerts };
    const topicFollower: DeliveryRoute = { subscriberId: endpointId, channel: 'webhook', endpointId, frequency: 'instant', stages: 'all' };
    const raiseBoth = async () => {
      await raiseAlert(deps, TOPIC_ALERT, onePage([topicFollower]));
      await raiseAlert(deps, NEWS_ALERT, h.stores.followerRoutes.listRoutes(BILL));
      await h.deliverQueued();
    };
    await raiseBoth();
    const hitsWhileDisabled = receiver.hitsTo('/back').length;
    const missed = await Promise.all(
      [TOPIC_ALERT.id, NEWS_ALERT.id].map(async (changeId) => (await h.stores.endpointDeliveries.get({ changeId, endpointId, channel: 'webhook' }))?.status),
    );

    // Act: enable, then enable again and raise both alerts again, which must all be no-ops.
    const replayed = await enableEndpoint(h.deps.service, endpointId);
    await h.deliverQueued();
    const replayedAgain = await enableEndpoint(h.deps.service, endpointId);
    await raiseBoth();

    // Assert
    expect([hitsWhileDisabled, missed, replayed, replayedAgain]).toEqual([1, ['missed', 'missed'], 2, 0]);
    const hits = receiver.hitsTo('/back').slice(1);
    const verified = hits.map((hit) => new Webhook(webhook.secret!).verify(hit.body, hit.headers as Record<string, string>) as { type: string });
    expect(verified.map((payload) => payload.type).sort()).toEqual(['bill.news', 'topic.matched']);
    const idOf = (changeId: string) => webhookMessageId(endpointDeliveryId({ channel: 'webhook', endpointId, changeId }));
    expect(hits.map((hit) => hit.headers['webhook-id']).sort()).toEqual([idOf(NEWS_ALERT.id), idOf(TOPIC_ALERT.id)].sort());
    const records = await Promise.all(
      [TOPIC_ALERT.id, NEWS_ALERT.id].map((changeId) => h.stores.endpointDeliveries.get({ changeId, endpointId, channel: 'webhook' })),
    );
    expect(records.map((record) => [record?.event, record?.status, record?.attempts])).toEqual([
      ['alert', 'delivered', 1],
      ['alert', 'delivered', 1],
    ]);
  });

  it('puts an alert for a daily Slack follower on its digest list instead of posting it', async () => {
    // Arrange
    const slack = await registerEndpoint(h.deps.service, {
      ownerEmail: 'owner@example.org',
      bills: [BILL],
      language: 'en',
      kind: 'slack',
      url: `${receiver.origin}/digest`,
      frequency: 'daily',
    });
    await h.deliverQueued(); // the test event
    const deps = { ...h.deps.fanOut, alerts: createNewsStores(h.config).alerts };

    // Act
    await raiseAlert(deps, NEWS_ALERT, h.stores.followerRoutes.listRoutes(BILL));
    await h.deliverQueued();

    // Assert
    expect(receiver.hitsTo('/digest')).toHaveLength(1);
    expect((await h.stores.digests.readPending(`slack#${slack.endpoint.id}`, h.clock.now())).map((item) => [item.kind, item.changeId, item.frequency])).toEqual([
      ['alert', NEWS_ALERT.id, 'daily'],
    ]);
  });

  it('records an alert whose 25 KB link cannot fit a webhook as failed without claiming it, and posts it to Slack without the button', async () => {
    // Arrange: a news link no payload can carry uncut, to a bill both endpoints follow.
    const common = { ownerEmail: 'owner@example.org', bills: [BILL], language: 'en' as const };
    const webhook = await registerEndpoint(h.deps.service, { ...common, kind: 'webhook', url: `${receiver.origin}/hook` });
    const slack = await registerEndpoint(h.deps.service, { ...common, kind: 'slack', url: `${receiver.origin}/slack` });
    await h.deliverQueued(); // the two test events
    const longLink = `https://news.example/${'a'.repeat(25_000)}`;
    const alert: Alert = { ...NEWS_ALERT, id: `news:${BILL}:long`, item: { ...NEWS_ALERT.item, link: longLink } };

    // Act
    await raiseAlert({ ...h.deps.fanOut, alerts: createNewsStores(h.config).alerts }, alert, h.stores.followerRoutes.listRoutes(BILL));
    await h.deliverQueued();

    // Assert: nothing reached the webhook, its record is failed (not "sending") with the reason and no attempt made.
    expect(receiver.hitsTo('/hook')).toHaveLength(1);
    const record = await h.stores.endpointDeliveries.get({ changeId: alert.id, endpointId: webhook.endpoint.id, channel: 'webhook' });
    expect([record?.status, record?.attempts, record?.lastResult]).toEqual([
      'failed',
      0,
      'payload too large: payload stays over 20000 bytes even with every text and list cut',
    ]);
    const posted = receiver.hitsTo('/slack').map((hit) => JSON.parse(hit.body) as { blocks: { type: string }[] });
    expect(posted[1]!.blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
    const slackRecord = await h.stores.endpointDeliveries.get({ changeId: alert.id, endpointId: slack.endpoint.id, channel: 'slack' });
    expect(slackRecord?.status).toBe('delivered');
  });
});
