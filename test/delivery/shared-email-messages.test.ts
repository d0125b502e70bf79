import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecipientsNotServedError } from '../../shared/pipeline/each-recipient.js';
import { EmailQueueMessageSchema, type EmailQueueMessage } from '../../shared/pipeline/pipeline-messages.js';
import { sendEmailMessage } from '../../shared/pipeline/send-email-message.js';
import { sendEmailDependencies } from '../../shared/runtime/send-email-dependencies.js';
import { sentEmails } from '../support/ses-store.js';
import { BILL, exampleChange, startDeliveryHarness, type DeliveryHarness } from './delivery-harness.js';

/*
 * Instant email followers who want the same changes share email-queue messages, ten subscribers a message (a tenth
 * of the SQS requests of one message each). The sender still emails each subscriber once per change, retries only
 * the ones not emailed after a partial failure, and reads a message queued in the older one-subscriber shape.
 */

const ids = Array.from({ length: 25 }, (_, index) => `s-${String(index + 1).padStart(2, '0')}`);
const addressOf = (id: string) => `${id}@example.org`;

describe('email messages shared by several subscribers', () => {
  let h: DeliveryHarness;
  let send: (message: EmailQueueMessage) => Promise<unknown>;

  beforeEach(async () => {
    h = await startDeliveryHarness({ allowHosts: [], startAt: new Date('2026-03-28T20:00:00Z') });
    for (const id of ids) await h.addEmailFollower({ id, email: addressOf(id) });
    const deps = sendEmailDependencies(h.config);
    send = (message) => sendEmailMessage(deps, message);
  });
  afterEach(async () => {
    await h.stop();
  });

  async function queuedEmailMessages(): Promise<EmailQueueMessage[]> {
    return (await h.receiveAll(h.queues.email.url)).map((body) => EmailQueueMessageSchema.parse(body));
  }

  async function recipientCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const email of await sentEmails(h.services.sesEndpoint)) {
      const to = email.destination.to[0]!;
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    return counts;
  }

  it('fan-out queues one message per ten followers, and each follower gets exactly one email per change', async () => {
    // Arrange
    const changes = [exampleChange(1), exampleChange(2)];
    const changeIds = changes.map((change) => change.id);

    // Act
    const routed = await h.publish(changes);
    const messages = await queuedEmailMessages();
    const sent = [];
    for (const message of messages) sent.push(await send(message));

    // Assert
    expect(routed).toBe(25);
    expect(messages).toEqual([
      { billNumber: BILL, changeIds, subscriberIds: ids.slice(0, 10) },
      { billNumber: BILL, changeIds, subscriberIds: ids.slice(10, 20) },
      { billNumber: BILL, changeIds, subscriberIds: ids.slice(20) },
    ]);
    expect(sent).toEqual([20, 20, 10]);
    expect(await recipientCounts()).toEqual(new Map(ids.map((id) => [addressOf(id), 2])));
  });

  it('a send that fails for one subscriber fails the message naming only that one, and the retry emails only it', async () => {
    // Arrange: SES refuses the first send to s-12, the second of the middle message.
    await h.publish([exampleChange(1)]);
    const messages = await queuedEmailMessages();
    const deps = sendEmailDependencies(h.config);
    const realSend = deps.changes.mailer.send.bind(deps.changes.mailer);
    let refused = 0;
    deps.changes.mailer.send = async (email) => {
      if (email.to === addressOf('s-12') && refused++ === 0) throw new Error('injected SES throttling');
      return realSend(email);
    };

    // Act
    const firstTry = await Promise.allSettled(messages.map((message) => sendEmailMessage(deps, message)));
    const afterFirstTry = (await sentEmails(h.services.sesEndpoint)).length;
    const retried = await sendEmailMessage(deps, messages[1]!);

    // Assert
    expect(firstTry.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'rejected'))).toEqual([10, 'rejected', 5]);
    const failure = (firstTry[1] as PromiseRejectedResult).reason as RecipientsNotServedError;
    expect(failure).toBeInstanceOf(RecipientsNotServedError);
    expect(failure.recipientIds).toEqual(['s-12']);
    expect(failure.message).toBe('1 subscriber(s) not emailed yet (s-12): injected SES throttling');
    expect(afterFirstTry).toBe(24);
    expect(retried).toBe(1);
    expect(await recipientCounts()).toEqual(new Map(ids.map((id) => [addressOf(id), 1])));
  });

  it('a redelivered message sends nothing again', async () => {
    // Arrange
    await h.publish([exampleChange(1)]);
    const messages = await queuedEmailMessages();
    for (const message of messages) await send(message);

    // Act
    const again = [];
    for (const message of messages) again.push(await send(message));

    // Assert
    expect(again).toEqual([0, 0, 0]);
    expect((await sentEmails(h.services.sesEndpoint)).length).toBe(25);
  });

  it('a message queued in the one-subscriber shape of older fan-outs is read as a list of one and sent', async () => {
    // Arrange
    const change = exampleChange(1);
    await h.stores.changes.putIfAbsent(change);
    const legacy = { billNumber: BILL, changeIds: [change.id], subscriberId: 's-07' };

    // Act
    const message = EmailQueueMessageSchema.parse(legacy);
    const sent = await send(message);

    // Assert
    expect(message).toEqual({ billNumber: BILL, changeIds: [change.id], subscriberIds: ['s-07'] });
    expect(sent).toBe(1);
    expect([...(await recipientCounts()).entries()]).toEqual([[addressOf('s-07'), 1]]);
  });

  it('refuses a message naming no subscriber, or more than ten', () => {
    // Arrange
    const base = { billNumber: BILL, changeIds: [exampleChange(1).id] };

    // Act
    const none = EmailQueueMessageSchema.safeParse({ ...base, subscriberIds: [] });
    const eleven = EmailQueueMessageSchema.safeParse({ ...base, subscriberIds: ids.slice(0, 11) });

    // Assert
    expect([none.success, eleven.success]).toEqual([false, false]);
  });
});
