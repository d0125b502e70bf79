import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  BILLS_POLLED,
  CHANGES_DETECTED,
  FEEDS_POLLED,
  NEWS_ITEMS,
  ADDRESSES_SUPPRESSED,
  POLL_COMPLETED,
  POLL_DUE_LEFT,
  POLL_STOPPED_EARLY,
  SES_DELIVERY_DELAYS,
  SES_SEND_FAILURES,
  SOURCE_ERRORS,
} from '../../shared/metrics/metric-names.js';
import { METRICS_NAMESPACE } from '../../shared/metrics/poll-metrics.js';
import type { QueueKey } from '../function-catalog.js';
import type { Parameters } from '../parameters.js';
import { serviceNameOf, type ServiceFunction } from './service-function.js';

/** A run longer than this share of its timeout is near being killed mid-work. */
export const DURATION_ALARM_RATIO = 0.8;
/** Server errors of the HTTP API in 5 minutes that page an operator (a single one can be a cold-start blip). */
export const API_5XX_ALARM = 5;
/** A poller whose heartbeat is missing for this many of its ticks has stopped polling. */
export const MISSED_POLL_TICKS = 3;
/**
 * The poll runner's health is judged over this many ticks; half of them stopping early, or leaving due bills, is
 * sustained (one run can be unlucky: a slow minute at sozd, the first day's baselines).
 */
export const POLL_HEALTH_TICKS = 6;

export interface MonitoringProps {
  parameters: Parameters;
  functions: readonly ServiceFunction[];
  /** The pollers, which publish {@link SOURCE_ERRORS} and the {@link POLL_COMPLETED} heartbeat. */
  sources: readonly ServiceFunction[];
  queues: Partial<Record<QueueKey, IQueue>>;
  deadLetterQueues: Record<string, IQueue>;
  table: ITable;
  httpApi: HttpApi;
}

/**
 * What operators see and what pages them. Alarms go to the operators' SNS topic (email), each with a runbook line
 * in its description (docs/deploy.md, "Alarms and runbook"): anything in a dead-letter queue, a message waiting too
 * long, a poll that did not happen, persistent source errors, any function error or throttle, a run near its
 * timeout, API 5xx, DynamoDB throttling, and SES bounce and complaint rates before SES itself reacts. One dashboard
 * shows the same signals.
 */
export class Monitoring extends Construct {
  readonly operatorsTopic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { parameters } = props;
    this.operatorsTopic = new Topic(this, 'OperatorsTopic', { displayName: 'duma-alerts alarms', enforceSSL: true });
    this.operatorsTopic.addSubscription(new EmailSubscription(parameters.alarmEmail));
    // A topic policy replaces the default one, which is what let CloudWatch publish: without this statement
    // every alarm would change state without telling anyone.
    this.operatorsTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.operatorsTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    const fiveMinutes = Duration.minutes(5);

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      this.alarm(
        `${name}-not-empty`,
        `Messages are waiting in ${name}. Runbook: read one (SQS console, "Poll for messages"), fix the cause from the function's logs, then start a DLQ redrive to the source queue.`,
        { metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }), threshold: 1 },
      );
    }
    for (const [key, queue] of Object.entries(props.queues)) {
      this.alarm(
        `${key}-queue-oldest-message`,
        `A message has waited over ${parameters.queueAgeAlarmMinutes} min in the ${key} queue. Runbook: check the consumer's errors, throttles and maximum concurrency; a growing backlog with no errors needs more concurrency.`,
        {
          metric: queue.metricApproximateAgeOfOldestMessage({ period: fiveMinutes, statistic: 'Maximum' }),
          threshold: parameters.queueAgeAlarmMinutes * 60,
        },
      );
    }
    for (const { spec, function: fn } of props.functions) {
      this.alarm(
        `${spec.name}-errors`,
        `${spec.name} failed (an uncaught error or a timeout). Runbook: open its log group, filter on "ERROR" or "Task timed out", fix or redeploy; queued work is retried and ends in its DLQ.`,
        { metric: fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), threshold: 1 },
      );
      this.alarm(
        `${spec.name}-throttles`,
        `${spec.name} was throttled. Runbook: account concurrency is exhausted or a scheduled run overlapped the previous one (reserved concurrency 1); raise the account limit or find the runaway function.`,
        { metric: fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }), threshold: 1 },
      );
      const nearTimeoutMs = Math.round(spec.timeoutSeconds * 1000 * DURATION_ALARM_RATIO);
      this.alarm(
        `${spec.name}-duration-near-timeout`,
        `${spec.name} ran over ${DURATION_ALARM_RATIO * 100} % of its ${spec.timeoutSeconds} s timeout. Runbook: look for a slow dependency (sozd, a proxy, an endpoint) in its logs; if the work itself grew, raise timeoutSeconds in infra/function-catalog.ts.`,
        { metric: fn.metricDuration({ period: fiveMinutes, statistic: 'Maximum' }), threshold: nearTimeoutMs },
      );
    }
    for (const source of props.sources) {
      const { spec } = source;
      this.alarm(
        `${spec.name}-source-errors`,
        `${spec.name} failed to read its sources ${parameters.sourceErrorsPerHourAlarm} times or more in an hour. Runbook: is the site up from a Russian exit (the proxy)? Do the logged errors say layout-changed (the parser needs an update) or fetch (network, proxy, blocking)?`,
        {
          metric: ownMetric(source, SOURCE_ERRORS, Duration.hours(1)),
          threshold: parameters.sourceErrorsPerHourAlarm,
        },
      );
      if (spec.trigger.kind !== 'schedule') continue;
      if (spec.name === 'poll-bills') this.pollRunnerAlarms(source, Duration.minutes(parameters[spec.trigger.rate] * POLL_HEALTH_TICKS));
      const window = Duration.minutes(parameters[spec.trigger.rate] * MISSED_POLL_TICKS);
      this.alarm(
        `${spec.name}-missing-poll`,
        `${spec.name} has not finished a run in ${window.toMinutes()} min. Runbook: check its schedule (EventBridge Scheduler) is enabled, then its errors and duration alarms: a run that times out never reports.`,
        {
          metric: ownMetric(source, POLL_COMPLETED, window),
          threshold: 1,
          comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
          // The heartbeat's absence is the very thing this alarm is about.
          missingData: TreatMissingData.BREACHING,
        },
      );
    }
    this.alarm(
      'api-5xx',
      `The HTTP API answered ${API_5XX_ALARM} or more 5xx in 5 minutes. Runbook: check the api function's errors and the access log's integrationErrorMessage; a deploy is the usual suspect.`,
      { metric: props.httpApi.metricServerError({ period: fiveMinutes, statistic: 'Sum' }), threshold: API_5XX_ALARM },
    );
    this.alarm(
      'dynamodb-throttles',
      'DynamoDB throttled reads or writes on the table. Runbook: on-demand tables throttle a hot partition or a sudden doubling of traffic; find the function from its errors and the key from the logs.',
      { metric: tableThrottles(props.table, fiveMinutes), threshold: 1 },
    );
    const sesEvents = props.functions.find(({ spec }) => spec.name === 'ses-events');
    if (sesEvents) {
      this.alarm(
        'ses-send-failures',
        'SES rejected an email or could not render it: it never left. Runbook: the ses-events log says which and why (a rendering failure is a bug in our email; a reject, content SES refused).',
        { metric: ownMetric(sesEvents, SES_SEND_FAILURES, Duration.hours(1)), threshold: 1 },
      );
    }
    this.alarm(
      'ses-bounce-rate',
      'SES bounce rate is near the 5 % at which AWS reviews the account. Runbook: check ses-events is suppressing bounces, look for a bad import of addresses, pause sign-ups if needed.',
      { metric: sesReputation('Reputation.BounceRate'), threshold: parameters.bounceRateAlarm },
    );
    this.alarm(
      'ses-complaint-rate',
      'SES complaint rate is near the 0.1 % at which AWS reviews the account. Runbook: check ses-events is suppressing complainers and the List-Unsubscribe headers work; review what was sent.',
      { metric: sesReputation('Reputation.ComplaintRate'), threshold: parameters.complaintRateAlarm },
    );
    this.dashboard = this.buildDashboard(props);
  }

  /**
   * The scheduled bill poller's own health (shared/pipeline/poll-run.ts): runs that stop at their time budget with
   * bills unpolled, and runs that leave due bills for the next one, sustained over `window`.
   */
  private pollRunnerAlarms(poller: ServiceFunction, window: Duration): void {
    const threshold = POLL_HEALTH_TICKS / 2;
    const minutes = window.toMinutes();
    this.alarm(
      'poll-bills-stopped-early',
      `poll-bills stopped at its time budget with bills it had taken unpolled in ${threshold} or more runs in ${minutes} min. Runbook: sozd or the proxy answered slowly, or the poll-task pollers took the shared pace (its logs, source errors); the bills stay due and the next run takes them first; if it persists, lower POLL_BUDGET_FRACTION so a run keeps less for itself and queues more as poll tasks.`,
      { metric: ownMetric(poller, POLL_STOPPED_EARLY, window), threshold },
    );
    this.alarm(
      'poll-bills-due-left',
      `poll-bills left due bills for the next run in ${threshold} or more runs in ${minutes} min. Runbook: expected for hours after many bills are watched at once (baselines); otherwise the watch list outgrew sozd's pace: check PollTasksQueued and the poll-tasks queue age, then widen the dormant and resting tiers or raise hostRequestsPerSecond if sozd allows.`,
      { metric: ownMetric(poller, POLL_DUE_LEFT, window), threshold },
    );
  }

  private alarm(
    name: string,
    description: string,
    props: { metric: IMetric; threshold: number; comparison?: ComparisonOperator; missingData?: TreatMissingData },
  ): void {
    const alarm = new Alarm(this, name, {
      alarmDescription: `duma-alerts: ${description}`,
      metric: props.metric,
      threshold: props.threshold,
      evaluationPeriods: 1,
      comparisonOperator: props.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means nothing happened (no messages, no errors, no mail sent), except where an alarm says otherwise.
      treatMissingData: props.missingData ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.operatorsTopic));
    this.alarms.push(alarm);
  }

  private buildDashboard(props: MonitoringProps): Dashboard {
    const period = Duration.minutes(5);
    const own = (source: ServiceFunction, metricName: string) => ownMetric(source, metricName, period, `${source.spec.name} ${metricName}`);
    const sesEvents = props.functions.filter(({ spec }) => spec.name === 'ses-events');
    const pollers = props.sources;
    const bills = pollers.filter((source) => source.spec.name === 'poll-bills');
    const feeds = pollers.filter((source) => source.spec.name === 'poll-feeds');
    const queues = Object.entries(props.queues);
    const graph = (title: string, left: IMetric[], width = 12): IWidget => new GraphWidget({ title, left, width, height: 6 });
    const widgets: IWidget[] = [
      new TextWidget({
        markdown: '# duma-alerts\nAlarms and their runbook: docs/deploy.md, "Alarms and runbook". Metric names: shared/metrics/metric-names.ts.',
        width: 24,
        height: 2,
      }),
      graph('Polls (runs completed, bills and feeds read)', [
        ...pollers.map((source) => own(source, POLL_COMPLETED)),
        ...bills.map((source) => own(source, BILLS_POLLED)),
        ...feeds.map((source) => own(source, FEEDS_POLLED)),
      ]),
      graph('Changes and news found', [...bills.map((source) => own(source, CHANGES_DETECTED)), ...feeds.map((source) => own(source, NEWS_ITEMS))]),
      graph('Source health (failed reads)', pollers.map((source) => own(source, SOURCE_ERRORS))),
      graph(
        'Poll runner (runs stopped early, runs leaving due bills)',
        bills.flatMap((source) => [own(source, POLL_STOPPED_EARLY), own(source, POLL_DUE_LEFT)]),
      ),
      graph(
        'Deliveries by channel (messages consumed)',
        queues.map(([key, queue]) => queue.metricNumberOfMessagesDeleted({ period, statistic: 'Sum', label: key })),
      ),
      graph(
        'Queue depths',
        queues.map(([key, queue]) => queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum', label: key })),
      ),
      graph(
        'Age of the oldest message (s)',
        queues.map(([key, queue]) => queue.metricApproximateAgeOfOldestMessage({ period, statistic: 'Maximum', label: key })),
      ),
      graph(
        'Dead-letter queues',
        Object.entries(props.deadLetterQueues).map(([name, queue]) =>
          queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum', label: name }),
        ),
      ),
      graph('SES reputation', [sesReputation('Reputation.BounceRate'), sesReputation('Reputation.ComplaintRate')]),
      graph(
        'SES events',
        sesEvents.flatMap((source) => [own(source, ADDRESSES_SUPPRESSED), own(source, SES_SEND_FAILURES), own(source, SES_DELIVERY_DELAYS)]),
      ),
      graph('Function errors', props.functions.map(({ spec, function: fn }) => fn.metricErrors({ period, statistic: 'Sum', label: spec.name })), 24),
      graph('HTTP API', [
        props.httpApi.metricServerError({ period, statistic: 'Sum', label: '5xx' }),
        props.httpApi.metricClientError({ period, statistic: 'Sum', label: '4xx' }),
      ]),
      graph('DynamoDB throttles', [tableThrottles(props.table, period)]),
    ];
    return new Dashboard(this, 'Dashboard', { widgets: [widgets] });
  }
}

/** A metric a function publishes (shared/metrics), on its `service` dimension; `label` names it on a graph. */
function ownMetric(source: ServiceFunction, metricName: string, period: Duration, label?: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: serviceNameOf(source.spec.name) },
    statistic: 'Sum',
    period,
    ...(label ? { label } : {}),
  });
}

function sesReputation(metricName: string): Metric {
  return new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
}

/** Read and write throttle events of the table together. */
function tableThrottles(table: ITable, period: Duration): MathExpression {
  const events = (metricName: string) =>
    new Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: table.tableName }, statistic: 'Sum', period });
  return new MathExpression({
    expression: 'FILL(reads, 0) + FILL(writes, 0)',
    usingMetrics: { reads: events('ReadThrottleEvents'), writes: events('WriteThrottleEvents') },
    label: 'throttle events',
    period,
  });
}
