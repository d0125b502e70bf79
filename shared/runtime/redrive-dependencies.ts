import { combineAccess, storeAccess } from '../access/access.js';
import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { DynamoRetryDueStore } from '../store/retry-due-store.js';
import { ENDPOINT_QUEUES_ACCESS, endpointQueues } from './queues.js';
import { createDeliveryStores } from './stores.js';

/** What {@link redriveDependencies} builds may touch: parked retries and the endpoint queues they go back to. */
export const redriveAccess = combineAccess(storeAccess(DynamoRetryDueStore), ENDPOINT_QUEUES_ACCESS);

/** What redrive-webhooks needs. */
export function redriveDependencies(config: Config) {
  return {
    parked: createDeliveryStores(config).retryDue,
    queues: endpointQueues(config.delivery),
    now: () => new Date(),
    logger: createLogger('redrive-webhooks'),
  };
}
