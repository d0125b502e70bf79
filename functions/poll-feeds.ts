import { pollFeeds } from '../shared/pipeline/poll-feeds.js';
import { loadConfigWithSecrets } from '../shared/runtime/function-config.js';
import { pollFeedsDependencies } from '../shared/runtime/poll-feeds-dependencies.js';

const deps = pollFeedsDependencies(await loadConfigWithSecrets());

/** Scheduled: polls every configured news feed once and alerts on the new items. */
export const handler = async () => pollFeeds(deps);
