import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import type { NewBillAlertDependencies } from '../pipeline/alert-new-bill.js';
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
    ...alertRoutes(config),
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
    newBillFeeds: new Set(config.feeds.filter((feed) => feed.newBills).map((feed) => feed.id)),
    followers: createDeliveryStores(config).followerRoutes,
    logger: createLogger('news-alerts'),
  };
}

/** What fan-out needs to alert the followers of a bill's committee and initiators ("new bill from …"). */
export function newBillAlertDependencies(config: Config): NewBillAlertDependencies {
  const { bills, origins } = createStores(config);
  return {
    ...alertRoutes(config),
    alerts: createNewsStores(config).alerts,
    bills,
    origins,
    now: () => new Date(),
    logger: createLogger('new-bill-alerts'),
  };
}

/** The channels an alert is routed to: email, digests, and the endpoint queues when configured. */
function alertRoutes(config: Config) {
  return {
    emailQueue: messageQueue(config.queues.emailUrl, 'queues.emailUrl (EMAIL_QUEUE_URL)'),
    digests: createDeliveryStores(config).digests,
    ...(config.delivery.webhookQueueUrl && config.delivery.slackQueueUrl && config.delivery.telegramQueueUrl ? { endpointQueues: endpointQueues(config.delivery) } : {}),
  };
}
