import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Access } from '../access/access.js';
import type { Config } from '../config/config.js';

/** How many messages a queue holds, or why that is not known. */
export type QueueDepth =
  | { label: string; dlq: boolean; kind: 'depth'; visible: number; inFlight: number }
  | { label: string; dlq: boolean; kind: 'not-configured' }
  | { label: string; dlq: boolean; kind: 'unavailable'; error: string };

/** What reading and redriving {@link configuredQueues} needs (the operator console). */
export const OPERATE_QUEUES_ACCESS: Partial<Access> = { operatesQueues: true };

/** The service's queues as configured, in the order `status` lists them. */
export function configuredQueues(config: Config): { label: string; dlq: boolean; url: string | undefined }[] {
  return [
    { label: 'fan-out', dlq: false, url: config.queues.fanOutUrl },
    { label: 'email', dlq: false, url: config.queues.emailUrl },
    { label: 'webhook', dlq: false, url: config.delivery.webhookQueueUrl },
    { label: 'slack', dlq: false, url: config.delivery.slackQueueUrl },
    { label: 'telegram', dlq: false, url: config.delivery.telegramQueueUrl },
    { label: 'poll-tasks', dlq: false, url: config.polling.tasksQueueUrl },
    { label: 'fan-out DLQ', dlq: true, url: config.queues.fanOutDlqUrl },
    { label: 'email DLQ', dlq: true, url: config.queues.emailDlqUrl },
    { label: 'webhook DLQ', dlq: true, url: config.queues.webhookDlqUrl },
    { label: 'slack DLQ', dlq: true, url: config.queues.slackDlqUrl },
    { label: 'telegram DLQ', dlq: true, url: config.queues.telegramDlqUrl },
    { label: 'poll-tasks DLQ', dlq: true, url: config.queues.pollTasksDlqUrl },
  ];
}

/**
 * Reads the approximate depth of each queue (waiting and in flight). A queue that cannot be read is reported
 * as unavailable rather than failing the whole status.
 */
export async function readQueueDepths(
  sqs: SQSClient,
  queues: { label: string; dlq: boolean; url: string | undefined }[],
): Promise<QueueDepth[]> {
  return Promise.all(
    queues.map(async ({ label, dlq, url }): Promise<QueueDepth> => {
      if (!url) return { label, dlq, kind: 'not-configured' };
      try {
        const { Attributes } = await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: url,
            AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
          }),
        );
        return {
          label,
          dlq,
          kind: 'depth',
          visible: Number(Attributes?.ApproximateNumberOfMessages ?? 0),
          inFlight: Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0),
        };
      } catch (error) {
        return { label, dlq, kind: 'unavailable', error: (error as Error).message };
      }
    }),
  );
}
