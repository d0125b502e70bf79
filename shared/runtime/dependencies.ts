import { createDocumentClient, createSesClient, createSqsClient } from '../aws/clients.js';
import type { Config } from '../config/config.js';
import { createSesMailer } from '../email/ses-mailer.js';
import { createPoliteFetcher, type PoliteFetcher } from '../http/polite-fetcher.js';
import { createLogger } from '../log/logger.js';
import type { PollDependencies } from '../pipeline/poll-bills.js';
import type { SendEmailDependencies } from '../pipeline/send-change-emails.js';
import { createSqsMessageQueue, type MessageQueue } from '../queue/message-queue.js';
import { createSozdHttpSource } from '../sozd/sozd-http-source.js';
import { DynamoBillStore } from '../store/bill-store.js';
import { DynamoChangeStore } from '../store/change-store.js';
import { DynamoDeliveryStore } from '../store/delivery-store.js';
import { DynamoSubscriberStore } from '../store/subscriber-store.js';

/*
 * One builder per function: each builds only the clients and adapters its function uses, once per process
 * (module scope in a Lambda), so a function needs neither the settings nor the permissions of the others.
 */

const now = () => new Date();

/** The stores on the single table, sharing one document client. */
export function createStores(config: Config) {
  const db = createDocumentClient();
  return {
    bills: new DynamoBillStore(db, config.tableName),
    changes: new DynamoChangeStore(db, config.tableName),
    subscribers: new DynamoSubscriberStore(db, config.tableName),
    deliveries: new DynamoDeliveryStore(db, config.tableName),
  };
}

/** The polite fetcher for sozd, with the configured proxy, limits and retries. */
export function createSozdFetcher(config: Config): PoliteFetcher {
  return createPoliteFetcher({
    userAgent: config.sozd.userAgent,
    timeoutMs: config.sozd.timeoutMs,
    maxBytes: config.sozd.maxBytes,
    proxyUrl: config.sozd.proxyUrl,
    maxInFlightPerHost: config.sozd.maxInFlightPerHost,
    minGapMsPerHost: config.sozd.minGapMsPerHost,
    retry: { attempts: config.sozd.retryAttempts, baseDelayMs: 500, maxDelayMs: 30_000 },
  });
}

function queue(url: string | undefined, field: string): MessageQueue {
  return createSqsMessageQueue(createSqsClient(), required(url, field));
}

/** What poll-bills needs. */
export function pollDependencies(config: Config): PollDependencies {
  const { bills, changes } = createStores(config);
  return {
    bills,
    changes,
    fanOutQueue: queue(config.queues.fanOutUrl, 'queues.fanOutUrl (FAN_OUT_QUEUE_URL)'),
    source: createSozdHttpSource(createSozdFetcher(config), config.sozd.baseUrl),
    now,
    logger: createLogger('poll-bills'),
  };
}

/** What the sweeper needs. */
export function sweepDependencies(config: Config) {
  return {
    changes: createStores(config).changes,
    fanOutQueue: queue(config.queues.fanOutUrl, 'queues.fanOutUrl (FAN_OUT_QUEUE_URL)'),
    now,
    logger: createLogger('sweeper'),
  };
}

/** What fan-out needs. */
export function fanOutDependencies(config: Config) {
  return {
    subscribers: createStores(config).subscribers,
    emailQueue: queue(config.queues.emailUrl, 'queues.emailUrl (EMAIL_QUEUE_URL)'),
    logger: createLogger('fan-out'),
  };
}

/** What send-email needs. */
export function sendEmailDependencies(config: Config): SendEmailDependencies {
  const { changes, subscribers, deliveries } = createStores(config);
  return {
    changes,
    subscribers,
    deliveries,
    mailer: createSesMailer(createSesClient(), { from: config.email.from, configurationSetName: config.email.configurationSet }),
    now,
    logger: createLogger('send-email'),
    publicBaseUrl: config.publicBaseUrl,
    tokenSecrets: required(config.tokenSecrets, 'tokenSecrets (TOKEN_SECRETS)') as [string, ...string[]],
  };
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`Invalid configuration: ${field} is required`);
  return value;
}
