import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { createSqsMessageQueue, type MessageQueue } from '../queue/message-queue.js';

/** The longest delay SQS gives one message. */
export const MAX_SQS_DELAY_SECONDS = 900;

/** A MessageQueue that can also hold one message back for a while (SQS DelaySeconds). */
export interface DelayableQueue extends MessageQueue {
  sendDelayed(message: unknown, delaySeconds: number): Promise<void>;
}

/** A DelayableQueue on SQS. */
export function createSqsDelayableQueue(client: SQSClient, queueUrl: string): DelayableQueue {
  return {
    ...createSqsMessageQueue(client, queueUrl),
    async sendDelayed(message, delaySeconds) {
      if (!Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > MAX_SQS_DELAY_SECONDS) {
        throw new RangeError(`an SQS delay is 0 to ${MAX_SQS_DELAY_SECONDS} whole seconds, not ${delaySeconds}`);
      }
      await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message), DelaySeconds: delaySeconds }));
    },
  };
}
