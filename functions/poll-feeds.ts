import { createMetrics, publishFeedPollMetrics } from '../shared/metrics/poll-metrics.js';
import { pollFeeds } from '../shared/pipeline/poll-feeds.js';
import { loadConfigWithSecrets } from '../shared/runtime/function-config.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { pollFeedsDependencies } from '../shared/runtime/poll-feeds-dependencies.js';

const deps = pollFeedsDependencies(await loadConfigWithSecrets());
const metrics = createMetrics('poll-feeds');

/** Scheduled: polls every configured news feed once, queues the new items for fan-out, and reports source health as metrics. */
export const handler = lambdaHandler(async () => {
  const summary = await pollFeeds(deps);
  publishFeedPollMetrics(metrics, summary);
  return summary;
});
