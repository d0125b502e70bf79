import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { messageQueue } from './queues.js';
import { createStores } from './stores.js';

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
