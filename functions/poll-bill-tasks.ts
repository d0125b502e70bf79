import type { SQSEvent } from 'aws-lambda';
import { createMetrics, publishPollMetrics } from '../shared/metrics/poll-metrics.js';
import { PollTaskSchema, runPollTask } from '../shared/pipeline/poll-run.js';
import { loadConfigWithSecrets } from '../shared/runtime/function-config.js';
import { lambdaHandler, runDeadline } from '../shared/runtime/lambda-handler.js';
import { pollTaskDependencies } from '../shared/runtime/poll-bills-dependencies.js';
import { sqsBatchConsumer } from '../shared/runtime/sqs-batch.js';

const config = await loadConfigWithSecrets();
const deps = pollTaskDependencies(config);
const metrics = createMetrics('poll-bill-tasks');

/**
 * SQS consumer of poll tasks: polls each task's bills at the pace every poller shares, until its time budget (a task
 * cut short fails and comes back).
 */
export const handler = lambdaHandler((event: SQSEvent, context) => {
  const deadlineMs = runDeadline(context, config.polling.budgetFraction, config.polling.activeEveryMinutes * 60_000);
  return sqsBatchConsumer(PollTaskSchema, async (task) => publishPollMetrics(metrics, await runPollTask(deps, task, { deadlineMs })))(event);
});
