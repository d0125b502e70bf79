import { createMetrics, publishPollMetrics } from '../shared/metrics/poll-metrics.js';
import { pollWatchedBills } from '../shared/pipeline/poll-bills.js';
import { loadConfigWithSecrets } from '../shared/runtime/function-config.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { pollDependencies } from '../shared/runtime/poll-bills-dependencies.js';

const deps = pollDependencies(await loadConfigWithSecrets());
const metrics = createMetrics('poll-bills');

/** Scheduled: polls every watched bill once, queues what changed, and reports source health as metrics. */
export const handler = lambdaHandler(async () => {
  const summary = await pollWatchedBills(deps);
  publishPollMetrics(metrics, summary);
  return summary;
});
