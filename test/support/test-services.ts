import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startLocalServices, type LocalServices } from '../../local/local-services.js';
import { ensureQueues, ensureTable, type ProvisionedQueue, type QueueName } from '../../local/provision.js';

/** Real local services for one test harness: a fresh table, the queues with short retries, an empty mailbox. */
export interface TestServices {
  services: LocalServices;
  sqs: SQSClient;
  tableName: string;
  queues: Record<QueueName, ProvisionedQueue>;
  /** The environment the pipeline's config reads: endpoints, table, fan-out and email queues, a signing secret. */
  env: Record<string, string>;
}

/**
 * Starts dynalite, the SES emulator and fauxqs on loopback and provisions a table of its own and the queues
 * (visibility 1 s, so a failed message comes back at once).
 */
export async function startTestServices(options: { maxReceiveCount: number }): Promise<TestServices> {
  const services = await startLocalServices();
  Object.assign(process.env, services.env);
  // The emulator keeps its mailbox per process, not per server: start each harness with an empty one.
  await fetch(`${services.sesEndpoint}/clear-store`, { method: 'POST' });
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  const tableName = `t${randomBytes(4).toString('hex')}`;
  await ensureTable(new DynamoDBClient({}), tableName);
  const queues = await ensureQueues(sqs, { visibilityTimeoutSeconds: 1, maxReceiveCount: options.maxReceiveCount });
  return {
    services,
    sqs,
    tableName,
    queues,
    env: {
      ...services.env,
      TABLE_NAME: tableName,
      FAN_OUT_QUEUE_URL: queues.fanOut.url,
      EMAIL_QUEUE_URL: queues.email.url,
      TOKEN_SECRETS: randomBytes(32).toString('hex'),
    },
  };
}
