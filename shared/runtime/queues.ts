import { queueAccess } from '../access/access.js';
import { createSqsClient } from '../aws/clients.js';
import type { DeliveryConfig } from '../config/delivery-config.js';
import { createSqsMessageQueue, type MessageQueue } from '../queue/message-queue.js';
import { createSqsDelayableQueue } from '../webhooks/delayable-queue.js';
import type { EndpointQueues } from '../webhooks/retry-scheduler.js';
import { requiredSetting } from './required-setting.js';

/** The queue at a configured URL; `field` names the setting when it is missing. */
export function messageQueue(url: string | undefined, field: string): MessageQueue {
  return createSqsMessageQueue(createSqsClient(), requiredSetting(url, field));
}

/** What {@link endpointQueues} sends to. */
export const ENDPOINT_QUEUES_ACCESS = queueAccess('webhook', 'slack', 'telegram');

/** The webhook, Slack and Telegram queues, which take per-message delays for retries. */
export function endpointQueues(delivery: DeliveryConfig): EndpointQueues {
  const sqs = createSqsClient();
  return {
    webhook: createSqsDelayableQueue(sqs, requiredSetting(delivery.webhookQueueUrl, 'delivery.webhookQueueUrl (WEBHOOK_QUEUE_URL)')),
    slack: createSqsDelayableQueue(sqs, requiredSetting(delivery.slackQueueUrl, 'delivery.slackQueueUrl (SLACK_QUEUE_URL)')),
    telegram: createSqsDelayableQueue(sqs, requiredSetting(delivery.telegramQueueUrl, 'delivery.telegramQueueUrl (TELEGRAM_QUEUE_URL)')),
  };
}
