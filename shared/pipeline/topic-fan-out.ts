import type { MessageQueue } from '../queue/message-queue.js';
import type { AlertStore } from '../store/alert-store.js';
import type { TopicStore } from '../store/topic-store.js';
import type { Alert } from '../topics/alert.js';
import type { AlertEmailMessage } from './pipeline-messages.js';

export interface AlertFanOutDependencies {
  alerts: AlertStore;
  emailQueue: MessageQueue;
}

/**
 * Writes the alert once (its id is deterministic) and queues one email message per recipient, a page at a
 * time. Queued even when the alert already existed: a run that crashed after writing it must still deliver,
 * and the delivery records make a repeated message a no-op.
 * @returns how many messages were queued.
 */
export async function fanOutAlert(
  deps: AlertFanOutDependencies,
  alert: Alert,
  recipients: AsyncIterable<string[]>,
): Promise<number> {
  await deps.alerts.putIfAbsent(alert);
  let queued = 0;
  for await (const subscriberIds of recipients) {
    const messages: AlertEmailMessage[] = [...new Set(subscriberIds)].map((subscriberId) => ({
      kind: 'alert',
      alertId: alert.id,
      subscriberId,
    }));
    await deps.emailQueue.sendAll(messages);
    queued += messages.length;
  }
  return queued;
}

/** The followers of every topic id of a catalog entry (ways of writing one query), page by page. */
export async function* topicFollowers(topics: TopicStore, topicIds: readonly string[]): AsyncIterable<string[]> {
  for (const topicId of topicIds) yield* topics.listFollowers(topicId);
}
