import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ensureQueues, ensureTable } from '../../local/provision.js';
import { loadConfig, type Config } from '../../shared/config/config.js';

/**
 * Provisions the table and queues on a bench child's emulators and returns the poller's config against the
 * given sozd (no gap between requests, 16 in flight: loopback is the only host).
 */
export async function benchPollConfig(env: Record<string, string>, sozdUrl: string): Promise<Config> {
  Object.assign(process.env, env);
  await ensureTable(new DynamoDBClient({}), 'bench');
  const queues = await ensureQueues(new SQSClient({ useQueueUrlAsEndpoint: false }), { visibilityTimeoutSeconds: 30, maxReceiveCount: 3 });
  return loadConfig({
    ...env,
    TABLE_NAME: 'bench',
    FAN_OUT_QUEUE_URL: queues.fanOut.url,
    EMAIL_QUEUE_URL: queues.email.url,
    SOZD_BASE_URL: sozdUrl,
    SOZD_MIN_GAP_MS: '0',
    SOZD_MAX_IN_FLIGHT: '16',
  });
}
