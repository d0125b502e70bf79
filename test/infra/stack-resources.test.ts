import { readFileSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { FUNCTION_CATALOG } from '../../infra/function-catalog.js';
import { DeliveryConfigSchema } from '../../shared/config/delivery-config.js';
import { allFunctionsDir, functionsDirWith, synthStack } from './synth-stack.js';

/** Resources of one type, by logical id. */
function resourcesOf(template: Template, type: string): Record<string, { Properties: Record<string, any> }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, any> }>;
}

describe('the stack with every function of the catalog', () => {
  let template: Template;
  beforeAll(() => {
    ({ template } = synthStack({ functionsDir: allFunctionsDir() }));
  });

  it('has exactly the resources the service needs, kind by kind', () => {
    // Act
    const counts = Object.fromEntries(
      Object.entries(
        Object.values(template.toJSON().Resources as Record<string, { Type: string }>).reduce<Record<string, number>>((acc, r) => {
          acc[r.Type] = (acc[r.Type] ?? 0) + 1;
          return acc;
        }, {}),
      ).sort(),
    );

    // Assert
    expect(counts).toEqual({
      'AWS::ApiGatewayV2::Api': 1,
      // The api on $default, the console on /admin and /admin/{proxy+}.
      'AWS::ApiGatewayV2::Integration': 2,
      'AWS::ApiGatewayV2::Route': 3,
      'AWS::ApiGatewayV2::Stage': 1,
      'AWS::CloudWatch::Alarm': 60,
      'AWS::CloudWatch::Dashboard': 1,
      'AWS::DynamoDB::GlobalTable': 1,
      'AWS::IAM::Policy': 17,
      'AWS::IAM::Role': 17,
      'AWS::Lambda::EventInvokeConfig': 5,
      'AWS::Lambda::EventSourceMapping': 6,
      'AWS::Lambda::Function': 12,
      'AWS::Lambda::Permission': 4,
      'AWS::Logs::LogGroup': 13,
      'AWS::SES::ConfigurationSet': 1,
      'AWS::SES::ConfigurationSetEventDestination': 1,
      'AWS::SES::EmailIdentity': 1,
      'AWS::SNS::Subscription': 2,
      'AWS::SNS::Topic': 2,
      'AWS::SNS::TopicPolicy': 2,
      'AWS::SQS::Queue': 13,
      'AWS::SQS::QueuePolicy': 13,
      'AWS::Scheduler::Schedule': 5,
      'AWS::SecretsManager::Secret': 2,
    });
  });

  it('keeps the token signing key when the stack is deleted, as every unsubscribe link already sent needs it, but not the admin key', () => {
    // Act
    const secrets = Object.entries(template.findResources('AWS::SecretsManager::Secret')).map(([id, secret]) => [
      id.replace(/[0-9A-F]{8}$/, ''),
      secret.DeletionPolicy,
    ]);

    // Assert
    expect(secrets).toEqual([
      ['SecretsTokenSigningKey', 'Retain'],
      ['SecretsAdminApiKey', 'Delete'],
    ]);
  });

  it('keeps the single table with PK/SK, GSI1, TTL on expiresAt and point-in-time recovery', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
    });
    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' });
  });

  it('bundles every function as Node.js 22 on arm64 with Powertools settings, its own timeout and memory', () => {
    // Act
    const functions = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).map(({ Properties: p }) => ({
      description: p.Description,
      runtime: p.Runtime,
      architectures: p.Architectures,
      memory: p.MemorySize,
      timeout: p.Timeout,
      handler: p.Handler,
      service: p.Environment.Variables.POWERTOOLS_SERVICE_NAME.replace(/\.[a-z-]+$/, '.<function>'),
      namespace: p.Environment.Variables.POWERTOOLS_METRICS_NAMESPACE,
      logLevel: p.Environment.Variables.LOG_LEVEL,
      nodeOptions: p.Environment.Variables.NODE_OPTIONS,
    }));

    // Assert
    const common = {
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      service: 'duma-alerts.<function>',
      namespace: 'DumaAlerts',
      logLevel: 'INFO',
      nodeOptions: '--enable-source-maps',
    };
    expect(Object.fromEntries(functions.map(({ description, memory, timeout, ...rest }) => [description, [memory, timeout, rest]]))).toEqual({
      'Polls every watched bill on sozd.duma.gov.ru and queues what changed': [512, 540, common],
      "Polls the bills of one poll task (a scheduled run's overflow) at the pace every poller shares": [512, 300, common],
      'Polls the news feeds, matches topics and bill numbers, and queues the matches': [512, 300, common],
      "Re-queues changes and dropped bills' notices that were written but never queued": [256, 60, common],
      'Turns one change or news item into one message per follower and channel': [512, 300, common],
      'Sends one alert email per change and subscriber through SES': [512, 30, common],
      'Delivers signed webhook, Slack and Telegram messages, with retries': [256, 90, common],
      'Re-queues webhook, Slack and Telegram retries parked beyond the 15-minute SQS delay once they are due': [256, 60, common],
      'Sends the daily and weekly digests and the week-ahead emails and posts that are due': [512, 600, common],
      'Puts bouncing and complaining addresses on the suppression list': [256, 30, common],
      'HTTP API and web pages: sign-up, confirmation, preferences, unsubscribe, admin API': [512, 10, common],
      'The operator console at /admin: bills, subscribers, topics, endpoints, feeds, queues': [512, 10, common],
    });
    for (const group of Object.values(resourcesOf(template, 'AWS::Logs::LogGroup'))) expect(group.Properties.RetentionInDays).toBe(30);
  });

  it('traces every function with X-Ray (active tracing), and every handler through lambdaHandler (Tracer subsegments, Lambda context in logs)', () => {
    // Act
    const modes = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).map(({ Properties: p }) => p.TracingConfig?.Mode);
    const unwrapped = FUNCTION_CATALOG.map((spec) => spec.name).filter((name) => {
      const source = readFileSync(new URL(`../../functions/${name}.ts`, import.meta.url), 'utf8');
      return !/^export const handler = lambdaHandler\(/m.test(source);
    });

    // Assert
    expect(modes).toEqual(Array(FUNCTION_CATALOG.length).fill('Active'));
    expect(FUNCTION_CATALOG).toHaveLength(12);
    expect(unwrapped).toEqual([]);
  });

  it('sets each function the variables of what it may use: its queues, its secrets by ARN, its SES settings, and no more', () => {
    // Act
    const common = ['LOG_LEVEL', 'NODE_OPTIONS', 'POWERTOOLS_METRICS_NAMESPACE', 'POWERTOOLS_SERVICE_NAME', 'PUBLIC_BASE_URL', 'TABLE_NAME'];
    const extras = Object.fromEntries(
      Object.values(resourcesOf(template, 'AWS::Lambda::Function')).map(({ Properties: p }) => {
        const variables = p.Environment.Variables as Record<string, unknown>;
        expect(Object.keys(variables)).toEqual(expect.arrayContaining(common));
        const name = (variables.POWERTOOLS_SERVICE_NAME as string).replace('duma-alerts.', '');
        return [name, Object.keys(variables).filter((key) => !common.includes(key)).sort()];
      }),
    );

    // Assert: WEBHOOK_ALLOW_HOSTS (local runs only) and plain secrets never appear.
    const ses = ['SENDER_EMAIL', 'SES_CONFIGURATION_SET'];
    expect(extras).toEqual({
      'poll-bills': ['FAN_OUT_QUEUE_URL', 'POLL_TASKS_QUEUE_URL'],
      'poll-bill-tasks': ['FAN_OUT_QUEUE_URL'],
      'poll-feeds': ['FAN_OUT_QUEUE_URL'],
      sweeper: ['FAN_OUT_QUEUE_URL'],
      'fan-out': ['EMAIL_QUEUE_URL', 'SLACK_QUEUE_URL', 'TELEGRAM_QUEUE_URL', 'WEBHOOK_QUEUE_URL'],
      'send-email': [...ses, 'SES_SEND_RATE_PER_INVOCATION', 'TOKEN_SECRETS_ARN'].sort(),
      'deliver-webhook': [...ses, 'SLACK_QUEUE_URL', 'TELEGRAM_QUEUE_URL', 'WEBHOOK_QUEUE_URL'].sort(),
      'redrive-webhooks': ['SLACK_QUEUE_URL', 'TELEGRAM_QUEUE_URL', 'WEBHOOK_QUEUE_URL'],
      'send-digests': ['DIGEST_HOUR', ...ses, 'TOKEN_SECRETS_ARN'].sort(),
      'ses-events': [],
      api: ['ADMIN_API_KEY_ARN', ...ses, 'SLACK_QUEUE_URL', 'TELEGRAM_QUEUE_URL', 'TOKEN_SECRETS_ARN', 'WEBHOOK_QUEUE_URL'].sort(),
      // The console reads every queue and its dead-letter queue; it sends no email.
      console: [
        'ADMIN_API_KEY_ARN',
        'EMAIL_DLQ_URL',
        'EMAIL_QUEUE_URL',
        'FAN_OUT_DLQ_URL',
        'FAN_OUT_QUEUE_URL',
        'POLL_TASKS_DLQ_URL',
        'POLL_TASKS_QUEUE_URL',
        'SLACK_DLQ_URL',
        'SLACK_QUEUE_URL',
        'TELEGRAM_DLQ_URL',
        'TELEGRAM_QUEUE_URL',
        'TOKEN_SECRETS_ARN',
        'WEBHOOK_DLQ_URL',
        'WEBHOOK_QUEUE_URL',
      ].sort(),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Sends the daily and weekly digests and the week-ahead emails and posts that are due',
      Environment: { Variables: Match.objectLike({ DIGEST_HOUR: '8' }) },
    });
  });

  it('passes the feeds parameter to poll-feeds as FEEDS, the JSON that shared/config reads', () => {
    // Arrange
    const feeds = [{ id: 'meduza-ru', url: 'https://meduza.io/rss/all', language: 'ru', label: 'Медуза' }];

    // Act
    const { template: withFeeds } = synthStack({ functionsDir: functionsDirWith(['poll-feeds', 'send-email']), context: { feeds } });

    // Assert
    withFeeds.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Polls the news feeds, matches topics and bill numbers, and queues the matches',
      Environment: { Variables: Match.objectLike({ FEEDS: JSON.stringify(feeds) }) },
    });
  });

  it('gives each queue a dead-letter queue after 5 receives and a visibility timeout of 6× its consumer timeout', () => {
    // Act
    const queues = Object.values(resourcesOf(template, 'AWS::SQS::Queue')).map(({ Properties: p }) => ({
      visibility: p.VisibilityTimeout,
      maxReceiveCount: p.RedrivePolicy?.maxReceiveCount,
      deadLetterTarget: p.RedrivePolicy?.deadLetterTargetArn['Fn::GetAtt'][0],
      retention: p.MessageRetentionPeriod,
      sse: p.SqsManagedSseEnabled,
    }));

    // Assert: poll-bill-tasks 300 s, fan-out 300 s, send-email 30 s, deliver-webhook 90 s consumers (webhook, Slack and Telegram); DLQs kept 14 days.
    const dlq = { visibility: undefined, maxReceiveCount: undefined, deadLetterTarget: undefined, retention: 1209600, sse: true };
    expect(queues).toEqual([
      dlq,
      { visibility: 1800, maxReceiveCount: 5, deadLetterTarget: expect.stringMatching(/^DeliverypollTasksdlq/), retention: undefined, sse: true },
      dlq,
      { visibility: 1800, maxReceiveCount: 5, deadLetterTarget: expect.stringMatching(/^DeliveryfanOutdlq/), retention: undefined, sse: true },
      dlq,
      { visibility: 180, maxReceiveCount: 5, deadLetterTarget: expect.stringMatching(/^Deliveryemaildlq/), retention: undefined, sse: true },
      dlq,
      { visibility: 540, maxReceiveCount: 5, deadLetterTarget: expect.stringMatching(/^Deliverywebhookdlq/), retention: undefined, sse: true },
      dlq,
      { visibility: 540, maxReceiveCount: 5, deadLetterTarget: expect.stringMatching(/^Deliveryslackdlq/), retention: undefined, sse: true },
      dlq,
      { visibility: 540, maxReceiveCount: 5, deadLetterTarget: expect.stringMatching(/^Deliverytelegramdlq/), retention: undefined, sse: true },
      dlq,
    ]);
    // A webhook or Slack message must stay invisible while its delivery claim is held (2 × attempt timeout + 10 s).
    const claimSeconds = (2 * DeliveryConfigSchema.parse({}).timeoutMs + 10_000) / 1000;
    expect(claimSeconds).toBe(40);
    expect(queues[7]!.visibility).toBeGreaterThanOrEqual(claimSeconds + 5);
    expect(queues[9]!.visibility).toBeGreaterThanOrEqual(claimSeconds + 5);
    expect(queues[11]!.visibility).toBeGreaterThanOrEqual(claimSeconds + 5);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Puts bouncing and complaining addresses on the suppression list',
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Deliveryseseventsdlq'), 'Arn'] } },
    });
  });

  it('consumes the queues with partial batch responses and a maximum concurrency each, send-email at the SES-rate parameter', () => {
    // Act
    const mappings = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).map(({ Properties: p }) => ({
      queue: p.EventSourceArn['Fn::GetAtt'][0].replace(/Queue.*/, ''),
      batchSize: p.BatchSize,
      responseTypes: p.FunctionResponseTypes,
      maxConcurrency: p.ScalingConfig?.MaximumConcurrency,
    }));

    // Assert
    expect(mappings).toEqual([
      { queue: 'DeliverypollTasks', batchSize: 1, responseTypes: ['ReportBatchItemFailures'], maxConcurrency: 4 },
      { queue: 'DeliveryfanOut', batchSize: 1, responseTypes: ['ReportBatchItemFailures'], maxConcurrency: 10 },
      { queue: 'Deliveryemail', batchSize: 1, responseTypes: ['ReportBatchItemFailures'], maxConcurrency: 2 },
      { queue: 'Deliverywebhook', batchSize: 5, responseTypes: ['ReportBatchItemFailures'], maxConcurrency: 10 },
      { queue: 'Deliveryslack', batchSize: 5, responseTypes: ['ReportBatchItemFailures'], maxConcurrency: 10 },
      { queue: 'Deliverytelegram', batchSize: 5, responseTypes: ['ReportBatchItemFailures'], maxConcurrency: 10 },
    ]);
  });

  it('schedules the pollers, sweeper and digests at the rates of the parameters, one run at a time, dropped when a minute late', () => {
    // Act
    const schedules = Object.values(resourcesOf(template, 'AWS::Scheduler::Schedule')).map(({ Properties: p }) => [
      p.Description,
      p.ScheduleExpression,
      p.Target.RetryPolicy,
    ]);
    const asyncInvokes = Object.values(resourcesOf(template, 'AWS::Lambda::EventInvokeConfig')).map(({ Properties: p }) => [
      p.MaximumRetryAttempts,
      p.MaximumEventAgeInSeconds,
    ]);
    const reserved = Object.values(resourcesOf(template, 'AWS::Lambda::Function'))
      .filter(({ Properties: p }) => p.ReservedConcurrentExecutions !== undefined)
      .map(({ Properties: p }) => [p.Environment.Variables.POWERTOOLS_SERVICE_NAME, p.ReservedConcurrentExecutions]);

    // Assert: Scheduler retries a failed Invoke call within the minute; Lambda never re-runs a failed run.
    const retry = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 };
    expect(schedules).toEqual([
      ['duma-alerts: run sweeper every 2 min', 'rate(2 minutes)', retry],
      ['duma-alerts: run redrive-webhooks every 1 min', 'rate(1 minute)', retry],
      ['duma-alerts: run send-digests every 60 min', 'rate(1 hour)', retry],
      ['duma-alerts: run poll-bills every 10 min', 'rate(10 minutes)', retry],
      ['duma-alerts: run poll-feeds every 15 min', 'rate(15 minutes)', retry],
    ]);
    expect(asyncInvokes).toEqual([[0, 60], [0, 60], [0, 60], [0, 60], [0, 60]]);
    expect(reserved).toEqual([
      ['duma-alerts.sweeper', 1],
      ['duma-alerts.redrive-webhooks', 1],
      ['duma-alerts.send-digests', 1],
      ['duma-alerts.poll-bills', 1],
      ['duma-alerts.poll-feeds', 1],
    ]);
  });

  it('serves the console\'s paths from the console function and every other route from the api function, throttled and access-logged', () => {
    // Act: each route's key and the function its integration invokes.
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    const functionOf = (integrationId: string) => {
      const uri = JSON.stringify(integrations[integrationId]?.Properties.IntegrationUri);
      return /"(Api(?:api|console)Function\w*)"/.exec(uri)?.[1]?.replace(/^Api(\w+?)Function.*$/, '$1');
    };
    const routes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map(({ Properties: p }) => [
      p.RouteKey,
      p.AuthorizationType,
      functionOf(p.Target['Fn::Join'][1][1].Ref),
    ]);

    // Assert
    expect(routes.sort()).toEqual([
      ['$default', 'NONE', 'api'],
      ['ANY /admin', 'NONE', 'console'],
      ['ANY /admin/{proxy+}', 'NONE', 'console'],
    ]);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('routes every SES sending event but deliveries through an SNS topic to ses-events, for a domain identity with DKIM and MAIL FROM', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint', 'reject', 'renderingFailure', 'deliveryDelay'],
        SnsDestination: Match.anyValue(),
      },
    });
    // The documented default: the sender's domain, Easy DKIM, and mail.<domain> as MAIL FROM.
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'duma-alerts.test',
      MailFromAttributes: { MailFromDomain: 'mail.duma-alerts.test', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
    });
    template.resourcePropertiesCountIs('AWS::SES::EmailIdentity', { DkimAttributes: { SigningEnabled: false } }, 0);
    const outputs = Object.keys(template.toJSON().Outputs as Record<string, unknown>).sort();
    expect(outputs).toEqual(expect.arrayContaining(['DkimRecord1', 'DkimRecord2', 'DkimRecord3', 'MailFromMxRecord', 'MailFromSpfRecord']));
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: Match.stringLikeRegexp('^DeliverySesEventsTopic') },
      Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Deliverysesevents'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@duma-alerts.test' });
  });

  it('creates an address identity without MAIL FROM or DNS outputs when senderIdentity is the address (trials)', () => {
    // Act
    const { template: trial } = synthStack({ functionsDir: functionsDirWith(['send-email']), context: { senderIdentity: 'alerts@duma-alerts.test' } });

    // Assert
    const identities = Object.values(resourcesOf(trial, 'AWS::SES::EmailIdentity')).map(({ Properties: p }) => [p.EmailIdentity, p.MailFromAttributes]);
    expect(identities).toEqual([['alerts@duma-alerts.test', undefined]]);
    expect(Object.keys(trial.toJSON().Outputs as Record<string, unknown>).filter((key) => /Dkim|MailFrom/.test(key))).toEqual([]);
  });

  it('paces each send-email invocation at its share of the SES rate: the rate parameter over the maximum concurrency', () => {
    // Act
    const { template: production } = synthStack({ functionsDir: functionsDirWith(['send-email']), context: { sesMaxSendRate: '14', emailMaxConcurrency: '4' } });

    // Assert
    production.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ SES_SEND_RATE_PER_INVOCATION: '3.5' }) } });
    production.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 4 } });
  });

  it('alarms the operators on DLQs, queue age, missing polls, the poll runner stopping early or leaving due bills, source errors, function errors, throttles and duration, API 5xx, DynamoDB throttles and SES reputation', () => {
    // Act
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map(({ Properties: p }) => p);
    const nameOf = (p: Record<string, any>) => p.MetricName ?? `math:${p.Metrics.map((m: any) => m.MetricStat?.Metric.MetricName).filter(Boolean).join('+')}`;
    const byMetric = alarms.reduce<Record<string, number>>((acc, p) => {
      const key = `${p.Namespace ?? p.Metrics[1].MetricStat.Metric.Namespace}/${nameOf(p)}`;
      acc[key] = (acc[key] ?? 0) + 1;
      return acc;
    }, {});

    // Assert
    expect(byMetric).toEqual({
      'AWS/SQS/ApproximateNumberOfMessagesVisible': 7,
      'AWS/SQS/ApproximateAgeOfOldestMessage': 6,
      'AWS/Lambda/Errors': 12,
      'AWS/Lambda/Throttles': 12,
      'AWS/Lambda/Duration': 12,
      'DumaAlerts/SourceErrors': 2,
      'DumaAlerts/PollCompleted': 2,
      'DumaAlerts/PollStoppedEarly': 1,
      'DumaAlerts/PollDueLeft': 1,
      'DumaAlerts/SesSendFailures': 1,
      'AWS/ApiGateway/5xx': 1,
      'AWS/DynamoDB/math:ReadThrottleEvents+WriteThrottleEvents': 1,
      'AWS/SES/Reputation.BounceRate': 1,
      'AWS/SES/Reputation.ComplaintRate': 1,
    });
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^MonitoringOperatorsTopic/) }]);
      expect(alarm.AlarmDescription).toMatch(/^duma-alerts: .+\. Runbook: .+/);
    }
    // One per poller, on the service dimension that shared/metrics/poll-metrics.ts publishes with.
    expect(
      alarms.filter((p) => p.MetricName === 'SourceErrors').map((p) => [p.Dimensions, p.Period, p.Statistic, p.Threshold]),
    ).toEqual([
      [[{ Name: 'service', Value: 'duma-alerts.poll-bills' }], 3600, 'Sum', 30],
      [[{ Name: 'service', Value: 'duma-alerts.poll-feeds' }], 3600, 'Sum', 30],
    ]);
    // A missing heartbeat over three ticks pages, and no data at all counts as missing.
    expect(
      alarms.filter((p) => p.MetricName === 'PollCompleted').map((p) => [p.Dimensions[0].Value, p.Period, p.Threshold, p.ComparisonOperator, p.TreatMissingData]),
    ).toEqual([
      ['duma-alerts.poll-bills', 1800, 1, 'LessThanThreshold', 'breaching'],
      ['duma-alerts.poll-feeds', 2700, 1, 'LessThanThreshold', 'breaching'],
    ]);
    // The poll runner's own health: half of the last six ticks (an hour) stopping early or leaving due bills.
    expect(
      alarms.filter((p) => ['PollStoppedEarly', 'PollDueLeft'].includes(p.MetricName)).map((p) => [p.MetricName, p.Dimensions[0].Value, p.Period, p.Statistic, p.Threshold, p.ComparisonOperator]),
    ).toEqual([
      ['PollStoppedEarly', 'duma-alerts.poll-bills', 3600, 'Sum', 3, 'GreaterThanOrEqualToThreshold'],
      ['PollDueLeft', 'duma-alerts.poll-bills', 3600, 'Sum', 3, 'GreaterThanOrEqualToThreshold'],
    ]);
    // Duration at 80 % of each function's own timeout.
    expect(Object.fromEntries(alarms.filter((p) => p.MetricName === 'Duration').map((p) => [p.AlarmDescription.split(' ')[1], [p.Statistic, p.Threshold]]))).toEqual({
      'poll-bills': ['Maximum', 432_000],
      'poll-bill-tasks': ['Maximum', 240_000],
      'poll-feeds': ['Maximum', 240_000],
      sweeper: ['Maximum', 48_000],
      'fan-out': ['Maximum', 240_000],
      'send-email': ['Maximum', 24_000],
      'deliver-webhook': ['Maximum', 72_000],
      'redrive-webhooks': ['Maximum', 48_000],
      'send-digests': ['Maximum', 480_000],
      'ses-events': ['Maximum', 24_000],
      api: ['Maximum', 8_000],
      console: ['Maximum', 8_000],
    });
    // One per dead-letter queue, the webhook, Slack and Telegram ones included; the work queues alarm on age, at 30 min.
    expect(
      alarms.filter((p) => p.MetricName === 'ApproximateNumberOfMessagesVisible').map((p) => [p.Dimensions[0].Value['Fn::GetAtt'][0].replace(/dlq.*$/, ''), p.Threshold]),
    ).toEqual([
      ['DeliverypollTasks', 1],
      ['DeliveryfanOut', 1],
      ['Deliveryemail', 1],
      ['Deliverywebhook', 1],
      ['Deliveryslack', 1],
      ['Deliverytelegram', 1],
      ['Deliverysesevents', 1],
    ]);
    expect(
      alarms.filter((p) => p.MetricName === 'ApproximateAgeOfOldestMessage').map((p) => [p.Dimensions[0].Value['Fn::GetAtt'][0].replace(/Queue.*$/, ''), p.Threshold]),
    ).toEqual([
      ['DeliverypollTasks', 1800],
      ['DeliveryfanOut', 1800],
      ['Deliveryemail', 1800],
      ['Deliverywebhook', 1800],
      ['Deliveryslack', 1800],
      ['Deliverytelegram', 1800],
    ]);
    expect(alarms.filter((p) => p.Namespace === 'AWS/SES').map((p) => p.Threshold)).toEqual([0.04, 0.0008]);
  });

  it('draws one dashboard of polls, changes, source health, the poll runner, deliveries by channel, queues, DLQs, SES reputation, errors, API and DynamoDB', () => {
    // Act
    const dashboard = Object.values(resourcesOf(template, 'AWS::CloudWatch::Dashboard'))[0]!;
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    const titles = [...body.matchAll(/\\"title\\":\\"([^"\\]+)\\"/g)].map((match) => match[1]);

    // Assert
    expect(titles).toEqual([
      'Polls (runs completed, bills and feeds read)',
      'Changes and news found',
      'Source health (failed reads)',
      'Poll runner (runs stopped early, runs leaving due bills)',
      'Deliveries by channel (messages consumed)',
      'Queue depths',
      'Age of the oldest message (s)',
      'Dead-letter queues',
      'SES reputation',
      'SES events',
      'Function errors',
      'HTTP API',
      'DynamoDB throttles',
    ]);
  });
});

describe('the stack while functions are still being written', () => {
  it('deploys only the handlers that exist, and only the queues whose consumer exists', () => {
    // Arrange: poll-bill-tasks has landed, fan-out has not.
    const functionsDir = functionsDirWith(['poll-bills', 'poll-bill-tasks']);

    // Act
    const { stack, template } = synthStack({ functionsDir });

    // Assert
    expect(stack.deployedFunctions.map((spec) => spec.name)).toEqual(['poll-bills', 'poll-bill-tasks']);
    template.resourceCountIs('AWS::Lambda::Function', 2);
    template.resourceCountIs('AWS::SQS::Queue', 2);
    template.resourceCountIs('AWS::Scheduler::Schedule', 1);
    const pollBills = Object.values(template.findResources('AWS::Lambda::Function')).find((r) =>
      (r.Properties.Description as string).startsWith('Polls every watched bill'),
    )!;
    // The poll-tasks queue exists (poll-bill-tasks consumes it), the fan-out queue does not: only the first is passed on.
    expect(Object.keys(pollBills.Properties.Environment.Variables).sort()).toEqual([
      'LOG_LEVEL',
      'NODE_OPTIONS',
      'POLL_TASKS_QUEUE_URL',
      'POWERTOOLS_METRICS_NAMESPACE',
      'POWERTOOLS_SERVICE_NAME',
      'PUBLIC_BASE_URL',
      'TABLE_NAME',
    ]);
  });
});
