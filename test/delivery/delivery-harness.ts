import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ProvisionedQueue } from '../../local/provision.js';
import { SqsEventSource } from '../../local/sqs-event-source.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import type { BillChange } from '../../shared/bill/bill-change.js';
import { loadConfig, type Config } from '../../shared/config/config.js';
import { fanOutChanges } from '../../shared/pipeline/fan-out.js';
import { fanOutDependencies } from '../../shared/runtime/fan-out-dependencies.js';
import { endpointQueues } from '../../shared/runtime/queues.js';
import { sendDigestsDependencies } from '../../shared/runtime/send-digests-dependencies.js';
import { createDeliveryStores, createStores } from '../../shared/runtime/stores.js';
import { redriveDependencies } from '../../shared/runtime/redrive-dependencies.js';
import { endpointServiceDependencies } from '../../shared/runtime/endpoint-service-dependencies.js';
import { deliverEndpointDependencies } from '../../shared/runtime/webhook-dependencies.js';
import { sqsBatchConsumer } from '../../shared/runtime/sqs-batch.js';
import { keys } from '../../shared/store/table-schema.js';
import { EndpointQueueMessageSchema } from '../../shared/webhooks/endpoint-delivery-message.js';
import { deliverEndpointMessage } from '../../shared/webhooks/deliver-endpoint-message.js';
import { redriveDueRetries } from '../../shared/webhooks/redrive-retries.js';
import { createRetryScheduler } from '../../shared/webhooks/retry-scheduler.js';
import { EXAMPLE_BILL_CHANGE } from '../../shared/webhooks/webhook-examples.js';
import { startFakeTelegramBotApi } from '../support/fake-telegram-bot-api.js';
import { startTestServices } from '../support/test-services.js';
import { startWebhookReceiver } from './webhook-receiver.js';

export const BILL = EXAMPLE_BILL_CHANGE.billNumber;

/** The example change under another id and detection time, so a test can make as many distinct changes as it needs. */
export function exampleChange(n: number, detectedAt = '2026-03-01T09:00:00.000Z'): BillChange {
  // The protocol line carries the number, so a test can tell in a rendered email which change it shows.
  return { ...EXAMPLE_BILL_CHANGE, id: `${BILL}:event:test-${n}`, detectedAt, event: { ...EXAMPLE_BILL_CHANGE.event!, protocol: `test-${n}` } };
}

export interface DeliveryHarnessOptions {
  /** host:port pairs the safe client may reach over plain http on loopback (the test receivers). */
  allowHosts: string[];
  /** Start of the injected clock. */
  startAt: Date;
  timeoutMs?: number;
  /** Longest wait that goes back on SQS as DelaySeconds; 0 parks every retry, so the injected clock drives them all. */
  maxQueueDelaySeconds?: number;
  maxReceiveCount?: number;
  /** The Bot API the service's bot posts through (a fake on loopback) and its token; no bot when absent. */
  telegram?: { baseUrl: string; token: string };
}

/**
 * The webhook, Slack, Telegram and digest pipeline with its real adapters on real local services (dynalite, fauxqs, SES
 * emulator), an injected clock and a jitter source of 0.5 (no jitter), so every delay is exact.
 */
export async function startDeliveryHarness(options: DeliveryHarnessOptions) {
  const { services, sqs, tableName, queues, env } = await startTestServices({ maxReceiveCount: options.maxReceiveCount ?? 3 });
  const base = loadConfig(env);
  const delivery: Config['delivery'] = {
    webhookQueueUrl: queues.webhook.url,
    slackQueueUrl: queues.slack.url,
    telegramQueueUrl: queues.telegram.url,
    timeoutMs: options.timeoutMs ?? 1_000,
    maxResponseBytes: 4096,
    allowHosts: options.allowHosts,
    digestHour: 8,
  };
  const telegram: Config['telegram'] = options.telegram ? { apiBaseUrl: options.telegram.baseUrl, botToken: options.telegram.token } : base.telegram;
  const config: Config = { ...base, delivery, telegram };

  let nowMs = options.startAt.getTime();
  const clock = {
    now: () => new Date(nowMs),
    advance(ms: number) {
      nowMs += ms;
    },
    set(at: Date) {
      nowMs = at.getTime();
    },
  };
  const stores = { ...createStores(config), ...createDeliveryStores(config) };
  const deliverDeps = {
    ...deliverEndpointDependencies(config),
    bills: stores.bills,
    now: clock.now,
    random: () => 0.5,
    leaseMs: 5_000,
    retries: createRetryScheduler({
      queues: endpointQueues(delivery),
      parked: stores.retryDue,
      ...(options.maxQueueDelaySeconds !== undefined ? { maxQueueDelaySeconds: options.maxQueueDelaySeconds } : {}),
    }),
  };
  const service = { ...endpointServiceDependencies(config), now: clock.now };
  const fanOut = { ...fanOutDependencies(config), now: clock.now };
  const redrive = { ...redriveDependencies(config), now: clock.now };
  const digests = { ...sendDigestsDependencies(config), now: clock.now };
  const consume = sqsBatchConsumer(EndpointQueueMessageSchema, (message) => deliverEndpointMessage(deliverDeps, message));
  const sources = [queues.webhook.url, queues.slack.url, queues.telegram.url].map((url) => new SqsEventSource(sqs, url, consume, () => {}));
  const db = createDocumentClient();

  async function depth(queue: ProvisionedQueue, which: 'url' | 'dlqUrl'): Promise<{ visible: number; inFlight: number; delayed: number }> {
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queue[which],
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
      }),
    );
    return {
      visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
      inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
      delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0),
    };
  }

  return {
    services,
    config,
    delivery,
    queues,
    stores,
    clock,
    deps: { deliver: deliverDeps, service, fanOut, redrive, digests },
    /** Handles every visible webhook, Slack and Telegram message until their queues are empty. */
    async deliverQueued(): Promise<number> {
      let handled = 0;
      for (;;) {
        let batch = 0;
        for (const source of sources) batch += await source.pollOnce();
        if (batch === 0) return handled;
        handled += batch;
      }
    },
    /** Re-queues parked retries due at the injected now, then delivers what is queued. */
    async redriveAndDeliver(): Promise<number> {
      await redriveDueRetries(redrive);
      return this.deliverQueued();
    },
    /** Stores changes and fans them out to the bill's followers, as the fan-out consumer would. */
    async publish(changes: BillChange[]): Promise<number> {
      for (const change of changes) await stores.changes.putIfAbsent(change);
      return fanOutChanges(fanOut, { billNumber: BILL, changeIds: changes.map((change) => change.id) });
    },
    /** Writes a profile and follower item as the subscription API (issue 3) does: frequency, time zone, stage filter. */
    async addEmailFollower(input: { id: string; email: string; timeZone?: string; frequency?: string; stages?: 'all' | number[]; language?: 'ru' | 'en' }) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.subscriber(input.id),
            id: input.id,
            email: input.email,
            language: input.language ?? 'en',
            status: 'active',
            createdAt: '2026-01-01T00:00:00.000Z',
            ...(input.timeZone ? { timeZone: input.timeZone } : {}),
            ...(input.frequency ? { frequency: input.frequency } : {}),
          },
        }),
      );
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.follower(BILL, input.id),
            billNumber: BILL,
            subscriberId: input.id,
            ...(input.frequency ? { frequency: input.frequency } : {}),
            ...(input.stages ? { stages: input.stages } : {}),
          },
        }),
      );
    },
    depth,
    /** Takes every visible message off a queue (not deleted: they come back after the visibility timeout). */
    async receiveAll(queueUrl: string): Promise<unknown[]> {
      const bodies: unknown[] = [];
      for (;;) {
        const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 30 }));
        if (Messages.length === 0) return bodies;
        bodies.push(...Messages.map((message) => JSON.parse(message.Body ?? 'null') as unknown));
      }
    },
    async sendRaw(queueUrl: string, body: string): Promise<void> {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    },
    /** Polls the webhook queue until its DLQ holds `count` messages (poison messages fail each receive). */
    async drainIntoDlq(count: number, timeoutMs = 15_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while ((await depth(queues.webhook, 'dlqUrl')).visible < count) {
        if (Date.now() > deadline) throw new Error(`DLQ did not reach ${count} messages`);
        await this.deliverQueued();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async stop() {
      await Promise.all([deliverDeps.http.close(), digests.http.close(), deliverDeps.telegram?.close(), digests.telegram?.close(), service.telegram?.close()]);
      sqs.destroy();
      await services.stop();
    },
  };
}

export type DeliveryHarness = Awaited<ReturnType<typeof startDeliveryHarness>>;

/**
 * The delivery pipeline with the channels' far ends on loopback: a receiver for webhook and Slack URLs (which the safe
 * client may reach) and a fake Bot API the service's bot posts through.
 */
export async function startChannelsHarness(startAt: Date) {
  const receiver = await startWebhookReceiver();
  const bot = await startFakeTelegramBotApi();
  const h = await startDeliveryHarness({ allowHosts: [receiver.hostPort], startAt, telegram: { baseUrl: bot.baseUrl, token: bot.token } });
  return {
    h,
    receiver,
    bot,
    async stop() {
      await h.stop();
      await bot.close();
      await receiver.close();
    },
  };
}

export type ChannelsHarness = Awaited<ReturnType<typeof startChannelsHarness>>;
