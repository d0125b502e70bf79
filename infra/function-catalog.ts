import type { Access, QueueKey } from '../shared/access/access.js';
import { apiAccess } from '../shared/runtime/api-dependencies.js';
import { consoleAccess } from '../shared/runtime/console-dependencies.js';
import { CONSOLE_ROUTE_PATHS } from '../shared/api/console/console-paths.js';
import { fanOutQueueAccess } from '../shared/runtime/fan-out-dependencies.js';
import { pollTaskAccess, scheduledPollAccess } from '../shared/runtime/poll-bills-dependencies.js';
import { pollFeedsAccess } from '../shared/runtime/poll-feeds-dependencies.js';
import { redriveAccess } from '../shared/runtime/redrive-dependencies.js';
import { sendDigestsAccess } from '../shared/runtime/send-digests-dependencies.js';
import { sendEmailAccess } from '../shared/runtime/send-email-dependencies.js';
import { sesEventsAccess } from '../shared/runtime/ses-events-dependencies.js';
import { sweepAccess } from '../shared/runtime/sweeper-dependencies.js';
import { deliverEndpointAccess } from '../shared/runtime/webhook-dependencies.js';
import type { Parameters } from './parameters.js';

export type { QueueKey, SecretKey, TableAction } from '../shared/access/access.js';

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
  /** HTTP API routes: `paths` (any method), or every path no other function's route takes ($default). */
  | { kind: 'http'; paths?: readonly string[] }
  | { kind: 'ses-events' };

/** One Lambda function of the service: its handler is `functions/<name>.ts`, exporting `handler`. */
export interface FunctionSpec {
  name: string;
  /** The construct that owns it. */
  concern: 'sources' | 'delivery' | 'api';
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  trigger: Trigger;
  /**
   * Everything it may touch, as its dependency builder declares it (shared/runtime/<name>-dependencies.ts): the stack
   * grants exactly this and sets the matching environment.
   */
  access: Access;
  /** Extra environment from the parameters. */
  environment?: (parameters: Parameters) => Record<string, string>;
}

/** The endpoint channels, whose messages deliver-webhook consumes and retries. */
const ENDPOINT_CHANNELS: readonly QueueKey[] = ['webhook', 'slack', 'telegram'];

/**
 * Every function of the service. Adding a function is adding an entry here; the stack skips an entry whose
 * handler file does not exist yet, so the app synthesises while functions are being written.
 * Each access is the one its dependency builder exports, composed from what the stores, queues, mailer and secrets it
 * builds declare (shared/access/access.ts): code that starts doing more declares it there, the tests fail a call no
 * declaration allows (test/support/check-aws-access.ts) and a declaration the builder does not build
 * (test/runtime/builder-access.test.ts), and the IAM tests (test/infra/function-permissions.test.ts) say what changed
 * in the grants.
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
    access: scheduledPollAccess,
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
    access: pollTaskAccess,
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
    access: pollFeedsAccess,
    environment: (parameters): Record<string, string> => (parameters.feeds ? { FEEDS: JSON.stringify(parameters.feeds) } : {}),
  },
  {
    name: 'sweeper',
    concern: 'delivery',
    description: 'Re-queues changes and dropped bills\' notices that were written but never queued',
    memoryMb: 256,
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', rate: 'sweepRateMinutes' },
    // The outboxes on GSI1 (changes, dropped bills), taken out once queued (Update); fan-out routes what it re-queues.
    access: sweepAccess,
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
    // followers' profiles and endpoints (Get, conditional Update) and their follow items deleted.
    access: fanOutQueueAccess,
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
    access: sendEmailAccess,
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
    access: deliverEndpointAccess,
  },
  {
    name: 'redrive-webhooks',
    concern: 'delivery',
    description: 'Re-queues webhook, Slack and Telegram retries parked beyond the 15-minute SQS delay once they are due',
    memoryMb: 256,
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', rate: 'redriveWebhooksRateMinutes' },
    // Due retries on GSI1, removed by BatchWriteItem once re-queued.
    access: redriveAccess,
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
    access: sendDigestsAccess,
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
    access: sesEventsAccess,
  },
  {
    name: 'api',
    concern: 'api',
    description: 'HTTP API and web pages: sign-up, confirmation, preferences, unsubscribe, admin API',
    memoryMb: 512,
    timeoutSeconds: 10,
    trigger: { kind: 'http' },
    // Subscriptions (follows synced by BatchWriteItem), rate limits, suppressions, bills; the admin listings on GSI1;
    // the endpoint service registers endpoints (Put + BatchWriteItem of follower items) and queues test events and
    // replays to the webhook, Slack and Telegram queues; a Telegram chat gets its test message at registration, as the
    // service's bot.
    access: apiAccess,
  },
  {
    name: 'console',
    concern: 'api',
    description: 'The operator console at /admin: bills, subscribers, topics, endpoints, feeds, queues',
    memoryMb: 512,
    timeoutSeconds: 10,
    // Its own function, so the public api's role holds none of its rights (dead-letter queues, queue metrics, the
    // console's listings) and the api's bundle none of its pages.
    trigger: { kind: 'http', paths: CONSOLE_ROUTE_PATHS },
    // The pages' reads and the operator's changes (watch, unsubscribe, endpoints); every queue's depth, and the
    // dead-letter queues peeked at and redriven.
    access: consoleAccess,
  },
];
