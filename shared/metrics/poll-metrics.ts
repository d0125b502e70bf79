import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { PollSummary } from '../pipeline/poll-bills.js';
import type { PollRunSummary } from '../pipeline/poll-run.js';
import type { FeedsPollSummary } from '../pipeline/poll-feeds.js';
import {
  BILLS_POLLED,
  CHANGES_DETECTED,
  FAN_OUT_LEFT_IN_OUTBOX,
  FEEDS_POLLED,
  NEWS_ITEMS,
  POLL_COMPLETED,
  POLL_DUE_LEFT,
  POLL_STOPPED_EARLY,
  POLL_TASKS_QUEUED,
  SOURCE_ERRORS,
} from './metric-names.js';

/** The CloudWatch namespace of every duma-alerts metric (the alarms in infra/ watch it). */
export const METRICS_NAMESPACE = 'DumaAlerts';

/** Powertools Metrics (CloudWatch EMF) for one function; off locally through POWERTOOLS_METRICS_DISABLED. */
export function createMetrics(component: string): Metrics {
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName: `duma-alerts.${component}` });
}

/**
 * Publishes a poll cycle's figures: `SourceErrors` (pages that could not be read: the source-health alarm),
 * `ChangesDetected`, `BillsPolled`, `FanOutLeftInOutbox` (messages a failed send or mark left for the sweeper), and
 * the `PollCompleted` heartbeat; for a scheduled run also `PollStoppedEarly`,
 * `PollTasksQueued` and `PollDueLeft`. A run that stopped at its budget publishes all of them too.
 */
export function publishPollMetrics(metrics: Metrics, summary: PollSummary | PollRunSummary): void {
  if ('stoppedEarly' in summary) {
    metrics.addMetric(POLL_STOPPED_EARLY, MetricUnit.Count, Number(summary.stoppedEarly));
    metrics.addMetric(POLL_TASKS_QUEUED, MetricUnit.Count, summary.queuedBills);
    metrics.addMetric(POLL_DUE_LEFT, MetricUnit.Count, Number(summary.dueLeft));
  }
  metrics.addMetric(BILLS_POLLED, MetricUnit.Count, summary.bills);
  metrics.addMetric(SOURCE_ERRORS, MetricUnit.Count, summary.outcomes['source-error']);
  metrics.addMetric(CHANGES_DETECTED, MetricUnit.Count, summary.changes);
  metrics.addMetric(FAN_OUT_LEFT_IN_OUTBOX, MetricUnit.Count, summary.fanOut.unsent + summary.fanOut.unmarked);
  metrics.addMetric(POLL_COMPLETED, MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}

/**
 * Publishes a feed poll's figures: `SourceErrors` (feeds that could not be read or parsed: the source-health alarm),
 * `FeedsPolled`, `NewsItems` and the `PollCompleted` heartbeat.
 */
export function publishFeedPollMetrics(metrics: Metrics, summary: FeedsPollSummary): void {
  metrics.addMetric(FEEDS_POLLED, MetricUnit.Count, summary.feeds.length);
  metrics.addMetric(SOURCE_ERRORS, MetricUnit.Count, summary.feeds.filter((feed) => feed.outcome === 'source-error').length);
  metrics.addMetric(NEWS_ITEMS, MetricUnit.Count, summary.feeds.reduce((sum, feed) => sum + feed.newItems, 0));
  metrics.addMetric(POLL_COMPLETED, MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}
