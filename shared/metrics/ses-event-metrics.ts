import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { SesEventOutcome } from '../subscriptions/ses-events.js';
import { ADDRESSES_SUPPRESSED, SES_DELIVERY_DELAYS, SES_SEND_FAILURES } from './metric-names.js';

/** Publishes what one batch of SES events came to: suppressions, send failures (alarmed) and delivery delays. */
export function publishSesEventMetrics(metrics: Metrics, outcome: SesEventOutcome): void {
  metrics.addMetric(ADDRESSES_SUPPRESSED, MetricUnit.Count, outcome.suppressed.length);
  metrics.addMetric(SES_SEND_FAILURES, MetricUnit.Count, outcome.sendFailures);
  metrics.addMetric(SES_DELIVERY_DELAYS, MetricUnit.Count, outcome.deliveryDelays);
  metrics.publishStoredMetrics();
}
