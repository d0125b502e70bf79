import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import type { PollFeedsDependencies } from '../pipeline/poll-feeds.js';
import { createFeedFetcher } from './fetchers.js';
import { createDeliveryStores, createNewsStores, createStores } from './stores.js';
import { topicAlertDependencies } from './topic-alert-dependencies.js';

/** What poll-feeds needs. */
export function pollFeedsDependencies(config: Config): PollFeedsDependencies {
  const { feedStore, news } = createNewsStores(config);
  const { bills } = createStores(config);
  return {
    ...topicAlertDependencies(config),
    feedStore,
    news,
    bills,
    followers: createDeliveryStores(config).followerRoutes,
    fetcher: createFeedFetcher(config),
    feeds: config.feeds,
    logger: createLogger('poll-feeds'),
  };
}
