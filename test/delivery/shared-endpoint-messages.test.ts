import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecipientsNotServedError } from '../../shared/pipeline/each-recipient.js';
import { deliverEndpointMessage } from '../../shared/webhooks/deliver-endpoint-message.js';
import { EndpointQueueMessageSchema, type EndpointQueueMessage } from '../../shared/webhooks/endpoint-delivery-message.js';
import { registerEndpoint } from '../../shared/webhooks/endpoint-service.js';
import { BILL, exampleChange, startDeliveryHarness, type DeliveryHarness } from './delivery-harness.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/*
 * Instant webhook, Slack and Telegram followers of a bill share delivery messages, ten endpoints a message (a tenth of
 * the SQS requests of one message each). Each endpoint still gets exactly one delivery per change, under its own
 * claim; after a failure of ours for one endpoint the message is retried and reaches only that one.
 */

const paths = Array.from({ length: 25 }, (_, index) => `/hook-${String(index + 1).padStart(2, '0')}`);

describe('endpoint messages shared by several endpoints', () => {
  let receiver: WebhookReceiver;
  let h: DeliveryHarness;
  let endpointIds: string[];

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    h = await startDeliveryHarness({ allowHosts: [receiver.hostPort], startAt: new Date('2026-03-28T20:00:00Z') });
    endpointIds = [];
    for (const [index, path] of paths.entries()) {
      const { endpoint } = await registerEndpoint(h.deps.service, {
        ownerEmail: `owner-${index}@example.org`,
        bills: [BILL],
        language: 'en',
        kind: 'webhook',
        url: `${receiver.origin}${path}`,
      });
      endpointIds.push(endpoint.id);
    }
    endpointIds.sort(); // the order fan-out reads followers in
    await h.deliverQueued(); // the test events sent on registration
  });
  afterEach(async () => {
    await h.stop();
    await receiver.close();
  });

  async function queuedWebhookMessages(): Promise<EndpointQueueMessage[]> {
    return (await h.receiveAll(h.queues.webhook.url)).map((body) => EndpointQueueMessageSchema.parse(body));
  }

  const changesDeliveredTo = (path: string) =>
    receiver.hitsTo(path).filter((hit) => (JSON.parse(hit.body) as { type: string }).type === 'bill.changed').length;

  it('fan-out queues one message per ten endpoints, and each endpoint gets exactly one delivery', async () => {
    // Arrange
    const change = exampleChange(1);

    // Act
    const routed = await h.publish([change]);
    const messages = await queuedWebhookMessages();
    const results = [];
    for (const message of messages) results.push(await deliverEndpointMessage(h.deps.deliver, message));

    // Assert
    expect(routed).toBe(25);
    const shared = { event: 'bill.changed', channel: 'webhook', billNumber: BILL, changeId: change.id };
    expect(messages).toEqual([
      { ...shared, endpointIds: endpointIds.slice(0, 10) },
      { ...shared, endpointIds: endpointIds.slice(10, 20) },
      { ...shared, endpointIds: endpointIds.slice(20) },
    ]);
    expect(results.map((result) => result.length)).toEqual([10, 10, 5]);
    expect(results.flat().every((result) => result === 'delivered')).toBe(true);
    expect(paths.map(changesDeliveredTo)).toEqual(paths.map(() => 1));
  });

  it('an attempt that throws for one endpoint fails the message naming only that one, and the retry reaches only it', async () => {
    // Arrange: the attempt record of the 12th endpoint cannot be claimed once (a throttled table).
    await h.publish([exampleChange(1)]);
    const messages = await queuedWebhookMessages();
    const deps = { ...h.deps.deliver, deliveries: Object.create(h.deps.deliver.deliveries) as typeof h.deps.deliver.deliveries };
    let refused = 0;
    deps.deliveries.claimAttempt = async (key, ...rest) => {
      if (key.endpointId === endpointIds[11] && refused++ === 0) throw new Error('injected DynamoDB throttling');
      return h.deps.deliver.deliveries.claimAttempt(key, ...rest);
    };

    // Act
    const firstTry = await Promise.allSettled(messages.map((message) => deliverEndpointMessage(deps, message)));
    const retry = await deliverEndpointMessage(deps, messages[1]!);

    // Assert
    expect(firstTry.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const failure = (firstTry[1] as PromiseRejectedResult).reason as RecipientsNotServedError;
    expect(failure).toBeInstanceOf(RecipientsNotServedError);
    expect(failure.recipientIds).toEqual([endpointIds[11]]);
    expect(failure.message).toBe(`1 endpoint(s) not delivered to yet (${endpointIds[11]}): injected DynamoDB throttling`);
    expect(retry).toEqual(endpointIds.slice(10, 20).map((id) => (id === endpointIds[11] ? 'delivered' : 'duplicate')));
    expect(paths.map(changesDeliveredTo)).toEqual(paths.map(() => 1));
  });
});

describe('endpoint queue messages', () => {
  it('refuses a shared message naming no endpoint, or more than ten', () => {
    // Arrange
    const shared = { event: 'alert', channel: 'slack', changeId: 'alert-1' };

    // Act
    const none = EndpointQueueMessageSchema.safeParse({ ...shared, endpointIds: [] });
    const eleven = EndpointQueueMessageSchema.safeParse({ ...shared, endpointIds: Array.from({ length: 11 }, (_, n) => `e${n}`) });
    const ten = EndpointQueueMessageSchema.safeParse({ ...shared, endpointIds: Array.from({ length: 10 }, (_, n) => `e${n}`) });

    // Assert
    expect([none.success, eleven.success, ten.success]).toEqual([false, false, true]);
  });
});
