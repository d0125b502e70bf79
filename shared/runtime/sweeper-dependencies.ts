import { combineAccess, queueAccess, storeAccess } from '../access/access.js';
import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { messageQueue } from './queues.js';
import { createStores } from './stores.js';
import { DynamoChangeStore } from '../store/change-store.js';

/** What {@link sweepDependencies} builds may touch: the outbox's changes and the fan-out queue. */
export const sweepAccess = combineAccess(storeAccess(DynamoChangeStore), queueAccess('fanOut'));

/** What the sweeper needs. */
export function sweepDependencies(config: Config) {
  return {
    changes: createStores(config).changes,
    fanOutQueue: messageQueue(config.queues.fanOutUrl, 'queues.fanOutUrl (FAN_OUT_QUEUE_URL)'),
    now: () => new Date(),
    logger: createLogger('sweeper'),
  };
}
