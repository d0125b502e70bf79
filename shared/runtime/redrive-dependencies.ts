import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { endpointQueues } from './queues.js';
import { createDeliveryStores } from './stores.js';

/** What redrive-webhooks needs. */
export function redriveDependencies(config: Config) {
  return {
    parked: createDeliveryStores(config).retryDue,
    queues: endpointQueues(config.delivery),
    now: () => new Date(),
    logger: createLogger('redrive-webhooks'),
  };
}
