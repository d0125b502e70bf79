import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import type { NewsAlertDependencies } from '../pipeline/alert-news-item.js';
import type { TopicAlertDependencies } from '../pipeline/alert-topic-matches.js';
import { cachedTopicCatalog } from '../pipeline/topic-catalog.js';
import { endpointQueues, messageQueue } from './queues.js';
import { createDeliveryStores, createNewsStores, createStores } from './stores.js';

/**
 * What topic matching needs to alert on bill changes and news: topics, alerts, the channels fan-out routes to, and a topic index
 * cached for a minute so that one poll builds it once.
 */
export function topicAlertDependencies(config: Config): TopicAlertDependencies {
  const { topics, alerts } = createNewsStores(config);
  return {
    topics,
    alerts,
    emailQueue: messageQueue(config.queues.emailUrl, 'queues.emailUrl (EMAIL_QUEUE_URL)'),
    digests: createDeliveryStores(config).digests,
    ...(config.delivery.webhookQueueUrl && config.delivery.slackQueueUrl && config.delivery.telegramQueueUrl ? { endpointQueues: endpointQueues(config.delivery) } : {}),
    topicCatalog: cachedTopicCatalog(topics, createLogger('topic-matching')),
    now: () => new Date(),
  };
}

/** What fan-out needs to raise a queued news item's alerts: topic matching, the bills it names and their followers. */
export function newsAlertDependencies(config: Config): NewsAlertDependencies {
  return {
    ...topicAlertDependencies(config),
    news: createNewsStores(config).news,
    bills: createStores(config).bills,
    followers: createDeliveryStores(config).followerRoutes,
    logger: createLogger('news-alerts'),
  };
}
