import { readFileSync } from 'node:fs';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createMetrics, METRICS_NAMESPACE, publishFeedPollMetrics, publishPollMetrics } from '../../shared/metrics/poll-metrics.js';
import { publishSesEventMetrics } from '../../shared/metrics/ses-event-metrics.js';
import { allFunctionsDir, synthStack } from './synth-stack.js';

/**
 * Variables API Gateway accepts in an HTTP API's access-log format
 * (docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html), the ones this service
 * could use; REST-only variables such as `resourcePath` are absent.
 */
const HTTP_API_LOG_VARIABLES = new Set([
  'accountId', 'apiId', 'awsEndpointRequestId', 'dataProcessed', 'domainName', 'domainPrefix', 'error.message',
  'error.messageString', 'error.responseType', 'extendedRequestId', 'httpMethod', 'identity.sourceIp', 'identity.userAgent',
  'integration.error', 'integration.integrationStatus', 'integration.latency', 'integration.requestId', 'integration.status',
  'integrationErrorMessage', 'integrationLatency', 'integrationStatus', 'path', 'protocol', 'requestId', 'requestTime',
  'requestTimeEpoch', 'responseLatency', 'responseLength', 'routeKey', 'stage', 'status',
]);

/**
 * The metric names each function's real publisher emits, read from the EMF document it would print. A handler
 * listed here must call that publisher, so the list cannot drift from the code.
 */
function emittedMetricNames(publish: (metrics: Metrics) => void, component: string): string[] {
  const metrics = createMetrics(component);
  let document: ReturnType<Metrics['serializeMetrics']> | undefined;
  vi.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => {
    document = metrics.serializeMetrics();
    return metrics;
  });
  publish(metrics);
  return document!._aws.CloudWatchMetrics.flatMap((directive) => directive.Metrics.map((metric) => metric.Name)).sort();
}

const PUBLISHERS: Record<string, { call: string; publish: (metrics: Metrics) => void }> = {
  'poll-bills': {
    call: 'publishPollMetrics(',
    publish: (metrics) =>
      publishPollMetrics(metrics, {
        startedAt: '', finishedAt: '', bills: 3, changes: 1, errors: [],
        outcomes: { unchanged: 1, baseline: 0, changed: 1, 'no-new-events': 0, missing: 0, 'missing-later': 0, 'dropped-missing': 0, 'source-error': 1, conflict: 0 },
        stoppedEarly: true, queuedBills: 0, tasks: 0, dueLeft: true, fanOut: { queued: 1, unsent: 0, unmarked: 0 },
      }),
  },
  'poll-feeds': {
    call: 'publishFeedPollMetrics(',
    publish: (metrics) =>
      publishFeedPollMetrics(metrics, { startedAt: '', finishedAt: '', alertedItems: 0, feeds: [{ feedId: 'a', outcome: 'source-error', newItems: 0 }] }),
  },
  'ses-events': {
    call: 'publishSesEventMetrics(',
    publish: (metrics) => publishSesEventMetrics(metrics, { suppressed: [], sendFailures: 1, deliveryDelays: 0, ignored: 0 }),
  },
};

let template: Template;
beforeAll(() => {
  ({ template } = synthStack({ functionsDir: allFunctionsDir() }));
});

describe('alarms reach the operators', () => {
  it('lets CloudWatch (this account only) publish to the operators topic, besides refusing non-TLS publishers', () => {
    // Act
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy')).filter((policy) =>
      JSON.stringify(policy.Properties.Topics).includes('MonitoringOperatorsTopic'),
    );

    // Assert
    expect(policies).toHaveLength(1);
    const statements = policies[0]!.Properties.PolicyDocument.Statement as Array<Record<string, any>>;
    expect(statements.map((statement) => [statement.Effect, statement.Principal, statement.Action])).toEqual([
      ['Deny', '*', 'sns:Publish'],
      ['Allow', { Service: 'cloudwatch.amazonaws.com' }, 'sns:Publish'],
    ]);
    expect(statements[0]!.Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
    expect(statements[1]!.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } });
  });

  it('watches only metrics that some function publishes, on the service dimension it publishes them with', () => {
    // Arrange: what each handler's publisher emits.
    const emitted = Object.entries(PUBLISHERS).map(([name, { call, publish }]) => {
      expect(readFileSync(new URL(`../../functions/${name}.ts`, import.meta.url), 'utf8')).toContain(call);
      return [`duma-alerts.${name}`, emittedMetricNames(publish, name)] as const;
    });
    const published = new Set(emitted.flatMap(([service, names]) => names.map((name) => `${service}/${name}`)));

    // Act
    const own = Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .map(({ Properties: p }) => p)
      .filter((p) => p.Namespace === METRICS_NAMESPACE);
    const watched = own.map((p) => `${(p.Dimensions as Array<{ Name: string; Value: string }>).find((d) => d.Name === 'service')?.Value}/${p.MetricName}`);

    // Assert
    expect(own.length).toBeGreaterThan(0);
    expect(watched.filter((metric) => !published.has(metric))).toEqual([]);
    expect(Object.fromEntries(emitted)).toEqual({
      'duma-alerts.poll-bills': ['BillsPolled', 'ChangesDetected', 'FanOutLeftInOutbox', 'PollCompleted', 'PollDueLeft', 'PollStoppedEarly', 'PollTasksQueued', 'SourceErrors'],
      'duma-alerts.poll-feeds': ['FeedsPolled', 'NewsItems', 'PollCompleted', 'SourceErrors'],
      'duma-alerts.ses-events': ['AddressesSuppressed', 'SesDeliveryDelays', 'SesSendFailures'],
    });
    expect(watched.sort()).toEqual([
      'duma-alerts.poll-bills/PollCompleted',
      'duma-alerts.poll-bills/PollDueLeft',
      'duma-alerts.poll-bills/PollStoppedEarly',
      'duma-alerts.poll-bills/SourceErrors',
      'duma-alerts.poll-feeds/PollCompleted',
      'duma-alerts.poll-feeds/SourceErrors',
      'duma-alerts.ses-events/SesSendFailures',
    ]);
  });
});

describe('the HTTP API access log', () => {
  it('is one JSON object per request built only from variables HTTP APIs accept', () => {
    // Act
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    const format = stage.Properties.AccessLogSettings.Format as string;
    const variables = [...format.matchAll(/\$context\.([A-Za-z.]+)/g)].map((match) => match[1]!);

    // Assert
    expect(Object.keys(JSON.parse(format))).toEqual(expect.arrayContaining(['requestId', 'ip', 'requestTime', 'httpMethod', 'status']));
    expect(variables.filter((variable) => !HTTP_API_LOG_VARIABLES.has(variable))).toEqual([]);
  });
});
