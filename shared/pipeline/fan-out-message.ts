import { alertQueuedNewsItem, type NewsAlertDependencies } from './alert-news-item.js';
import { fanOutChanges, type FanOutDependencies } from './fan-out.js';
import type { FanOutQueueMessage } from './pipeline-messages.js';

/** What the fan-out function needs for each kind of message; news dependencies are built on the first news item. */
export interface FanOutQueueDependencies {
  changes: FanOutDependencies;
  news: () => NewsAlertDependencies;
}

/**
 * Handles one message of the fan-out queue, the one road every alert travels: a bill's changes are routed to its
 * followers (`fanOutChanges`), a news item is matched against every topic and routed to the followers of the topics
 * and bills it names (`alertQueuedNewsItem`).
 */
export async function handleFanOutMessage(deps: FanOutQueueDependencies, message: FanOutQueueMessage): Promise<unknown> {
  return 'kind' in message ? alertQueuedNewsItem(deps.news(), message) : fanOutChanges(deps.changes, message);
}
