import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Parameters } from '../parameters.js';
import { SOURCE_ERRORS } from '../../shared/metrics/metric-names.js';
import { METRICS_NAMESPACE } from '../../shared/metrics/poll-metrics.js';
import { serviceNameOf, type ServiceFunction } from './service-function.js';

export interface MonitoringProps {
  parameters: Parameters;
  functions: readonly ServiceFunction[];
  /** The pollers, whose failed reads are counted in {@link SOURCE_ERRORS}. */
  sources: readonly ServiceFunction[];
  deadLetterQueues: Record<string, IQueue>;
}

/**
 * Alarms to the operators' SNS topic (email subscription): anything in a dead-letter queue, persistent source
 * errors, any function error or throttle, and SES bounce and complaint rates before SES itself reacts.
 */
export class Monitoring extends Construct {
  readonly operatorsTopic: Topic;
  readonly alarms: Alarm[] = [];

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

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      this.alarm(`${name}-not-empty`, `Messages are waiting in ${name}: inspect them, fix the cause, redrive`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: 1,
      });
    }
    for (const { spec, function: fn } of props.functions) {
      const period = Duration.minutes(5);
      this.alarm(`${spec.name}-errors`, `${spec.name} failed (an uncaught error or a timeout)`, {
        metric: fn.metricErrors({ period, statistic: 'Sum' }),
        threshold: 1,
      });
      this.alarm(`${spec.name}-throttles`, `${spec.name} was throttled: account concurrency is exhausted`, {
        metric: fn.metricThrottles({ period, statistic: 'Sum' }),
        threshold: 1,
      });
    }
    for (const { spec } of props.sources) {
      this.alarm(`${spec.name}-source-errors`, `${spec.name} failed to read its sources more than ${parameters.sourceErrorsPerHourAlarm} times in an hour`, {
        metric: new Metric({
          namespace: METRICS_NAMESPACE,
          metricName: SOURCE_ERRORS,
          dimensionsMap: { service: serviceNameOf(spec.name) },
          statistic: 'Sum',
          period: Duration.hours(1),
        }),
        threshold: parameters.sourceErrorsPerHourAlarm,
      });
    }
    this.alarm('ses-bounce-rate', 'SES bounce rate is near the 5 % at which AWS reviews the account', {
      metric: sesReputation('Reputation.BounceRate'),
      threshold: parameters.bounceRateAlarm,
    });
    this.alarm('ses-complaint-rate', 'SES complaint rate is near the 0.1 % at which AWS reviews the account', {
      metric: sesReputation('Reputation.ComplaintRate'),
      threshold: parameters.complaintRateAlarm,
    });
  }

  private alarm(name: string, description: string, props: { metric: IMetric; threshold: number }): void {
    const alarm = new Alarm(this, name, {
      alarmDescription: `duma-alerts: ${description}`,
      metric: props.metric,
      threshold: props.threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means nothing happened: no messages, no errors, no mail sent.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.operatorsTopic));
    this.alarms.push(alarm);
  }
}

function sesReputation(metricName: string): Metric {
  return new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
}
