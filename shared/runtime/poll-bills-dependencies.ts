import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import type { PollDependencies } from '../pipeline/poll-bills.js';
import { createSozdHttpSource } from '../sozd/sozd-http-source.js';
import { createSozdFetcher } from './fetchers.js';
import { messageQueue } from './queues.js';
import { createStores } from './stores.js';
import { topicMatcher } from './topic-alert-dependencies.js';

/** What poll-bills needs. */
export function pollDependencies(config: Config): PollDependencies {
  const { bills, changes } = createStores(config);
  return {
    bills,
    changes,
    fanOutQueue: messageQueue(config.queues.fanOutUrl, 'queues.fanOutUrl (FAN_OUT_QUEUE_URL)'),
    source: createSozdHttpSource(createSozdFetcher(config), config.sozd.baseUrl),
    now: () => new Date(),
    logger: createLogger('poll-bills'),
    matchTopics: topicMatcher(config),
  };
}
