import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerEndpoint } from '../../shared/webhooks/endpoint-service.js';
import { BILL, exampleChange, startDeliveryHarness, type DeliveryHarness } from './delivery-harness.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/*
 * Fan-out routes each follower of a bill by the fields on its follower item, read defensively: channel (email when
 * absent), frequency (instant when absent) and stage filter (all when absent).
 */

describe('fan-out routing', () => {
  let receiver: WebhookReceiver;
  let h: DeliveryHarness;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    h = await startDeliveryHarness({ allowHosts: [receiver.hostPort], startAt: new Date('2026-03-28T20:00:00Z') });
  });
  afterEach(async () => {
    await h.stop();
    await receiver.close();
  });

  it('sends instant email followers an email message, endpoints a delivery each, and digest followers a place on their list', async () => {
    // Arrange: the example change is a first-reading event (stage 3).
    await h.addEmailFollower({ id: 's-legacy', email: 'legacy@example.org' }); // as the CLI writes it: no routing fields
    await h.addEmailFollower({ id: 's-daily', email: 'daily@example.org', frequency: 'daily' });
    await h.addEmailFollower({ id: 's-stage3', email: 'stage3@example.org', frequency: 'instant', stages: [3] });
    await h.addEmailFollower({ id: 's-stage7', email: 'stage7@example.org', frequency: 'instant', stages: [7] });
    const common = { ownerEmail: 'owner@example.org', bills: [BILL], language: 'en' as const };
    const webhook = await registerEndpoint(h.deps.service, { ...common, kind: 'webhook', url: `${receiver.origin}/hook` });
    const slack = await registerEndpoint(h.deps.service, { ...common, kind: 'slack', url: `${receiver.origin}/slack` });
    await h.deliverQueued(); // the two test events
    const change = exampleChange(1);

    // Act
    const routed = await h.publish([change]);
    const emails = await h.receiveAll(h.queues.email.url);
    await h.deliverQueued();

    // Assert
    expect(routed).toBe(5);
    expect(emails).toEqual([{ billNumber: BILL, changeIds: [change.id], subscriberIds: ['s-legacy', 's-stage3'] }]);
    expect(receiver.hitsTo('/hook').map((hit) => (JSON.parse(hit.body) as { type: string }).type)).toEqual(['ping', 'bill.changed']);
    const slackBodies = receiver.hitsTo('/slack').map((hit) => JSON.parse(hit.body) as { blocks: { type: string; text?: { text: string } }[] });
    expect(slackBodies[1]?.blocks[0]?.text?.text).toBe(`${BILL}: ${change.billTitle}`);
    expect((await h.stores.digests.readPending('email#s-daily', h.clock.now())).map((item) => [item.changeId, item.frequency])).toEqual([
      [change.id, 'daily'],
    ]);
    expect([webhook.endpoint.status, slack.endpoint.status]).toEqual(['active', 'active']);
  });
});
