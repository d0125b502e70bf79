import { renderAlertEmail } from '../email/render-topic-email.js';
import type { AlertStore } from '../store/alert-store.js';
import type { NewsStore } from '../store/news-store.js';
import type { Alert } from '../topics/alert.js';
import { topicKeyOfText } from '../topics/topic-key.js';
import type { AlertEmailMessage } from './pipeline-messages.js';
import { emailEachRecipient, loadOncePerMessage } from './each-recipient.js';
import { emailOnce, type EmailOnceDependencies } from './email-once.js';

export interface SendAlertEmailDependencies extends EmailOnceDependencies {
  alerts: AlertStore;
  news: Pick<NewsStore, 'newsAlertsOn'>;
}

/**
 * Emails each subscriber of a message one alert, at most once (see emailOnce); the alert is read once for all of
 * them. An "in the news" alert is skipped for a subscriber who turned news off.
 * @returns how many emails this call sent.
 */
export async function sendAlertEmail(deps: SendAlertEmailDependencies, message: AlertEmailMessage): Promise<number> {
  const loadAlert = loadOncePerMessage((alertId) => deps.alerts.get(alertId));
  return emailEachRecipient(message.subscriberIds, (subscriberId) =>
    emailOnce(
      deps,
      { changeId: message.alertId, subscriberId, channel: 'email' },
      () => loadAlert(message.alertId),
      async (alert, subscriber, links) => {
        if (alert.kind === 'bill-news' && !(await deps.news.newsAlertsOn(subscriber.id))) return { skip: 'news-alerts-off' };
        const email = renderAlertEmail(inOwnWords(alert, subscriber.topics ?? []), { language: subscriber.language, ...links });
        return { email, kind: alert.kind };
      },
    ),
  );
}

/** A topic alert names the query as this subscriber wrote it, when they follow it in other words than the alert's. */
function inOwnWords(alert: Alert, topics: readonly string[]): Alert {
  if (alert.kind !== 'topic-match') return alert;
  const own = topics.find((query) => topicKeyOfText(query) === alert.topic.key);
  return own ? { ...alert, topic: { ...alert.topic, query: own } } : alert;
}
