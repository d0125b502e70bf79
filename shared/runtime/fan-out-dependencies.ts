import type { Config } from '../config/config.js';
import type { FanOutDependencies } from '../pipeline/fan-out.js';
import { endpointQueues, messageQueue } from './queues.js';
import { createDeliveryStores, createStores } from './stores.js';

/** What fan-out needs: the email queue always, the webhook and Slack queues when they are configured. */
export function fanOutDependencies(config: Config): FanOutDependencies {
  const { followerRoutes, digests } = createDeliveryStores(config);
  const { delivery } = config;
  return {
    followers: followerRoutes,
    emailQueue: messageQueue(config.queues.emailUrl, 'queues.emailUrl (EMAIL_QUEUE_URL)'),
    digests,
    changes: createStores(config).changes,
    now: () => new Date(),
    ...(delivery.webhookQueueUrl && delivery.slackQueueUrl ? { endpointQueues: endpointQueues(delivery) } : {}),
  };
}
