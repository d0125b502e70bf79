import type { Config } from '../config/config.js';
import type { DeliveryConfig } from '../config/delivery-config.js';
import { createLogger } from '../log/logger.js';
import { createSafeHttpClient, type SafeHttpClient } from '../net/safe-http-client.js';
import type { EndpointDeliveryDependencies } from '../webhooks/deliver-to-endpoint.js';
import { createRetryScheduler } from '../webhooks/retry-scheduler.js';
import { configuredMailer } from './mailer.js';
import { endpointQueues } from './queues.js';
import { configuredTelegramBot } from './telegram-bot.js';
import { createDeliveryStores, createNewsStores, createStores } from './stores.js';

/** The SSRF-safe client for user-supplied URLs, with the configured timeout, response cap and local allow-list. */
export function createEndpointHttpClient(delivery: DeliveryConfig): SafeHttpClient {
  return createSafeHttpClient({ timeoutMs: delivery.timeoutMs, maxResponseBytes: delivery.maxResponseBytes, allowHosts: delivery.allowHosts });
}

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
