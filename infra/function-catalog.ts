import type { Parameters } from './parameters.js';

/** The queues of the service; each exists only when its consumer does. */
export type QueueKey = 'fanOut' | 'email' | 'webhook' | 'slack';

/** The secrets a function may read. */
export type SecretKey = 'tokenSecrets' | 'dumaProxy' | 'adminApiKey';

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
  | { kind: 'queue'; queues: readonly QueueKey[]; batchSize: number; limitedBySesRate?: boolean }
  | { kind: 'http' }
  | { kind: 'ses-events' };

/** Everything a function may touch; the stack grants exactly this and sets the matching environment. */
export interface FunctionAccess {
  table: readonly TableAction[];
  /** Query on GSI1 (watched bills, the outbox). */
  queriesIndex: boolean;
  sendsTo: readonly QueueKey[];
  secrets: readonly SecretKey[];
  sendsEmail: boolean;
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

/**
 * Every function of the service. Adding a function is adding an entry here; the stack skips an entry whose
 * handler file does not exist yet, so the app synthesises while functions are being written.
 * Access lists what the handler's code does today (e.g. the stores' Get/Update/Query calls); widen an entry
 * when its code starts doing more, and the IAM tests will say what changed.
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
    access: { table: ['GetItem', 'PutItem', 'UpdateItem', 'Query'], queriesIndex: true, sendsTo: ['fanOut'], secrets: ['dumaProxy'], sendsEmail: false },
  },
  {
    name: 'poll-feeds',
    concern: 'sources',
    description: 'Polls the news feeds, matches topics and bill numbers, and queues the matches',
    memoryMb: 512,
    timeoutSeconds: 300,
    trigger: { kind: 'schedule', rate: 'pollFeedsRateMinutes' },
    access: { table: ['GetItem', 'PutItem', 'UpdateItem', 'Query'], queriesIndex: true, sendsTo: ['fanOut'], secrets: ['dumaProxy'], sendsEmail: false },
    environment: (parameters): Record<string, string> => (parameters.feeds ? { FEEDS: JSON.stringify(parameters.feeds) } : {}),
  },
  {
    name: 'sweeper',
    concern: 'delivery',
    description: 'Re-queues changes that were written but never queued',
    memoryMb: 256,
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', rate: 'sweepRateMinutes' },
    access: { table: ['UpdateItem'], queriesIndex: true, sendsTo: ['fanOut'], secrets: [], sendsEmail: false },
  },
  {
    name: 'fan-out',
    concern: 'delivery',
    description: 'Turns one change into one message per follower and channel',
    memoryMb: 512,
    // A change with 100,000 followers is 10,000 SendMessageBatch calls.
    timeoutSeconds: 300,
    trigger: { kind: 'queue', queues: ['fanOut'], batchSize: 1 },
    access: { table: ['GetItem', 'Query', 'BatchWriteItem'], queriesIndex: false, sendsTo: ['email', 'webhook', 'slack'], secrets: [], sendsEmail: false },
  },
  {
    name: 'send-email',
    concern: 'delivery',
    description: 'Sends one alert email per change and subscriber through SES',
    memoryMb: 512,
    timeoutSeconds: 30,
    trigger: { kind: 'queue', queues: ['email'], batchSize: 10, limitedBySesRate: true },
    access: { table: ['GetItem', 'UpdateItem'], queriesIndex: false, sendsTo: [], secrets: ['tokenSecrets'], sendsEmail: true },
  },
  {
    name: 'deliver-webhook',
    concern: 'delivery',
    description: 'Delivers signed webhook and Slack messages, with retries',
    memoryMb: 256,
    // Up to 5 deliveries of at most 15 s each.
    timeoutSeconds: 90,
    trigger: { kind: 'queue', queues: ['webhook', 'slack'], batchSize: 5 },
    access: { table: ['GetItem', 'PutItem', 'UpdateItem'], queriesIndex: false, sendsTo: ['webhook', 'slack'], secrets: [], sendsEmail: true },
  },
  {
    name: 'redrive-webhooks',
    concern: 'delivery',
    description: 'Re-queues webhook and Slack retries parked beyond the 15-minute SQS delay once they are due',
    memoryMb: 256,
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', rate: 'redriveWebhooksRateMinutes' },
    access: { table: ['BatchWriteItem'], queriesIndex: true, sendsTo: ['webhook', 'slack'], secrets: [], sendsEmail: false },
  },
  {
    name: 'send-digests',
    concern: 'delivery',
    description: 'Sends the daily and weekly digests that are due',
    memoryMb: 512,
    timeoutSeconds: 600,
    trigger: { kind: 'schedule', rate: 'digestsRateMinutes' },
    access: {
      table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'],
      queriesIndex: true,
      sendsTo: ['webhook', 'slack'],
      secrets: ['tokenSecrets'],
      sendsEmail: true,
    },
  },
  {
    name: 'ses-events',
    concern: 'delivery',
    description: 'Puts bouncing and complaining addresses on the suppression list',
    memoryMb: 256,
    timeoutSeconds: 30,
    trigger: { kind: 'ses-events' },
    access: { table: ['GetItem', 'PutItem', 'UpdateItem', 'Query'], queriesIndex: false, sendsTo: [], secrets: [], sendsEmail: false },
  },
  {
    name: 'api',
    concern: 'api',
    description: 'HTTP API and web pages: sign-up, confirmation, preferences, unsubscribe, admin',
    memoryMb: 512,
    timeoutSeconds: 10,
    trigger: { kind: 'http' },
    access: {
      table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'],
      queriesIndex: true,
      sendsTo: ['webhook', 'slack'],
      secrets: ['tokenSecrets', 'adminApiKey'],
      sendsEmail: true,
    },
  },
];
