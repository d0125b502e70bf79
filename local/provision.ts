import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { tableDefinition } from '../shared/store/table-schema.js';

/** The queues of the service, each with its dead-letter queue. */
export const QUEUE_NAMES = {
  fanOut: 'duma-alerts-fan-out',
  email: 'duma-alerts-email',
  webhook: 'duma-alerts-webhook',
  slack: 'duma-alerts-slack',
  telegram: 'duma-alerts-telegram',
  pollTasks: 'duma-alerts-poll-tasks',
} as const;
export type QueueName = keyof typeof QUEUE_NAMES;

export interface ProvisionedQueue {
  url: string;
  dlqUrl: string;
  /** How many receives before a message moves to the DLQ. */
  maxReceiveCount: number;
  visibilityTimeoutSeconds: number;
}

/** Creates the table unless it exists (dynalite keeps it across restarts under .data/). */
export async function ensureTable(db: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await db.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await db.send(new CreateTableCommand(tableDefinition(tableName)));
  }
}

/**
 * Creates every queue and its DLQ with a redrive policy, as infra/ does in AWS. The visibility timeout is
 * short locally so that a failed message is retried within seconds.
 */
export async function ensureQueues(
  sqs: SQSClient,
  options: { visibilityTimeoutSeconds: number; maxReceiveCount: number },
): Promise<Record<QueueName, ProvisionedQueue>> {
  const entries = await Promise.all(
    (Object.keys(QUEUE_NAMES) as QueueName[]).map(async (name) => {
      const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${QUEUE_NAMES[name]}-dlq` }));
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
      );
      const main = await sqs.send(
        new CreateQueueCommand({
          QueueName: QUEUE_NAMES[name],
          Attributes: {
            VisibilityTimeout: String(options.visibilityTimeoutSeconds),
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: Attributes?.QueueArn,
              maxReceiveCount: String(options.maxReceiveCount),
            }),
          },
        }),
      );
      const queue: ProvisionedQueue = {
        url: main.QueueUrl!,
        dlqUrl: dlq.QueueUrl!,
        maxReceiveCount: options.maxReceiveCount,
        visibilityTimeoutSeconds: options.visibilityTimeoutSeconds,
      };
      return [name, queue] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<QueueName, ProvisionedQueue>;
}
