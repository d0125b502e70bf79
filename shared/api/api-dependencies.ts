import type { FeedConfig } from '../config/config.js';
import type { BillStore } from '../store/bill-store.js';
import type { DynamoDeliveryStore } from '../store/delivery-store.js';
import type { FeedStore } from '../store/feed-store.js';
import type { SubscriptionDependencies } from '../subscriptions/subscription-service.js';
import type { EndpointServiceDependencies } from '../webhooks/endpoint-service.js';

/** Everything the HTTP API uses: the subscription use cases' dependencies plus what the admin API reads. */
export interface ApiDependencies extends SubscriptionDependencies {
  bills: BillStore;
  deliveries: Pick<DynamoDeliveryStore, 'listForChange'>;
  /** Webhook and Slack endpoints: registration, test events, re-enabling, their delivery logs. */
  endpointService: EndpointServiceDependencies;
  /** The configured news feeds and their polling state, for source health. */
  feeds: { configured: readonly FeedConfig[]; store: Pick<FeedStore, 'get'> };
  /** The admin API key; without one, every admin request is refused. */
  adminApiKey: string | undefined;
}
