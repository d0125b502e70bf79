import { combineAccess, secretAccess, storeAccess } from '../access/access.js';
import type { ConsoleAppDependencies } from '../api/api-dependencies.js';
import { createDocumentClient, createSqsClient } from '../aws/clients.js';
import { configuredQueues, OPERATE_QUEUES_ACCESS } from '../cli/queue-depths.js';
import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { cloudWatchOldestMessages, fauxqsOldestMessages } from '../queue/oldest-message.js';
import { DynamoAlertStore } from '../store/alert-store.js';
import { DynamoBillStore } from '../store/bill-store.js';
import { DynamoChangeStore } from '../store/change-store.js';
import { DynamoDeliveryStore } from '../store/delivery-store.js';
import { DynamoDigestEntryReader } from '../store/digest-entry-reader.js';
import { DynamoFeedStore } from '../store/feed-store.js';
import { DynamoFollowerRouteReader } from '../store/follower-route-store.js';
import { DynamoNewsStore } from '../store/news-store.js';
import { DynamoOriginCatalog } from '../store/origin-catalog.js';
import { DynamoPollScheduleStore } from '../store/poll-schedule-store.js';
import { DynamoRateLimitStore } from '../store/rate-limit-store.js';
import { DynamoSubscriberStore } from '../store/subscriber-store.js';
import { DynamoSubscriptionStore } from '../store/subscription-store.js';
import { DynamoTopicStore } from '../store/topic-store.js';
import { endpointServiceAccess, endpointServiceDependencies } from './endpoint-service-dependencies.js';
import { requiredTokenSecrets, TOKEN_SECRETS_ACCESS } from './required-setting.js';

/**
 * What {@link consoleDependencies} builds may touch: the stores its pages read and change, the endpoint service, the
 * session's signing key and the admin key, and every queue (depths, dead letters, redrives). No mail: the console
 * sends none.
 */
export const consoleAccess = combineAccess(
  storeAccess(
    DynamoSubscriberStore,
    DynamoSubscriptionStore,
    DynamoRateLimitStore,
    DynamoBillStore,
    DynamoDeliveryStore,
    DynamoFeedStore,
    DynamoChangeStore,
    DynamoAlertStore,
    DynamoNewsStore,
    DynamoTopicStore,
    DynamoPollScheduleStore,
    DynamoFollowerRouteReader,
    DynamoDigestEntryReader,
    DynamoOriginCatalog,
  ),
  endpointServiceAccess,
  TOKEN_SECRETS_ACCESS,
  secretAccess('adminApiKey'),
  OPERATE_QUEUES_ACCESS,
);

/** What the operator's console at /admin needs: what its pages read and change, and the queues it operates. */
export function consoleDependencies(config: Config): ConsoleAppDependencies {
  const db = createDocumentClient();
  const sqs = createSqsClient();
  return {
    subscriptions: new DynamoSubscriptionStore(db, config.tableName, new DynamoSubscriberStore(db, config.tableName)),
    rateLimits: new DynamoRateLimitStore(db, config.tableName),
    bills: new DynamoBillStore(db, config.tableName),
    deliveries: new DynamoDeliveryStore(db, config.tableName),
    endpointService: endpointServiceDependencies(config),
    feeds: { configured: config.feeds, store: new DynamoFeedStore(db, config.tableName) },
    tokenSecrets: requiredTokenSecrets(config.tokenSecrets),
    publicBaseUrl: config.publicBaseUrl,
    adminApiKey: config.adminApiKey,
    console: {
      changes: new DynamoChangeStore(db, config.tableName),
      schedule: new DynamoPollScheduleStore(db, config.tableName),
      followers: new DynamoFollowerRouteReader(db, config.tableName),
      digestEntries: new DynamoDigestEntryReader(db, config.tableName),
      polling: config.polling,
      alerts: new DynamoAlertStore(db, config.tableName),
      news: new DynamoNewsStore(db, config.tableName),
      topics: new DynamoTopicStore(db, config.tableName),
      origins: new DynamoOriginCatalog(db, config.tableName),
      sqs,
      queues: configuredQueues(config),
      // The SQS client's region and credentials (the function's role) sign the CloudWatch call too.
      oldestMessages: config.queues.inspectUrl
        ? fauxqsOldestMessages(config.queues.inspectUrl)
        : cloudWatchOldestMessages({ region: () => sqs.config.region(), credentials: () => sqs.config.credentials() }),
    },
    now: () => new Date(),
    logger: createLogger('console'),
  };
}
