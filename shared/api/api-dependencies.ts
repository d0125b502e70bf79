import type { SQSClient } from '@aws-sdk/client-sqs';
import type { FeedConfig } from '../config/config.js';
import type { OldestMessageReader } from '../queue/oldest-message.js';
import type { DynamoAlertStore } from '../store/alert-store.js';
import type { DynamoChangeStore } from '../store/change-store.js';
import type { PollScheduleStore } from '../store/poll-schedule-store.js';
import type { DynamoDigestEntryReader } from '../store/digest-entry-reader.js';
import type { FollowerRouteReader } from '../store/follower-route-store.js';
import type { TierIntervals } from '../pipeline/tier-interval.js';
import type { DynamoNewsStore } from '../store/news-store.js';
import type { DynamoTopicStore } from '../store/topic-store.js';
import type { BillStore } from '../store/bill-store.js';
import type { DynamoDeliveryStore } from '../store/delivery-store.js';
import type { FeedStore } from '../store/feed-store.js';
import type { DynamoOriginCatalog } from '../store/origin-catalog.js';
import type { SeenOrigins } from '../origins/seen-origins.js';
import type { SubscriptionDependencies } from '../subscriptions/subscription-service.js';
import type { EndpointServiceDependencies } from '../webhooks/endpoint-service.js';

/** Everything the HTTP API function uses: the subscription use cases' dependencies plus what the admin API reads. */
export interface ApiDependencies extends SubscriptionDependencies {
  bills: BillStore;
  deliveries: Pick<DynamoDeliveryStore, 'listForChange' | 'listForChangePage'>;
  /** Webhook and Slack endpoints: registration, test events, re-enabling, their delivery logs. */
  endpointService: EndpointServiceDependencies;
  /** The configured news feeds and their polling state, for source health. */
  feeds: { configured: readonly FeedConfig[]; store: Pick<FeedStore, 'get'> };
  /** The committees and initiators passports have named (cached): what the forms offer and `GET /api/origins` lists. */
  seenOrigins: () => Promise<SeenOrigins>;
  /** The admin API key; without one, every admin request is refused. */
  adminApiKey: string | undefined;
}

/**
 * What the operator's console function builds (functions/console.ts): the part of the API's dependencies its pages
 * use, and its own reads. A function of its own, so the public API's role holds none of the console's rights.
 */
export interface ConsoleAppDependencies
  extends Pick<
    ApiDependencies,
    'adminApiKey' | 'bills' | 'deliveries' | 'endpointService' | 'feeds' | 'logger' | 'now' | 'publicBaseUrl' | 'rateLimits' | 'subscriptions' | 'tokenSecrets'
  > {
  /** What only the operator's console reads: timelines, topic matches, feed items, the queues. */
  console: ConsoleDependencies;
}

/** The console's own reads, and the queues it shows and redrives. */
export interface ConsoleDependencies {
  changes: Pick<DynamoChangeStore, 'get' | 'listForBill'>;
  /** How far each poll tier's pass has got, and the tiers' intervals: each bill's next poll. */
  schedule: Pick<PollScheduleStore, 'pass'>;
  /** A bill's followers with their routing, and where a change stands on each digest follower's list. */
  followers: FollowerRouteReader;
  digestEntries: Pick<DynamoDigestEntryReader, 'entryState'>;
  polling: TierIntervals;
  alerts: Pick<DynamoAlertStore, 'listTopicMatches'>;
  news: Pick<DynamoNewsStore, 'listRecentForFeed'>;
  topics: Pick<DynamoTopicStore, 'followerPage'>;
  /** The catalog of committees and initiators, followed-only names included, and each one's followers. */
  origins: Pick<DynamoOriginCatalog, 'page' | 'get' | 'followerPage'>;
  sqs: SQSClient;
  /** Each queue's oldest message, read without receiving it (shared/queue/oldest-message.ts). */
  oldestMessages: OldestMessageReader;
  /** Every queue of the service as configured (shared/cli/queue-depths.ts), dead-letter queues marked. */
  queues: readonly { label: string; dlq: boolean; url: string | undefined }[];
}
