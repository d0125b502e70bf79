import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** A queue that takes JSON messages. */
export interface MessageQueue {
  /** Sends every message, in batches; resolves only when all were accepted. */
  sendAll(messages: readonly unknown[]): Promise<void>;
}

/** SQS takes at most ten messages a request. */
export const SQS_BATCH = 10;
const RESEND_ATTEMPTS = 3;

/** A MessageQueue on SQS with SendMessageBatch; entries SQS refuses are sent again, then reported. */
export function createSqsMessageQueue(client: SQSClient, queueUrl: string): MessageQueue {
  return {
    async sendAll(messages) {
      for (let start = 0; start < messages.length; start += SQS_BATCH) {
        let entries = messages.slice(start, start + SQS_BATCH).map((message, index) => ({
          Id: String(index),
          MessageBody: JSON.stringify(message),
        }));
        for (let attempt = 1; entries.length > 0; attempt++) {
          const { Failed = [] } = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
          const failedIds = new Set(Failed.map((failure) => failure.Id));
          const senderFault = Failed.find((failure) => failure.SenderFault);
          if (senderFault) throw new Error(`SQS refused a message: ${senderFault.Code} ${senderFault.Message ?? ''}`.trim());
          entries = entries.filter((entry) => failedIds.has(entry.Id));
          if (entries.length > 0 && attempt >= RESEND_ATTEMPTS) {
            throw new Error(`SQS did not accept ${entries.length} message(s) after ${attempt} attempts`);
          }
        }
      }
    },
  };
}
