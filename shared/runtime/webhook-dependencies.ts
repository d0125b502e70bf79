import { combineAccess, storeAccess } from '../access/access.js';
import type { Config } from '../config/config.js';
import type { DeliveryConfig } from '../config/delivery-config.js';
import { createLogger } from '../log/logger.js';
import { createSafeHttpClient, type SafeHttpClient } from '../net/safe-http-client.js';
import type { EndpointDeliveryDependencies } from '../webhooks/deliver-to-endpoint.js';
import { createRetryScheduler } from '../webhooks/retry-scheduler.js';
import { DynamoAlertStore } from '../store/alert-store.js';
import { DynamoBillStore } from '../store/bill-store.js';
import { DynamoChangeStore } from '../store/change-store.js';
import { DynamoEndpointDeliveryStore } from '../store/endpoint-delivery-store.js';
import { DynamoEndpointStore } from '../store/endpoint-store.js';
import { DynamoRetryDueStore } from '../store/retry-due-store.js';
import { configuredMailer, MAILER_ACCESS } from './mailer.js';
import { ENDPOINT_QUEUES_ACCESS, endpointQueues } from './queues.js';
import { configuredTelegramBot, TELEGRAM_BOT_ACCESS } from './telegram-bot.js';
import { createDeliveryStores, createNewsStores, createStores } from './stores.js';

/** The SSRF-safe client for user-supplied URLs, with the configured timeout, response cap and local allow-list. */
export function createEndpointHttpClient(delivery: DeliveryConfig): SafeHttpClient {
  return createSafeHttpClient({ timeoutMs: delivery.timeoutMs, maxResponseBytes: delivery.maxResponseBytes, allowHosts: delivery.allowHosts });
}

/**
 * What {@link deliverEndpointDependencies} builds may touch: endpoints, attempts and parked retries, the changes and
 * alerts it renders, the endpoint queues retries go back to, the owner's email, and the Telegram bot.
 */
export const deliverEndpointAccess = combineAccess(
  storeAccess(DynamoEndpointStore, DynamoEndpointDeliveryStore, DynamoRetryDueStore, DynamoChangeStore, DynamoBillStore, DynamoAlertStore),
  ENDPOINT_QUEUES_ACCESS,
  MAILER_ACCESS,
  TELEGRAM_BOT_ACCESS,
);

/** What deliver-webhook (the consumer of the webhook, Slack and Telegram queues) needs. */
export function deliverEndpointDependencies(config: Config): EndpointDeliveryDependencies {
  const { endpoints, endpointDeliveries, retryDue } = createDeliveryStores(config);
  const stores = createStores(config);
  const telegram = configuredTelegramBot(config);
  return {
    ...(telegram ? { telegram } : {}),
    publicBaseUrl: config.publicBaseUrl,
    endpoints,
    deliveries: endpointDeliveries,
    changes: stores.changes,
    bills: stores.bills,
    alerts: createNewsStores(config).alerts,
    retries: createRetryScheduler({ queues: endpointQueues(config.delivery), parked: retryDue }),
    http: createEndpointHttpClient(config.delivery),
    mailer: configuredMailer(config),
    now: () => new Date(),
    random: Math.random,
    logger: createLogger('deliver-webhook'),
    // Longer than one attempt can take, so a live attempt is never taken over.
    leaseMs: config.delivery.timeoutMs * 2 + 10_000,
  };
}
