import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { PollSummary } from '../pipeline/poll-bills.js';

/** The CloudWatch namespace of every duma-alerts metric (the alarms in infra/ watch it). */
export const METRICS_NAMESPACE = 'DumaAlerts';

/** Powertools Metrics (CloudWatch EMF) for one function; off locally through POWERTOOLS_METRICS_DISABLED. */
export function createMetrics(component: string): Metrics {
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName: `duma-alerts.${component}` });
}

/**
 * Publishes a poll cycle's figures: `SourceErrors` (pages that could not be read: the source-health alarm),
 * `ChangesDetected` and `BillsPolled`.
 */
export function publishPollMetrics(metrics: Metrics, summary: PollSummary): void {
  metrics.addMetric('BillsPolled', MetricUnit.Count, summary.bills);
  metrics.addMetric('SourceErrors', MetricUnit.Count, summary.outcomes['source-error']);
  metrics.addMetric('ChangesDetected', MetricUnit.Count, summary.changes);
  metrics.publishStoredMetrics();
}
