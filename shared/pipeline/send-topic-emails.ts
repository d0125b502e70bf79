import type { Logger } from '@aws-lambda-powertools/logger';
import { listUnsubscribeHeaders } from '../email/list-unsubscribe-headers.js';
import type { Mailer } from '../email/mailer.js';
import { renderAlertEmail } from '../email/render-topic-email.js';
import type { TokenSecrets } from '../security/signed-token.js';
import type { AlertStore } from '../store/alert-store.js';
import type { DeliveryKey, DeliveryStore } from '../store/delivery-store.js';
import type { NewsStore } from '../store/news-store.js';
import type { SubscriberStore } from '../store/subscriber-store.js';
import { unsubscribeUrl } from '../subscriptions/subscriber-links.js';
import type { Alert } from '../topics/alert.js';
import { topicKeyOfText } from '../topics/topic-key.js';
import type { AlertEmailMessage } from './pipeline-messages.js';
import { DeliveryBusyError } from './send-change-emails.js';

export interface SendAlertEmailDependencies {
  alerts: AlertStore;
  news: Pick<NewsStore, 'newsAlertsOn'>;
  subscribers: Pick<SubscriberStore, 'get'>;
  deliveries: DeliveryStore;
  mailer: Mailer;
  now: () => Date;
  logger: Logger;
  publicBaseUrl: string;
  tokenSecrets: TokenSecrets;
  /** How long a claim holds off other consumers; longer than one send can take. */
  leaseMs?: number;
}

/**
 * Emails one subscriber one alert, at most once: the delivery record (alert id, subscriber) is claimed before
 * and marked sent after, as for bill changes. An "in the news" alert is skipped for a subscriber who turned
 * news off. A failure throws, so the queue retries the message.
 * @returns 1 when this call sent the email, else 0.
 */
export async function sendAlertEmail(deps: SendAlertEmailDependencies, message: AlertEmailMessage): Promise<number> {
  const key: DeliveryKey = { changeId: message.alertId, subscriberId: message.subscriberId, channel: 'email' };
  const claim = await deps.deliveries.claim(key, deps.now(), deps.leaseMs ?? 120_000);
  if (claim === 'done') return 0;
  if (claim === 'busy') throw new DeliveryBusyError(`delivery ${message.alertId} to ${message.subscriberId} is being sent by another consumer`);

  const at = () => deps.now().toISOString();
  const [alert, subscriber] = await Promise.all([deps.alerts.get(message.alertId), deps.subscribers.get(message.subscriberId)]);
  if (!alert) {
    await deps.deliveries.markSkipped(key, at(), 'alert-not-found');
    return 0;
  }
  if (!subscriber || subscriber.status !== 'active') {
    await deps.deliveries.markSkipped(key, at(), `subscriber-${subscriber?.status ?? 'gone'}`);
    return 0;
  }
  if (alert.kind === 'bill-news' && !(await deps.news.newsAlertsOn(subscriber.id))) {
    await deps.deliveries.markSkipped(key, at(), 'news-alerts-off');
    return 0;
  }
  try {
    const unsubscribe = unsubscribeUrl(deps.publicBaseUrl, subscriber.id, deps.tokenSecrets);
    const email = renderAlertEmail(inOwnWords(alert, subscriber.topics ?? []), { language: subscriber.language, unsubscribeUrl: unsubscribe });
    const { messageId } = await deps.mailer.send({
      to: subscriber.email,
      ...email,
      headers: listUnsubscribeHeaders(unsubscribe),
      tags: [{ name: 'kind', value: alert.kind }],
    });
    await deps.deliveries.markSent(key, at(), messageId);
    deps.logger.info('alert email sent', { alert: alert.id, subscriber: subscriber.id, messageId });
    return 1;
  } catch (error) {
    await deps.deliveries.release(key, at(), (error as Error).message);
    throw error;
  }
}

/** A topic alert names the query as this subscriber wrote it, when they follow it in other words than the alert's. */
function inOwnWords(alert: Alert, topics: readonly string[]): Alert {
  if (alert.kind !== 'topic-match') return alert;
  const own = topics.find((query) => topicKeyOfText(query) === alert.topic.key);
  return own ? { ...alert, topic: { ...alert.topic, query: own } } : alert;
}
