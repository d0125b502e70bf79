import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { ProvisionedQueue, QueueName } from '../../local/provision.js';
import { DEMO_BILLS } from '../../local/simulator/demo-bills.js';
import { startDumaSimulator, type DumaSimulator } from '../../local/simulator/duma-simulator.js';
import { SqsEventSource } from '../../local/sqs-event-source.js';
import { loadConfig, type Config } from '../../shared/config/config.js';
import { handleFanOutMessage } from '../../shared/pipeline/fan-out-message.js';
import { EmailMessageSchema, FanOutQueueMessageSchema } from '../../shared/pipeline/pipeline-messages.js';
import { sendChangeEmails } from '../../shared/pipeline/send-change-emails.js';
import { fanOutQueueDependencies } from '../../shared/runtime/fan-out-dependencies.js';
import { pollDependencies } from '../../shared/runtime/poll-bills-dependencies.js';
import { sendEmailDependencies } from '../../shared/runtime/send-email-dependencies.js';
import { createStores } from '../../shared/runtime/stores.js';
import { sweepDependencies } from '../../shared/runtime/sweeper-dependencies.js';
import { sqsBatchConsumer } from '../../shared/runtime/sqs-batch.js';
import { startTestServices } from './test-services.js';

/**
 * The pipeline's real adapters on real local services, with the dependencies exposed so that a test can
 * wrap one step to fail (fault injection) and drive each stage by hand.
 */
export async function startPipelineHarness(options: { maxReceiveCount?: number } = {}) {
  const { services, sqs, queues, env } = await startTestServices({ maxReceiveCount: options.maxReceiveCount ?? 5 });
  const simulator: DumaSimulator = await startDumaSimulator({ bills: DEMO_BILLS, pace: { kind: 'manual' } });
  const config: Config = loadConfig({
    ...env,
    SOZD_BASE_URL: simulator.url,
    SOZD_MIN_GAP_MS: '0',
    SOZD_RETRY_ATTEMPTS: '1',
  });

  const poll = pollDependencies(config);
  const sweep = sweepDependencies(config);
  const fanOutQueue = fanOutQueueDependencies(config);
  const fanOut = fanOutQueue.changes;
  const email = { ...sendEmailDependencies(config).changes, leaseMs: 300 };
  const stores = createStores(config);
  const fanOutSource = new SqsEventSource(sqs, queues.fanOut.url, sqsBatchConsumer(FanOutQueueMessageSchema, (m) => handleFanOutMessage(fanOutQueue, m)), () => {});
  const emailSource = new SqsEventSource(sqs, queues.email.url, sqsBatchConsumer(EmailMessageSchema, (m) => sendChangeEmails(email, m)), () => {});

  return {
    services,
    simulator,
    config,
    queues,
    stores,
    deps: { poll, sweep, fanOut, email },
    /** Subscribes each address to the bill and watches it. */
    async subscribe(billNumber: string, addresses: { email: string; language: 'ru' | 'en' }[]) {
      await stores.bills.watch(billNumber);
      for (const address of addresses) {
        const subscriber = await stores.subscribers.upsertEmailSubscriber({ ...address, at: new Date().toISOString() });
        await stores.subscribers.follow(subscriber.id, billNumber);
      }
    },
    /**
     * Consumes both queues until neither holds a message, visible or in flight: a message whose handling failed
     * comes back after the visibility timeout and is retried (or moves to its DLQ) before this returns.
     */
    async drain(): Promise<void> {
      for (;;) {
        const handled = (await fanOutSource.pollOnce()) + (await emailSource.pollOnce());
        if (handled > 0) continue;
        if ((await this.queueDepth(queues.fanOut, 'url')) + (await this.queueDepth(queues.email, 'url')) === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async queueDepth(queue: ProvisionedQueue, which: 'url' | 'dlqUrl'): Promise<number> {
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: queue[which],
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      return Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
    },
    async stop() {
      await simulator.stop();
      sqs.destroy();
      await services.stop();
    },
  };
}

export type PipelineHarness = Awaited<ReturnType<typeof startPipelineHarness>>;
export type { QueueName };

/**
 * Makes the next call of `object[method]` throw before it does anything (a crash right before that step);
 * later calls run normally.
 */
export function crashOnce<T extends object, K extends keyof T>(object: T, method: K): { crashed: () => number } {
  const original = object[method] as unknown as (...args: unknown[]) => unknown;
  let crashes = 0;
  (object as Record<K, unknown>)[method] = async (...args: unknown[]) => {
    if (crashes === 0) {
      crashes++;
      throw new Error(`injected crash before ${String(method)}`);
    }
    return original.apply(object, args);
  };
  return { crashed: () => crashes };
}
