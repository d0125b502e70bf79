import { createDocumentClient } from '../aws/clients.js';
import type { Config } from '../config/config.js';
import { DynamoAlertStore } from '../store/alert-store.js';
import { DynamoBillStore } from '../store/bill-store.js';
import { DynamoChangeStore } from '../store/change-store.js';
import { DynamoDeliveryStore } from '../store/delivery-store.js';
import { DynamoDigestStore } from '../store/digest-store.js';
import { DynamoEndpointDeliveryStore } from '../store/endpoint-delivery-store.js';
import { DynamoEndpointStore } from '../store/endpoint-store.js';
import { DynamoFeedStore } from '../store/feed-store.js';
import { DynamoFollowerRouteReader } from '../store/follower-route-store.js';
import { DynamoNewsStore } from '../store/news-store.js';
import { DynamoOriginOutbox } from '../store/origin-outbox-store.js';
import { DynamoOriginStore } from '../store/origin-store.js';
import { DynamoRetryDueStore } from '../store/retry-due-store.js';
import { DynamoSubscriberStore } from '../store/subscriber-store.js';
import { DynamoTopicStore } from '../store/topic-store.js';

/*
 * The stores on the single table, grouped by concern, each group sharing one document client. DynamoDB only:
 * nothing here pulls in an HTTP client or the topic stemmers, so every function can import it.
 */

/** Bills, changes, subscribers and email deliveries; committees and initiators and their outbox. */
export function createStores(config: Config) {
  const db = createDocumentClient();
  return {
    bills: new DynamoBillStore(db, config.tableName),
    changes: new DynamoChangeStore(db, config.tableName),
    origins: new DynamoOriginStore(db, config.tableName),
    originOutbox: new DynamoOriginOutbox(db, config.tableName),
    subscribers: new DynamoSubscriberStore(db, config.tableName),
    deliveries: new DynamoDeliveryStore(db, config.tableName),
  };
}

/** Webhook, Slack and digest delivery. */
export function createDeliveryStores(config: Config) {
  const db = createDocumentClient();
  return {
    endpoints: new DynamoEndpointStore(db, config.tableName),
    endpointDeliveries: new DynamoEndpointDeliveryStore(db, config.tableName),
    retryDue: new DynamoRetryDueStore(db, config.tableName),
    digests: new DynamoDigestStore(db, config.tableName),
    followerRoutes: new DynamoFollowerRouteReader(db, config.tableName),
  };
}

/** Feeds, news, topics and alerts. */
export function createNewsStores(config: Config) {
  const db = createDocumentClient();
  return {
    feedStore: new DynamoFeedStore(db, config.tableName),
    news: new DynamoNewsStore(db, config.tableName),
    topics: new DynamoTopicStore(db, config.tableName),
    alerts: new DynamoAlertStore(db, config.tableName),
  };
}
