import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { raiseAlert } from '../../shared/pipeline/topic-fan-out.js';
import { createNewsStores } from '../../shared/runtime/stores.js';
import type { DeliveryRoute } from '../../shared/store/follower-route-store.js';
import type { Alert } from '../../shared/topics/alert.js';
import { registerEndpoint } from '../../shared/webhooks/endpoint-service.js';
import { BILL, startDeliveryHarness, type DeliveryHarness } from './delivery-harness.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/*
 * Alerts reach endpoints through the same queues, claims and signing as bill changes: a topic match is a signed
 * `topic.matched` webhook, "in the news" a Slack message; a bill's webhook followers get no "in the news" (it has
 * no webhook event).
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

  it('sends a topic match to a webhook as one signed topic.matched though fanned out twice, and "in the news" to Slack only', async () => {
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
    expect(routed).toEqual([1, 1, 1]);
    const hooks = receiver.hitsTo('/hook');
    expect(hooks.map((hit) => (JSON.parse(hit.body) as { type: string }).type)).toEqual(['ping', 'topic.matched']);
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
});
