import { loadConfig } from '../shared/config/config.js';
import { pollFeeds } from '../shared/pipeline/poll-feeds.js';
import { pollFeedsDependencies } from '../shared/runtime/dependencies.js';

const deps = pollFeedsDependencies(loadConfig());

/** Scheduled: polls every configured news feed once and alerts on the new items. */
export const handler = async () => pollFeeds(deps);
