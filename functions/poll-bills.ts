import { createMetrics, publishPollMetrics } from '../shared/metrics/poll-metrics.js';
import { runScheduledPoll } from '../shared/pipeline/poll-run.js';
import { loadConfigWithSecrets } from '../shared/runtime/function-config.js';
import { lambdaHandler, runDeadline } from '../shared/runtime/lambda-handler.js';
import { scheduledPollDependencies } from '../shared/runtime/poll-bills-dependencies.js';

const config = await loadConfigWithSecrets();
const deps = scheduledPollDependencies(config);
const metrics = createMetrics('poll-bills');

/**
 * Scheduled: polls the due bills, most overdue first, until its time budget; hands what does not fit to the
 * poll-tasks queue; publishes its metrics (with the PollCompleted heartbeat) even when it stopped early.
 */
export const handler = lambdaHandler(async (_event, context) => {
  const deadlineMs = runDeadline(context, config.polling.budgetFraction, config.polling.activeEveryMinutes * 60_000);
  const summary = await runScheduledPoll(deps, { deadlineMs });
  publishPollMetrics(metrics, summary);
  return summary;
});
