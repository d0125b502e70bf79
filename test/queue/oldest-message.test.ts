import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudWatchOldestMessages } from '../../shared/queue/oldest-message.js';

/*
 * The console's source of each queue's oldest message in AWS: one signed CloudWatch GetMetricData call (AWS JSON 1.0),
 * answered here by a stand-in CloudWatch on loopback that records what it was sent.
 */

let server: Server;
let endpoint: string;
let answer: { status: number; body: unknown } = { status: 200, body: {} };
const seen: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ headers: request.headers, body: JSON.parse(body) as Record<string, unknown> });
      response.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const NOW = new Date('2026-12-02T12:00:00Z');
const QUEUES = ['https://sqs.eu-central-1.amazonaws.com/123456789012/duma-alerts-email', 'https://sqs.eu-central-1.amazonaws.com/123456789012/duma-alerts-email-dlq'];
const reader = () =>
  cloudWatchOldestMessages({
    region: async () => 'eu-central-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    endpoint,
    now: () => NOW,
  });

describe('each queue\'s oldest message from CloudWatch (AWS)', () => {
  it('asks GetMetricData, signed as the role, for each queue\'s ApproximateAgeOfOldestMessage over the last 15 minutes, newest first', async () => {
    // Arrange
    answer = { status: 200, body: { MetricDataResults: [] } };
    seen.length = 0;

    // Act
    await reader()(QUEUES);

    // Assert
    const [request] = seen;
    expect(request!.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.GetMetricData');
    expect(request!.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(request!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/monitoring\/aws4_request, SignedHeaders=\S*x-amz-target\S*, Signature=[0-9a-f]{64}$/);
    expect(request!.body).toEqual({
      MetricDataQueries: ['duma-alerts-email', 'duma-alerts-email-dlq'].map((name, index) => ({
        Id: `q${index}`,
        MetricStat: { Metric: { Namespace: 'AWS/SQS', MetricName: 'ApproximateAgeOfOldestMessage', Dimensions: [{ Name: 'QueueName', Value: name }] }, Period: 60, Stat: 'Maximum' },
      })),
      StartTime: NOW.getTime() / 1000 - 900,
      EndTime: NOW.getTime() / 1000,
      ScanBy: 'TimestampDescending',
    });
  });

  it('dates the oldest message by the newest datapoint less its age; an age of 0 is an empty queue, no datapoint is unknown', async () => {
    // Arrange: at 11:59 the email queue's oldest message was 90 s old; the DLQ was empty; a third queue was idle.
    const at = Date.parse('2026-12-02T11:59:00Z') / 1000;
    answer = {
      status: 200,
      body: { MetricDataResults: [{ Id: 'q0', Timestamps: [at, at - 60], Values: [90, 30] }, { Id: 'q1', Timestamps: [at], Values: [0] }, { Id: 'q2', Timestamps: [], Values: [] }] },
    };

    // Act
    const oldest = await reader()([...QUEUES, 'https://sqs.eu-central-1.amazonaws.com/123456789012/idle']);

    // Assert
    expect(oldest).toEqual([
      { kind: 'sent', at: '2026-12-02T11:57:30.000Z' },
      { kind: 'empty' },
      { kind: 'unknown', reason: 'no CloudWatch datapoint in the last 15 minutes' },
    ]);
  });

  it('says CloudWatch refused rather than failing the page when the role may not read metrics', async () => {
    // Arrange
    answer = { status: 400, body: { __type: 'AccessDeniedException' } };

    // Act
    const oldest = await reader()(QUEUES);

    // Assert
    expect(oldest).toEqual([
      { kind: 'unknown', reason: 'CloudWatch answered 400' },
      { kind: 'unknown', reason: 'CloudWatch answered 400' },
    ]);
  });
});
