import type { MessageQueue } from '../queue/message-queue.js';
import type { SubscriberStore } from '../store/subscriber-store.js';
import type { EmailMessage, FanOutMessage } from './pipeline-messages.js';

/**
 * Turns a bill's changes into one email message per follower, reading followers a page at a time so that
 * memory stays flat however many follow the bill. Running it twice queues the same messages twice; the
 * delivery records make the second one a no-op.
 * @returns how many followers were queued.
 */
export async function fanOutChanges(
  deps: { subscribers: SubscriberStore; emailQueue: MessageQueue },
  message: FanOutMessage,
): Promise<number> {
  let queued = 0;
  for await (const followers of deps.subscribers.listFollowers(message.billNumber)) {
    const messages: EmailMessage[] = followers.map((follower) => ({ ...message, subscriberId: follower.subscriberId }));
    await deps.emailQueue.sendAll(messages);
    queued += messages.length;
  }
  return queued;
}
