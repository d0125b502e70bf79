import type { SNSEvent } from 'aws-lambda';
import { loadConfig } from '../shared/config/config.js';
import { createMetrics } from '../shared/metrics/poll-metrics.js';
import { publishSesEventMetrics } from '../shared/metrics/ses-event-metrics.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { sesEventsDependencies } from '../shared/runtime/ses-events-dependencies.js';
import { handleSesEvents } from '../shared/subscriptions/ses-events.js';

const deps = sesEventsDependencies(loadConfig());
const metrics = createMetrics('ses-events');

/**
 * SNS subscriber of the SES configuration set's events: hard bounces and complaints are suppressed; rejects, rendering
 * failures and delivery delays are logged and counted.
 */
export const handler = lambdaHandler(async (event: SNSEvent) => {
  const outcome = await handleSesEvents(deps, event);
  publishSesEventMetrics(metrics, outcome);
  return outcome;
});
