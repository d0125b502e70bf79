import type { Config } from '../config/config.js';
import type { EndpointServiceDependencies } from '../webhooks/endpoint-service.js';
import { endpointQueues } from './queues.js';
import { createDeliveryStores } from './stores.js';

/** What the endpoint service (register, test event, enable and replay, delivery log) needs, for the API and CLI. */
export function endpointServiceDependencies(config: Config): EndpointServiceDependencies {
  const { endpoints, endpointDeliveries } = createDeliveryStores(config);
  return {
    endpoints,
    deliveries: endpointDeliveries,
    queues: endpointQueues(config.delivery),
    allowedHosts: new Set(config.delivery.allowHosts),
    now: () => new Date(),
  };
}
