import { renderAlertEmail } from '../email/render-topic-email.js';
import type { AlertStore } from '../store/alert-store.js';
import type { NewsStore } from '../store/news-store.js';
import type { Alert } from '../topics/alert.js';
import { topicKeyOfText } from '../topics/topic-key.js';
import type { AlertEmailMessage } from './pipeline-messages.js';
import { emailOnce, type EmailOnceDependencies } from './email-once.js';

export interface SendAlertEmailDependencies extends EmailOnceDependencies {
  alerts: AlertStore;
  news: Pick<NewsStore, 'newsAlertsOn'>;
}

/**
 * Emails one subscriber one alert, at most once (see emailOnce). An "in the news" alert is skipped for a subscriber
 * who turned news off.
 * @returns 1 when this call sent the email, else 0.
 */
export async function sendAlertEmail(deps: SendAlertEmailDependencies, message: AlertEmailMessage): Promise<number> {
  return emailOnce(
    deps,
    { changeId: message.alertId, subscriberId: message.subscriberId, channel: 'email' },
    () => deps.alerts.get(message.alertId),
    async (alert, subscriber, links) => {
      if (alert.kind === 'bill-news' && !(await deps.news.newsAlertsOn(subscriber.id))) return { skip: 'news-alerts-off' };
      const email = renderAlertEmail(inOwnWords(alert, subscriber.topics ?? []), { language: subscriber.language, ...links });
      return { email, kind: alert.kind };
    },
  );
}

/** A topic alert names the query as this subscriber wrote it, when they follow it in other words than the alert's. */
function inOwnWords(alert: Alert, topics: readonly string[]): Alert {
  if (alert.kind !== 'topic-match') return alert;
  const own = topics.find((query) => topicKeyOfText(query) === alert.topic.key);
  return own ? { ...alert, topic: { ...alert.topic, query: own } } : alert;
}
