import { combineAccess, storeAccess } from '../access/access.js';
import type { Config } from '../config/config.js';
import type { EndpointServiceDependencies } from '../webhooks/endpoint-service.js';
import { DynamoEndpointDeliveryStore } from '../store/endpoint-delivery-store.js';
import { DynamoEndpointStore } from '../store/endpoint-store.js';
import { ENDPOINT_QUEUES_ACCESS, endpointQueues } from './queues.js';
import { configuredTelegramBot, TELEGRAM_BOT_ACCESS } from './telegram-bot.js';
import { createDeliveryStores } from './stores.js';

/** What {@link endpointServiceDependencies} builds may touch. */
export const endpointServiceAccess = combineAccess(
  storeAccess(DynamoEndpointStore, DynamoEndpointDeliveryStore),
  ENDPOINT_QUEUES_ACCESS,
  TELEGRAM_BOT_ACCESS,
);

/** What the endpoint service (register, test event, enable and replay, delivery log) needs, for the API and CLI. */
export function endpointServiceDependencies(config: Config): EndpointServiceDependencies {
  const { endpoints, endpointDeliveries } = createDeliveryStores(config);
  const telegram = configuredTelegramBot(config);
  return {
    ...(telegram ? { telegram } : {}),
    endpoints,
    deliveries: endpointDeliveries,
    queues: endpointQueues(config.delivery),
    allowedHosts: new Set(config.delivery.allowHosts),
    maxOrigins: config.subscriberLimits.maxOrigins,
    now: () => new Date(),
  };
}
