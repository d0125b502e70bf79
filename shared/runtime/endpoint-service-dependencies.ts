import type { Config } from '../config/config.js';
import type { EndpointServiceDependencies } from '../webhooks/endpoint-service.js';
import { endpointQueues } from './queues.js';
import { configuredTelegramBot } from './telegram-bot.js';
import { createDeliveryStores } from './stores.js';

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
    now: () => new Date(),
  };
}
