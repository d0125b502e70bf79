import { createDocumentClient } from '../aws/clients.js';
import { combineAccess, secretAccess, storeAccess } from '../access/access.js';
import type { ApiDependencies } from '../api/api-dependencies.js';
import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { DynamoAddressBook } from '../store/address-book.js';
import { DynamoBillStore } from '../store/bill-store.js';
import { DynamoBillSummaryReader } from '../store/bill-summaries.js';
import { DynamoDeliveryStore } from '../store/delivery-store.js';
import { DynamoFeedStore } from '../store/feed-store.js';
import { DynamoOriginCatalog } from '../store/origin-catalog.js';
import { cachedSeenOrigins } from '../origins/seen-origins.js';
import { DynamoRateLimitStore } from '../store/rate-limit-store.js';
import { DynamoSubscriberStore } from '../store/subscriber-store.js';
import { DynamoSubscriptionStore } from '../store/subscription-store.js';
import { DynamoSuppressionStore } from '../store/suppression-store.js';
import { configuredMailer, MAILER_ACCESS } from './mailer.js';
import { requiredTokenSecrets, TOKEN_SECRETS_ACCESS } from './required-setting.js';
import { endpointServiceAccess, endpointServiceDependencies } from './endpoint-service-dependencies.js';

/**
 * What {@link apiDependencies} builds may touch: the subscription stores, the admin API's reads, the endpoint service,
 * the mailer, the signing and admin keys. The console's listings and queues are its own function's
 * (console-dependencies.ts).
 */
export const apiAccess = combineAccess(
  storeAccess(
    DynamoSubscriberStore,
    DynamoAddressBook,
    DynamoSubscriptionStore,
    DynamoSuppressionStore,
    DynamoRateLimitStore,
    DynamoBillStore,
    DynamoBillSummaryReader,
    DynamoDeliveryStore,
    DynamoFeedStore,
    DynamoOriginCatalog,
  ),
  endpointServiceAccess,
  MAILER_ACCESS,
  TOKEN_SECRETS_ACCESS,
  secretAccess('adminApiKey'),
);

/** How long a warm function offers the committees and initiators it read: a new one appears within a minute. */
const SEEN_ORIGINS_MAX_AGE_MS = 60_000;

/**
 * What the HTTP API needs: the subscription stores, the mailer for confirmation emails, the admin key, and the
 * endpoint service (so the webhook and Slack queue URLs are required settings of the API too).
 */
export function apiDependencies(config: Config): ApiDependencies {
  const db = createDocumentClient();
  const subscribers = new DynamoSubscriberStore(db, config.tableName);
  const origins = new DynamoOriginCatalog(db, config.tableName);
  return {
    addresses: new DynamoAddressBook(db, config.tableName),
    subscriptions: new DynamoSubscriptionStore(db, config.tableName, subscribers),
    suppressions: new DynamoSuppressionStore(db, config.tableName),
    rateLimits: new DynamoRateLimitStore(db, config.tableName),
    bills: new DynamoBillStore(db, config.tableName),
    billSummaries: new DynamoBillSummaryReader(db, config.tableName),
    deliveries: new DynamoDeliveryStore(db, config.tableName),
    endpointService: endpointServiceDependencies(config),
    feeds: { configured: config.feeds, store: new DynamoFeedStore(db, config.tableName) },
    seenOrigins: cachedSeenOrigins(origins, { maxAgeMs: SEEN_ORIGINS_MAX_AGE_MS }),
    mailer: configuredMailer(config),
    tokenSecrets: requiredTokenSecrets(config.tokenSecrets),
    publicBaseUrl: config.publicBaseUrl,
    adminApiKey: config.adminApiKey,
    signupLimits: {
      perClientIp: { limit: config.signup.perClientIpPerHour, windowSeconds: 3600 },
      confirmationCooldownSeconds: config.signup.confirmationCooldownMinutes * 60,
      settleMs: config.signup.settleMs,
    },
    followLimits: config.subscriberLimits,
    now: () => new Date(),
    logger: createLogger('api'),
  };
}
