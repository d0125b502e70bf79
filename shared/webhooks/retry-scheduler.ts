import type { RetryDueStore } from '../store/retry-due-store.js';
import type { DelayableQueue } from './delayable-queue.js';
import { MAX_SQS_DELAY_SECONDS } from './delayable-queue.js';
import type { EndpointDeliveryMessage } from './endpoint-delivery-message.js';

/** The queue of each endpoint channel. */
export type EndpointQueues = Record<EndpointDeliveryMessage['channel'], DelayableQueue>;

/** Puts the next attempt of a delivery where it will come back at the right time. */
export interface RetryScheduler {
  schedule(message: EndpointDeliveryMessage, delayMs: number, now: Date): Promise<void>;
}

/**
 * Waits SQS can hold (up to 15 min, or `maxQueueDelaySeconds`) go back on the channel's queue with DelaySeconds;
 * longer ones are parked as RETRY_DUE items for the redrive function.
 */
export function createRetryScheduler(deps: {
  queues: EndpointQueues;
  parked: RetryDueStore;
  maxQueueDelaySeconds?: number;
}): RetryScheduler {
  const maxQueueDelayMs = (deps.maxQueueDelaySeconds ?? MAX_SQS_DELAY_SECONDS) * 1000;
  return {
    async schedule(message, delayMs, now) {
      if (delayMs <= maxQueueDelayMs) {
        await deps.queues[message.channel].sendDelayed(message, Math.ceil(delayMs / 1000));
        return;
      }
      await deps.parked.park({
        id: `${message.channel}#${message.endpointId}#${message.changeId}#${message.attempt}`,
        dueAt: new Date(now.getTime() + delayMs).toISOString(),
        message,
      });
    },
  };
}
