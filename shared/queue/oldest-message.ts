import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import * as z from 'zod';

/** What is known of a queue's oldest message: when it was sent, that the queue is empty, or why it is not known. */
export type OldestMessage = { kind: 'sent'; at: string } | { kind: 'empty' } | { kind: 'unknown'; reason: string };

/** Reads the oldest message of each queue without receiving any (a receive would count towards its redrive policy). */
export type OldestMessageReader = (queueUrls: readonly string[]) => Promise<OldestMessage[]>;

/** The part of fauxqs's inspection answer read here: every message, ready, delayed or in flight, with when it was sent. */
const InspectionSchema = z.object({
  messages: z.object({
    ready: z.array(z.object({ sentTimestamp: z.number() })),
    delayed: z.array(z.object({ sentTimestamp: z.number() })),
    inflight: z.array(z.object({ message: z.object({ sentTimestamp: z.number() }) })),
  }),
});

/**
 * The oldest message of each queue of the local emulator, read from fauxqs's inspection endpoint
 * (`GET <endpoint>/_fauxqs/queues/<name>`), which lists every message without receiving it: no receive count moves
 * and no consumer misses a message while the console looks.
 */
export function fauxqsOldestMessages(inspectUrl: string, fetchImpl: typeof fetch = fetch): OldestMessageReader {
  return (queueUrls) =>
    Promise.all(
      queueUrls.map(async (queueUrl): Promise<OldestMessage> => {
        try {
          const response = await fetchImpl(new URL(`/_fauxqs/queues/${encodeURIComponent(queueNameOf(queueUrl))}`, inspectUrl), { signal: AbortSignal.timeout(2000) });
          if (!response.ok) return { kind: 'unknown', reason: `the emulator answered ${response.status}` };
          const { messages } = InspectionSchema.parse(await response.json());
          const sent = [...messages.ready, ...messages.delayed, ...messages.inflight.map((entry) => entry.message)].map((message) => message.sentTimestamp);
          return sent.length === 0 ? { kind: 'empty' } : { kind: 'sent', at: new Date(Math.min(...sent)).toISOString() };
        } catch (error) {
          return { kind: 'unknown', reason: (error as Error).message };
        }
      }),
    );
}

/** The part of CloudWatch's GetMetricData answer (AWS JSON 1.0) read here: the newest datapoint of each query. */
const MetricDataSchema = z.object({
  MetricDataResults: z.array(z.object({ Id: z.string(), Timestamps: z.array(z.number()).default([]), Values: z.array(z.number()).default([]) })).default([]),
});

/** How far back a datapoint still says something about now: SQS publishes its metrics every minute while a queue is active. */
const METRIC_WINDOW_MS = 15 * 60_000;

/** What the CloudWatch reader needs: the SQS client's region and credentials (the function's role), and fetch. */
export interface CloudWatchReaderOptions {
  region: () => Promise<string>;
  credentials: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
  /** CloudWatch's address; `https://monitoring.<region>.amazonaws.com` unless set (tests). */
  endpoint?: string;
  fetchImpl?: typeof fetch;
  now?: () => Date;
}

/**
 * The oldest message of each queue in AWS, from CloudWatch's ApproximateAgeOfOldestMessage (what the queue-age
 * alarms watch): one signed GetMetricData call over the last 15 minutes, the newest datapoint of each queue. SQS
 * itself tells a message's age only by receiving it, which the console does not do on a working queue. The call is
 * made with the SDK's own signer rather than the CloudWatch client, which would weigh on the api bundle for one call.
 */
export function cloudWatchOldestMessages(options: CloudWatchReaderOptions): OldestMessageReader {
  const signer = new SignatureV4({ service: 'monitoring', region: options.region, credentials: options.credentials, sha256: NodeSha256 });
  const fetchImpl = options.fetchImpl ?? fetch;
  return async (queueUrls) => {
    if (queueUrls.length === 0) return [];
    const now = options.now?.() ?? new Date();
    const endpoint = new URL(options.endpoint ?? `https://monitoring.${await options.region()}.amazonaws.com/`);
    const body = JSON.stringify({
      MetricDataQueries: queueUrls.map((queueUrl, index) => ({
        Id: `q${index}`,
        MetricStat: {
          Metric: { Namespace: 'AWS/SQS', MetricName: 'ApproximateAgeOfOldestMessage', Dimensions: [{ Name: 'QueueName', Value: queueNameOf(queueUrl) }] },
          Period: 60,
          Stat: 'Maximum',
        },
      })),
      StartTime: Math.floor((now.getTime() - METRIC_WINDOW_MS) / 1000),
      EndTime: Math.floor(now.getTime() / 1000),
      ScanBy: 'TimestampDescending',
    });
    try {
      const signed = await signer.sign({
        method: 'POST',
        protocol: endpoint.protocol,
        hostname: endpoint.hostname,
        ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
        path: endpoint.pathname,
        query: {},
        headers: {
          host: endpoint.host,
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData',
        },
        body,
      });
      const response = await fetchImpl(endpoint, { method: 'POST', headers: signed.headers, body, signal: AbortSignal.timeout(3000) });
      if (!response.ok) return queueUrls.map(() => ({ kind: 'unknown', reason: `CloudWatch answered ${response.status}` }) as const);
      const results = new Map(MetricDataSchema.parse(await response.json()).MetricDataResults.map((result) => [result.Id, result]));
      return queueUrls.map((_, index): OldestMessage => {
        const result = results.get(`q${index}`);
        const [at, ageSeconds] = [result?.Timestamps[0], result?.Values[0]];
        if (at === undefined || ageSeconds === undefined) return { kind: 'unknown', reason: 'no CloudWatch datapoint in the last 15 minutes' };
        return ageSeconds > 0 ? { kind: 'sent', at: new Date(at * 1000 - ageSeconds * 1000).toISOString() } : { kind: 'empty' };
      });
    } catch (error) {
      return queueUrls.map(() => ({ kind: 'unknown', reason: (error as Error).message }) as const);
    }
  };
}

function queueNameOf(queueUrl: string): string {
  return new URL(queueUrl).pathname.split('/').filter(Boolean).at(-1) ?? '';
}

/** SHA-256 and HMAC-SHA-256 from node:crypto, in the shape the signer takes. */
class NodeSha256 {
  private readonly hash: Hash | Hmac;

  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', typeof secret === 'string' ? secret : toBytes(secret));
  }

  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(typeof data === 'string' ? data : toBytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function toBytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}
