import type { Config } from '../config/config.js';
import type { NewBillAlertDependencies } from '../pipeline/alert-new-bill.js';
import type { NewsAlertDependencies } from '../pipeline/alert-news-item.js';
import type { DroppedBillDependencies } from '../pipeline/announce-dropped-bill.js';
import type { FanOutQueueDependencies } from '../pipeline/fan-out-message.js';
import { createDocumentClient } from '../aws/clients.js';
import { DynamoDroppedBillFollows } from '../store/dropped-bill-follows.js';
import { endpointQueues, messageQueue } from './queues.js';
import { createDeliveryStores, createStores } from './stores.js';
import { newBillAlertDependencies, newsAlertDependencies } from './topic-alert-dependencies.js';

/** What fan-out needs: the email queue always, the webhook, Slack and Telegram queues when they are configured. */
export function fanOutDependencies(config: Config): FanOutQueueDependencies['changes'] {
  const { followerRoutes, digests } = createDeliveryStores(config);
  const { delivery } = config;
  return {
    followers: followerRoutes,
    emailQueue: messageQueue(config.queues.emailUrl, 'queues.emailUrl (EMAIL_QUEUE_URL)'),
    digests,
    changes: createStores(config).changes,
    now: () => new Date(),
    ...(delivery.webhookQueueUrl && delivery.slackQueueUrl && delivery.telegramQueueUrl ? { endpointQueues: endpointQueues(delivery) } : {}),
  };
}

/**
 * What the fan-out function needs: bill-change routing now; topic and news alerting (topics, news, bills), the notice
 * of dropped bills and "new bill" alerting (committees and initiators) on first use.
 */
export function fanOutQueueDependencies(config: Config): FanOutQueueDependencies {
  let news: NewsAlertDependencies | undefined;
  let dropped: DroppedBillDependencies | undefined;
  let newBills: NewBillAlertDependencies | undefined;
  const newsDependencies = () => (news ??= newsAlertDependencies(config));
  return {
    changes: fanOutDependencies(config),
    news: newsDependencies,
    // A dropped bill's notice routes like a news alert; its follows are then removed.
    dropped: () => {
      if (dropped) return dropped;
      const news = newsDependencies();
      // Built here, not with the shared stores: only fan-out removes a dropped bill's follows (and the api bundle is full).
      return (dropped = { ...news, follows: new DynamoDroppedBillFollows(createDocumentClient(), config.tableName, news.followers) });
    },
    newBills: () => (newBills ??= newBillAlertDependencies(config)),
  };
}
