import { loadConfig } from '../shared/config/config.js';
import { createMetrics, publishPollMetrics } from '../shared/metrics/poll-metrics.js';
import { pollWatchedBills } from '../shared/pipeline/poll-bills.js';
import { pollDependencies } from '../shared/runtime/dependencies.js';

const deps = pollDependencies(loadConfig());
const metrics = createMetrics('poll-bills');

/** Scheduled: polls every watched bill once, queues what changed, and reports source health as metrics. */
export const handler = async () => {
  const summary = await pollWatchedBills(deps);
  publishPollMetrics(metrics, summary);
  return summary;
};
