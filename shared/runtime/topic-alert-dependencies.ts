import { combineAccess, queueAccess, storeAccess } from '../access/access.js';
import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import type { NewBillAlertDependencies } from '../pipeline/alert-new-bill.js';
import type { NewsAlertDependencies } from '../pipeline/alert-news-item.js';
import type { TopicAlertDependencies } from '../pipeline/alert-topic-matches.js';
import { cachedTopicCatalog } from '../pipeline/topic-catalog.js';
import { DynamoAlertStore } from '../store/alert-store.js';
import { DynamoBillStore } from '../store/bill-store.js';
import { DynamoDigestStore } from '../store/digest-store.js';
import { DynamoFollowerRouteReader } from '../store/follower-route-store.js';
import { DynamoNewsStore } from '../store/news-store.js';
import { DynamoOriginStore } from '../store/origin-store.js';
import { DynamoTopicStore } from '../store/topic-store.js';
import { ENDPOINT_QUEUES_ACCESS, endpointQueues, messageQueue } from './queues.js';
import { createDeliveryStores, createNewsStores, createStores } from './stores.js';

/** What {@link alertRoutes} builds may touch: digest entries and every alert channel's queue. */
const ALERT_ROUTES_ACCESS = combineAccess(storeAccess(DynamoDigestStore), queueAccess('email'), ENDPOINT_QUEUES_ACCESS);

/** What {@link topicAlertDependencies} builds may touch: topics, alerts, and the channels alerts are routed to. */
export const topicAlertAccess = combineAccess(storeAccess(DynamoTopicStore, DynamoAlertStore), ALERT_ROUTES_ACCESS);

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

/** What {@link newsAlertDependencies} builds may touch: topic alerting, news items, the bills they name and their followers. */
export const newsAlertAccess = combineAccess(topicAlertAccess, storeAccess(DynamoNewsStore, DynamoBillStore, DynamoFollowerRouteReader));

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

/** What {@link newBillAlertDependencies} builds may touch: the alert routes, alerts, bills, committees and initiators (no topics). */
export const newBillAlertAccess = combineAccess(ALERT_ROUTES_ACCESS, storeAccess(DynamoAlertStore, DynamoBillStore, DynamoOriginStore));

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
