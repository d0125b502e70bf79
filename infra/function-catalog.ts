import { DynamoAddressBook } from '../shared/store/address-book.js';
import { DynamoAlertStore } from '../shared/store/alert-store.js';
import { DynamoBillStore } from '../shared/store/bill-store.js';
import { DynamoBillSummaryReader } from '../shared/store/bill-summaries.js';
import { DynamoChangeStore } from '../shared/store/change-store.js';
import { DynamoDeliveryStore } from '../shared/store/delivery-store.js';
import { DynamoDigestEntryReader } from '../shared/store/digest-entry-reader.js';
import { DynamoDigestStore } from '../shared/store/digest-store.js';
import { DynamoDroppedBillFollows } from '../shared/store/dropped-bill-follows.js';
import { DynamoEndpointDeliveryStore } from '../shared/store/endpoint-delivery-store.js';
import { DynamoEndpointStore } from '../shared/store/endpoint-store.js';
import { DynamoFeedStore } from '../shared/store/feed-store.js';
import { DynamoFollowerRouteReader } from '../shared/store/follower-route-store.js';
import { DynamoHostSlotStore } from '../shared/store/host-slot-store.js';
import { DynamoNewsStore } from '../shared/store/news-store.js';
import { DynamoOriginOutbox } from '../shared/store/origin-outbox-store.js';
import { DynamoOriginStore } from '../shared/store/origin-store.js';
import { DynamoPollScheduleStore } from '../shared/store/poll-schedule-store.js';
import { DynamoRateLimitStore } from '../shared/store/rate-limit-store.js';
import { DynamoRetryDueStore } from '../shared/store/retry-due-store.js';
import { DynamoSubscriberStore } from '../shared/store/subscriber-store.js';
import { DynamoSubscriptionStore } from '../shared/store/subscription-store.js';
import { DynamoSuppressionStore } from '../shared/store/suppression-store.js';
import type { StoreKeys } from '../shared/store/table-schema.js';
import { DynamoTopicStore } from '../shared/store/topic-store.js';
import { DynamoWeekAheadStore } from '../shared/store/week-ahead-store.js';
import type { Parameters } from './parameters.js';

/** The queues of the service; each exists only when its consumer does. */
export type QueueKey = 'fanOut' | 'email' | 'webhook' | 'slack' | 'telegram' | 'pollTasks';

/** The secrets a function may read. */
export type SecretKey = 'tokenSecrets' | 'dumaProxy' | 'adminApiKey' | 'telegramBotToken';

/** DynamoDB actions a function may perform on the table (granted one by one, never a wildcard). */
export type TableAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'BatchWriteItem' | 'BatchGetItem';

/** Parameters that hold a schedule's rate in minutes. */
export type RateParameter =
  | 'pollBillsRateMinutes'
  | 'pollFeedsRateMinutes'
  | 'sweepRateMinutes'
  | 'digestsRateMinutes'
  | 'redriveWebhooksRateMinutes';

/** What starts a function. */
export type Trigger =
  | { kind: 'schedule'; rate: RateParameter }
  | {
      kind: 'queue';
      queues: readonly QueueKey[];
      batchSize: number;
      /**
       * Concurrent invocations per queue (SQS event source maximum concurrency, 2–1000), or `sesRate`: the
       * emailMaxConcurrency parameter, which with the batch size keeps sending under the account's SES rate.
       */
      maxConcurrency: number | 'sesRate';
    }
  | { kind: 'http' }
  | { kind: 'ses-events' };

/** Everything a function may touch; the stack grants exactly this and sets the matching environment. */
export interface FunctionAccess {
  table: readonly TableAction[];
  /**
   * The stores its dependency builder makes (shared/runtime/<name>-dependencies.ts): their declared partitions are
   * the only ones its role may touch (`dynamodb:LeadingKeys`, on the table and on GSI1).
   */
  stores: readonly StoreKeys[];
  /** Query on GSI1 (watched bills, the outbox). */
  queriesIndex: boolean;
  sendsTo: readonly QueueKey[];
  secrets: readonly SecretKey[];
  sendsEmail: boolean;
  /**
   * The operator console: reads every queue's depth, peeks at the dead-letter queues (receive, then visibility 0),
   * and redrives them (receive, send to the source queue, delete).
   */
  operatesQueues?: boolean;
}

/** One Lambda function of the service: its handler is `functions/<name>.ts`, exporting `handler`. */
export interface FunctionSpec {
  name: string;
  /** The construct that owns it. */
  concern: 'sources' | 'delivery' | 'api';
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  trigger: Trigger;
  access: FunctionAccess;
  /** Extra environment from the parameters. */
  environment?: (parameters: Parameters) => Record<string, string>;
}

/** Where a topic or "in the news" alert can be routed (besides digest items in the table). */
const ALERT_CHANNELS: readonly QueueKey[] = ['email', 'webhook', 'slack', 'telegram'];
/** The endpoint channels, whose messages deliver-webhook consumes and retries. */
const ENDPOINT_CHANNELS: readonly QueueKey[] = ['webhook', 'slack', 'telegram'];

/** The stores of topic matching and alert routing (shared/runtime/topic-alert-dependencies.ts). */
/** What polling bills touches (pollDependencies, scheduledPollDependencies): bills, changes, tier rings, host slots. */
const POLLER_STORES = [DynamoBillStore.partitions, DynamoChangeStore.partitions, DynamoOriginOutbox.partitions, DynamoPollScheduleStore.partitions, DynamoHostSlotStore.partitions];
const TOPIC_ALERT_STORES = [DynamoTopicStore.partitions, DynamoAlertStore.partitions, DynamoDigestStore.partitions];
/** ...and of "in the news" alerts (newsAlertDependencies). */
const NEWS_ALERT_STORES = [
  ...TOPIC_ALERT_STORES,
  DynamoNewsStore.partitions,
  DynamoBillStore.partitions,
  DynamoFollowerRouteReader.partitions,
];

/**
 * Every function of the service. Adding a function is adding an entry here; the stack skips an entry whose
 * handler file does not exist yet, so the app synthesises while functions are being written.
 * Each access list is what the handler's code sends today, read from its dependencies module
 * (shared/runtime/<name>-dependencies.ts) and the commands of the store methods it calls: widen an entry when its
 * code starts doing more, and the IAM tests (test/infra/function-permissions.test.ts) will say what changed.
 */
export const FUNCTION_CATALOG: readonly FunctionSpec[] = [
  {
    name: 'poll-bills',
    concern: 'sources',
    description: 'Polls every watched bill on sozd.duma.gov.ru and queues what changed',
    memoryMb: 512,
    // Finishes before the next 10-minute tick; pages are fetched politely, one host at a time.
    timeoutSeconds: 540,
    trigger: { kind: 'schedule', rate: 'pollBillsRateMinutes' },
    // Bills: the watch list on GSI1, snapshot and state Get/Update; changes: conditional Put, then Update once queued
    // (fan-out, not the poller, matches their decisions against topics).
    // Adaptive polling: tier rings on GSI1 (Query), tier passes (Get/Put), the shared host slots (Get/Update), the
    // run summary (Put); due work beyond its time budget goes to the poll-tasks queue.
    access: { stores: POLLER_STORES,
      table: ['GetItem', 'PutItem', 'UpdateItem', 'Query'],
      queriesIndex: true,
      sendsTo: ['fanOut', 'pollTasks'],
      secrets: ['dumaProxy'],
      sendsEmail: false,
    },
  },
  {
    name: 'poll-bill-tasks',
    // Its queue is made with the other consumers' queues, in the Delivery construct.
    concern: 'delivery',
    description: 'Polls the bills of one poll task (a scheduled run\'s overflow) at the pace every poller shares',
    memoryMb: 512,
    timeoutSeconds: 300,
    // However many run, the shared host slots keep sozd at the configured pace; a few pollers cover slow responses.
    trigger: { kind: 'queue', queues: ['pollTasks'], batchSize: 1, maxConcurrency: 4 },
    // As poll-bills polls one bill: snapshot and state Get/Update, changes Put/Update, host slots Get/Update; reads no
    // ring (the task carries its bills).
    access: { stores: POLLER_STORES,
      table: ['GetItem', 'PutItem', 'UpdateItem', 'Query'],
      queriesIndex: true,
      sendsTo: ['fanOut'],
      secrets: ['dumaProxy'],
      sendsEmail: false,
    },
  },
  {
    name: 'poll-feeds',
    concern: 'sources',
    description: 'Polls the news feeds, matches topics and bill numbers, and queues the matches',
    memoryMb: 512,
    timeoutSeconds: 300,
    trigger: { kind: 'schedule', rate: 'pollFeedsRateMinutes' },
    // Feed state Get/Update; items already recorded by BatchGet, identities claimed and news items written by
    // conditional Put (outbox on GSI1), Update once queued. New items go to the fan-out queue, which alerts them:
    // one road for every alert, as for bill changes.
    access: { stores: [DynamoFeedStore.partitions, ...NEWS_ALERT_STORES],
      table: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'BatchGetItem'],
      queriesIndex: true,
      sendsTo: ['fanOut'],
      secrets: ['dumaProxy'],
      sendsEmail: false,
    },
    environment: (parameters): Record<string, string> => (parameters.feeds ? { FEEDS: JSON.stringify(parameters.feeds) } : {}),
  },
  {
    name: 'sweeper',
    concern: 'delivery',
    description: 'Re-queues changes and dropped bills\' notices that were written but never queued',
    memoryMb: 256,
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', rate: 'sweepRateMinutes' },
    // The outboxes on GSI1 (changes, dropped bills, bills with new origins), taken out once queued (Update); fan-out routes
    // what it re-queues.
    access: { stores: [DynamoChangeStore.partitions, DynamoBillStore.partitions, DynamoOriginOutbox.partitions],
      table: ['UpdateItem', 'Query'],
      queriesIndex: true,
      sendsTo: ['fanOut'],
      secrets: [],
      sendsEmail: false,
    },
  },
  {
    name: 'fan-out',
    concern: 'delivery',
    description: 'Turns one change or news item into one message per follower and channel',
    memoryMb: 512,
    // A change with 100,000 followers is 10,000 SendMessageBatch calls.
    timeoutSeconds: 300,
    // A burst of changes fans out ten at a time: each writes and sends in bulk, so more would only queue on SQS.
    trigger: { kind: 'queue', queues: ['fanOut'], batchSize: 1, maxConcurrency: 10 },
    // Followers by Query, changes by Get (stage filters), digest items and markers by BatchWriteItem. A news item:
    // read by Get, matched against the topics on GSI1 (their followers by Query), alerts and bill links Put, bills a
    // topic asks for watched (Update). A dropped bill: its notice routed as an alert, then the bill taken out of its
    // followers' profiles and endpoints (Get, conditional Update) and their follow items deleted. A bill's new origins:
    // the catalog (Update), the origins' followers (Query), their bill follows (conditional Put).
    access: { stores: [DynamoFollowerRouteReader.partitions, DynamoDigestStore.partitions, DynamoChangeStore.partitions, DynamoDroppedBillFollows.partitions, ...NEWS_ALERT_STORES, DynamoOriginStore.partitions], table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'], queriesIndex: true, sendsTo: ALERT_CHANNELS, secrets: [], sendsEmail: false },
  },
  {
    name: 'send-email',
    concern: 'delivery',
    description: 'Sends one alert email per change and subscriber through SES',
    memoryMb: 512,
    timeoutSeconds: 30,
    // One message names up to ten subscribers (EMAIL_RECIPIENTS_PER_MESSAGE): a batch of one is ten emails, as before.
    trigger: { kind: 'queue', queues: ['email'], batchSize: 1, maxConcurrency: 'sesRate' },
    // Each invocation paces its sends at its share of the account's SES rate (shared/email/paced-mailer.ts), so all of
    // them together stay under it.
    environment: (parameters): Record<string, string> => ({
      SES_SEND_RATE_PER_INVOCATION: String(parameters.sesMaxSendRate / parameters.emailMaxConcurrency),
    }),
    // Delivery records are claimed and finished by Update; changes, alerts, subscribers and news settings by Get.
    access: { stores: [DynamoChangeStore.partitions, DynamoSubscriberStore.partitions, DynamoDeliveryStore.partitions, DynamoAlertStore.partitions, DynamoNewsStore.partitions], table: ['GetItem', 'UpdateItem'], queriesIndex: false, sendsTo: [], secrets: ['tokenSecrets'], sendsEmail: true },
  },
  {
    name: 'deliver-webhook',
    concern: 'delivery',
    description: 'Delivers signed webhook, Slack and Telegram messages, with retries',
    memoryMb: 256,
    // A batch of 5 deliveries of at most 15 s each (WEBHOOK_TIMEOUT_MS), with room to spare. Its queues' visibility
    // (6 × 90 s) is far above the 40 s a delivery claim is held (2 × timeout + 10 s).
    timeoutSeconds: 90,
    // Endpoints are slow or down at times: a cap keeps a failing receiver from taking the account's concurrency.
    trigger: { kind: 'queue', queues: ENDPOINT_CHANNELS, batchSize: 5, maxConcurrency: 10 },
    // Endpoints and attempt records Get/Update; retries beyond SQS's 15-minute delay are parked (Put); the owner
    // of an endpoint it disables is emailed. Telegram messages are posted as the service's bot (its token's secret).
    access: { stores: [DynamoEndpointStore.partitions, DynamoEndpointDeliveryStore.partitions, DynamoRetryDueStore.partitions, DynamoChangeStore.partitions, DynamoBillStore.partitions, DynamoAlertStore.partitions], table: ['GetItem', 'PutItem', 'UpdateItem'], queriesIndex: false, sendsTo: ENDPOINT_CHANNELS, secrets: ['telegramBotToken'], sendsEmail: true },
  },
  {
    name: 'redrive-webhooks',
    concern: 'delivery',
    description: 'Re-queues webhook, Slack and Telegram retries parked beyond the 15-minute SQS delay once they are due',
    memoryMb: 256,
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', rate: 'redriveWebhooksRateMinutes' },
    // Due retries on GSI1, removed by BatchWriteItem once re-queued.
    access: { stores: [DynamoRetryDueStore.partitions], table: ['BatchWriteItem'], queriesIndex: true, sendsTo: ENDPOINT_CHANNELS, secrets: [], sendsEmail: false },
  },
  {
    name: 'send-digests',
    concern: 'delivery',
    description: 'Sends the daily and weekly digests and the week-ahead emails and posts that are due',
    memoryMb: 512,
    timeoutSeconds: 600,
    trigger: { kind: 'schedule', rate: 'digestsRateMinutes' },
    // Recipients on GSI1, their pending items by Query, sent proofs and pending deletes by BatchWriteItem, the marker
    // by a conditional Delete; subscribers, endpoints and changes by Get. Slack and Telegram digests are posted directly,
    // not queued (Telegram's as the service's bot); a chat whose bot was removed is disabled (Update) and its owner emailed.
    // The week ahead: opted-in subscribers and endpoints on GSI1, the bills' planned events by BatchGetItem, each
    // (recipient, week) claimed by a conditional Update, marked by Update, given back by a conditional Delete.
    access: { stores: [DynamoChangeStore.partitions, DynamoSubscriberStore.partitions, DynamoDigestStore.partitions, DynamoEndpointStore.partitions, DynamoAlertStore.partitions, DynamoNewsStore.partitions, DynamoWeekAheadStore.partitions],
      table: ['GetItem', 'BatchGetItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'],
      queriesIndex: true,
      sendsTo: [],
      secrets: ['tokenSecrets', 'telegramBotToken'],
      sendsEmail: true,
    },
    environment: (parameters): Record<string, string> => ({ DIGEST_HOUR: String(parameters.digestHour) }),
  },
  {
    name: 'ses-events',
    concern: 'delivery',
    description: 'Puts bouncing and complaining addresses on the suppression list',
    memoryMb: 256,
    timeoutSeconds: 30,
    trigger: { kind: 'ses-events' },
    // The suppression Put and the profile's status Update; dropping the follows reads them (Get, Query) and deletes
    // bill follows one by one (DeleteItem) and topic follows in a batch (BatchWriteItem).
    access: { stores: [DynamoSubscriberStore.partitions, DynamoSuppressionStore.partitions, DynamoSubscriptionStore.partitions],
      table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'],
      queriesIndex: false,
      sendsTo: [],
      secrets: [],
      sendsEmail: false,
    },
  },
  {
    name: 'api',
    concern: 'api',
    description: 'HTTP API and web pages: sign-up, confirmation, preferences, unsubscribe, admin',
    memoryMb: 512,
    timeoutSeconds: 10,
    trigger: { kind: 'http' },
    // Subscriptions (follows synced by BatchWriteItem), rate limits, suppressions, bills; the admin listings on GSI1;
    // the endpoint service registers endpoints (Put + BatchWriteItem of follower items) and queues test events and
    // replays to the webhook, Slack and Telegram queues; a Telegram chat gets its test message at registration, as the
    // service's bot. The console (shared/api/console) reads each poll tier's pass (a bill's next poll), a change's
    // digest entries and every queue's depth, and peeks at and redrives the dead-letter queues.
    access: { stores: [
        DynamoSubscriberStore.partitions,
        DynamoAddressBook.partitions,
        DynamoSubscriptionStore.partitions,
        DynamoSuppressionStore.partitions,
        DynamoRateLimitStore.partitions,
        DynamoBillStore.partitions,
        DynamoBillSummaryReader.partitions,
        DynamoDeliveryStore.partitions,
        DynamoFeedStore.partitions,
        DynamoChangeStore.partitions,
        DynamoAlertStore.partitions,
        DynamoNewsStore.partitions,
        DynamoTopicStore.partitions,
        DynamoOriginStore.partitions,
        DynamoEndpointStore.partitions,
        DynamoEndpointDeliveryStore.partitions,
        DynamoPollScheduleStore.partitions,
        DynamoFollowerRouteReader.partitions,
        DynamoDigestEntryReader.partitions,
      ],
      table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'],
      queriesIndex: true,
      sendsTo: ENDPOINT_CHANNELS,
      secrets: ['tokenSecrets', 'adminApiKey', 'telegramBotToken'],
      sendsEmail: true,
      operatesQueues: true,
    },
  },
];
