import { combineAccess, queueAccess, storeAccess } from '../access/access.js';
import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { messageQueue } from './queues.js';
import { createStores } from './stores.js';
import { DynamoBillStore } from '../store/bill-store.js';
import { DynamoChangeStore } from '../store/change-store.js';
import { DynamoOriginOutbox } from '../store/origin-outbox-store.js';

/** What {@link sweepDependencies} builds may touch: the outboxes (changes, dropped bills) and the fan-out queue. */
export const sweepAccess = combineAccess(storeAccess(DynamoChangeStore, DynamoBillStore, DynamoOriginOutbox), queueAccess('fanOut'));

/** What the sweeper needs. */
export function sweepDependencies(config: Config) {
  const { changes, bills, originOutbox } = createStores(config);
  return {
    changes,
    bills,
    originOutbox,
    fanOutQueue: messageQueue(config.queues.fanOutUrl, 'queues.fanOutUrl (FAN_OUT_QUEUE_URL)'),
    now: () => new Date(),
    logger: createLogger('sweeper'),
  };
}
