import { combineAccess, queueAccess, storeAccess } from '../access/access.js';
import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import type { PollFeedsDependencies } from '../pipeline/poll-feeds.js';
import { DynamoFeedStore } from '../store/feed-store.js';
import { DynamoNewsStore } from '../store/news-store.js';
import { createFeedFetcher, FETCHER_ACCESS } from './fetchers.js';
import { messageQueue } from './queues.js';
import { createNewsStores } from './stores.js';

/** What {@link pollFeedsDependencies} builds may touch. */
export const pollFeedsAccess = combineAccess(storeAccess(DynamoFeedStore, DynamoNewsStore), queueAccess('fanOut'), FETCHER_ACCESS);

/** What poll-feeds needs: feed state, news items, the feed fetcher, and the fan-out queue new items go to. */
export function pollFeedsDependencies(config: Config): PollFeedsDependencies {
  const { feedStore, news } = createNewsStores(config);
  return {
    feedStore,
    news,
    fetcher: createFeedFetcher(config),
    feeds: config.feeds,
    fanOutQueue: messageQueue(config.queues.fanOutUrl, 'queues.fanOutUrl (FAN_OUT_QUEUE_URL)'),
    now: () => new Date(),
    logger: createLogger('poll-feeds'),
  };
}
