import { createDocumentClient, createSesClient, createSqsClient } from '../aws/clients.js';
import type { Config } from '../config/config.js';
import { createSesMailer } from '../email/ses-mailer.js';
import { createPoliteFetcher, type PoliteFetcher } from '../http/polite-fetcher.js';
import { createLogger } from '../log/logger.js';
import type { TopicAlertDependencies } from '../pipeline/alert-topic-matches.js';
import { matchBillChanges } from '../pipeline/match-bill-changes.js';
import type { BillChange } from '../bill/bill-change.js';
import type { PollDependencies } from '../pipeline/poll-bills.js';
import type { PollFeedsDependencies } from '../pipeline/poll-feeds.js';
import type { SendAlertEmailDependencies } from '../pipeline/send-topic-emails.js';
import { cachedTopicCatalog } from '../pipeline/topic-catalog.js';
import type { SendEmailDependencies } from '../pipeline/send-change-emails.js';
import { createSqsMessageQueue, type MessageQueue } from '../queue/message-queue.js';
import { createSozdHttpSource } from '../sozd/sozd-http-source.js';
import { DynamoBillStore } from '../store/bill-store.js';
import { DynamoChangeStore } from '../store/change-store.js';
import { DynamoAlertStore } from '../store/alert-store.js';
import { DynamoDeliveryStore } from '../store/delivery-store.js';
import { DynamoFeedStore } from '../store/feed-store.js';
import { DynamoNewsStore } from '../store/news-store.js';
import { DynamoTopicStore } from '../store/topic-store.js';
import { DynamoSubscriberStore } from '../store/subscriber-store.js';
import { loadDeliveryConfig, type DeliveryConfig } from '../pipeline/delivery-config.js';
import type { FanOutDependencies } from '../pipeline/fan-out.js';
import { createSafeHttpClient, type SafeHttpClient } from '../net/safe-http-client.js';
import type { SendDigestsDependencies } from '../digests/send-digests.js';
import { DynamoDigestStore } from '../store/digest-store.js';
import { DynamoEndpointDeliveryStore } from '../store/endpoint-delivery-store.js';
import { DynamoEndpointStore } from '../store/endpoint-store.js';
import { DynamoFollowerRouteReader } from '../store/follower-route-store.js';
import { DynamoRetryDueStore } from '../store/retry-due-store.js';
import { createSqsDelayableQueue } from '../webhooks/delayable-queue.js';
import type { EndpointDeliveryDependencies } from '../webhooks/deliver-to-endpoint.js';
import type { EndpointServiceDependencies } from '../webhooks/endpoint-service.js';
import { createRetryScheduler, type EndpointQueues } from '../webhooks/retry-scheduler.js';
import type { ApiDependencies } from '../api/api-dependencies.js';
import { DynamoRateLimitStore } from '../store/rate-limit-store.js';
import { DynamoSubscriptionStore } from '../store/subscription-store.js';
import { DynamoSuppressionStore } from '../store/suppression-store.js';
import type { SesEventDependencies } from '../subscriptions/ses-events.js';

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
    matchTopics: topicMatcher(config),
  };
}

/** Matches the decisions of new bill events against subscribers' topics, once the changes are queued. */
function topicMatcher(config: Config): (changes: readonly BillChange[]) => Promise<number> {
  let deps: TopicAlertDependencies | undefined;
  // Built on first use: most poll cycles find no change and need neither the topics nor the email queue.
  return (changes) => matchBillChanges((deps ??= topicAlertDependencies(config)), changes);
}

/** What the sweeper needs. */
export function sweepDependencies(config: Config) {
  return {
    changes: createStores(config).changes,
    fanOutQueue: queue(config.queues.fanOutUrl, 'queues.fanOutUrl (FAN_OUT_QUEUE_URL)'),
    now,
    logger: createLogger('sweeper'),
    matchTopics: topicMatcher(config),
  };
}

/** What fan-out needs: the email queue always, the webhook and Slack queues when they are configured. */
export function fanOutDependencies(config: Config, delivery: DeliveryConfig = loadDeliveryConfig()): FanOutDependencies {
  const { followerRoutes, digests } = createDeliveryStores(config);
  return {
    followers: followerRoutes,
    emailQueue: queue(config.queues.emailUrl, 'queues.emailUrl (EMAIL_QUEUE_URL)'),
    digests,
    changes: createStores(config).changes,
    now,
    ...(delivery.webhookQueueUrl && delivery.slackQueueUrl ? { endpointQueues: endpointQueues(delivery) } : {}),
  };
}

/** The stores of webhook, Slack and digest delivery, on the single table. */
export function createDeliveryStores(config: Config) {
  const db = createDocumentClient();
  return {
    endpoints: new DynamoEndpointStore(db, config.tableName),
    endpointDeliveries: new DynamoEndpointDeliveryStore(db, config.tableName),
    retryDue: new DynamoRetryDueStore(db, config.tableName),
    digests: new DynamoDigestStore(db, config.tableName),
    followerRoutes: new DynamoFollowerRouteReader(db, config.tableName),
  };
}

/** The webhook and Slack queues. */
export function endpointQueues(delivery: DeliveryConfig): EndpointQueues {
  const sqs = createSqsClient();
  return {
    webhook: createSqsDelayableQueue(sqs, required(delivery.webhookQueueUrl, 'WEBHOOK_QUEUE_URL')),
    slack: createSqsDelayableQueue(sqs, required(delivery.slackQueueUrl, 'SLACK_QUEUE_URL')),
  };
}

/** The SSRF-safe client for user-supplied URLs, with the configured timeout, response cap and local allow-list. */
export function createEndpointHttpClient(delivery: DeliveryConfig): SafeHttpClient {
  return createSafeHttpClient({ timeoutMs: delivery.timeoutMs, maxResponseBytes: delivery.maxResponseBytes, allowHosts: delivery.allowHosts });
}

/** What deliver-webhook (the consumer of the webhook and Slack queues) needs. */
export function deliverEndpointDependencies(config: Config, delivery: DeliveryConfig = loadDeliveryConfig()): EndpointDeliveryDependencies {
  const { endpoints, endpointDeliveries, retryDue } = createDeliveryStores(config);
  return {
    endpoints,
    deliveries: endpointDeliveries,
    changes: createStores(config).changes,
    retries: createRetryScheduler({ queues: endpointQueues(delivery), parked: retryDue }),
    http: createEndpointHttpClient(delivery),
    mailer: createSesMailer(createSesClient(), { from: config.email.from, configurationSetName: config.email.configurationSet }),
    now,
    random: Math.random,
    logger: createLogger('deliver-webhook'),
    // Longer than one attempt can take, so a live attempt is never taken over.
    leaseMs: delivery.timeoutMs * 2 + 10_000,
  };
}

/** What redrive-webhooks needs. */
export function redriveDependencies(config: Config, delivery: DeliveryConfig = loadDeliveryConfig()) {
  return { parked: createDeliveryStores(config).retryDue, queues: endpointQueues(delivery), now, logger: createLogger('redrive-webhooks') };
}

/** What send-digests needs. */
export function sendDigestsDependencies(config: Config, delivery: DeliveryConfig = loadDeliveryConfig()): SendDigestsDependencies {
  const { changes, subscribers } = createStores(config);
  const { digests, endpoints } = createDeliveryStores(config);
  return {
    digests,
    changes,
    subscribers,
    endpoints,
    mailer: createSesMailer(createSesClient(), { from: config.email.from, configurationSetName: config.email.configurationSet }),
    http: createEndpointHttpClient(delivery),
    now,
    logger: createLogger('send-digests'),
    publicBaseUrl: config.publicBaseUrl,
    tokenSecrets: required(config.tokenSecrets, 'tokenSecrets (TOKEN_SECRETS)') as [string, ...string[]],
    digestHour: delivery.digestHour,
  };
}

/** What the endpoint service (register, test event, enable and replay, delivery log) needs, for the API and CLI. */
export function endpointServiceDependencies(config: Config, delivery: DeliveryConfig = loadDeliveryConfig()): EndpointServiceDependencies {
  const { endpoints, endpointDeliveries } = createDeliveryStores(config);
  return { endpoints, deliveries: endpointDeliveries, queues: endpointQueues(delivery), allowedHosts: new Set(delivery.allowHosts), now };
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

/** What the HTTP API needs: the subscription stores, the mailer for confirmation emails, the admin key. */
export function apiDependencies(config: Config): ApiDependencies {
  const db = createDocumentClient();
  const subscribers = new DynamoSubscriberStore(db, config.tableName);
  return {
    subscriptions: new DynamoSubscriptionStore(db, config.tableName, subscribers),
    suppressions: new DynamoSuppressionStore(db, config.tableName),
    rateLimits: new DynamoRateLimitStore(db, config.tableName),
    bills: new DynamoBillStore(db, config.tableName),
    deliveries: new DynamoDeliveryStore(db, config.tableName),
    mailer: createSesMailer(createSesClient(), { from: config.email.from, configurationSetName: config.email.configurationSet }),
    tokenSecrets: required(config.tokenSecrets, 'tokenSecrets (TOKEN_SECRETS)') as [string, ...string[]],
    publicBaseUrl: config.publicBaseUrl,
    adminApiKey: config.adminApiKey,
    signupLimits: {
      perClientIp: { limit: config.signup.perClientIpPerHour, windowSeconds: 3600 },
      perAddress: { limit: config.signup.perAddressPerHour, windowSeconds: 3600 },
      confirmationCooldownSeconds: config.signup.confirmationCooldownMinutes * 60,
    },
    now,
    logger: createLogger('api'),
  };
}

/** What ses-events needs: the suppression list and the subscriptions whose follows it drops. */
export function sesEventsDependencies(config: Config): SesEventDependencies {
  const db = createDocumentClient();
  const subscribers = new DynamoSubscriberStore(db, config.tableName);
  return {
    suppressions: new DynamoSuppressionStore(db, config.tableName),
    subscriptions: new DynamoSubscriptionStore(db, config.tableName, subscribers),
    now,
    logger: createLogger('ses-events'),
  };
}

/** The stores of feeds, news, topics and alerts, sharing one document client. */
export function createNewsStores(config: Config) {
  const db = createDocumentClient();
  return {
    feedStore: new DynamoFeedStore(db, config.tableName),
    news: new DynamoNewsStore(db, config.tableName),
    topics: new DynamoTopicStore(db, config.tableName),
    alerts: new DynamoAlertStore(db, config.tableName),
  };
}

/** The polite fetcher for news feeds: sozd's proxy and User-Agent, the feed limits. */
export function createFeedFetcher(config: Config): PoliteFetcher {
  return createPoliteFetcher({
    userAgent: config.sozd.userAgent,
    timeoutMs: config.feedFetch.timeoutMs,
    maxBytes: config.feedFetch.maxBytes,
    proxyUrl: config.sozd.proxyUrl,
    // Several feeds share a host (meduza.io, themoscowtimes.com): one request at a time to each is polite enough.
    maxInFlightPerHost: 1,
    minGapMsPerHost: config.feedFetch.minGapMsPerHost,
    retry: { attempts: config.feedFetch.retryAttempts, baseDelayMs: 500, maxDelayMs: 30_000 },
  });
}

/**
 * What topic matching needs to alert on bill changes (matchBillChanges) and news: topics, alerts, the email
 * queue, and a topic index cached for a minute so that one poll builds it once.
 */
export function topicAlertDependencies(config: Config): TopicAlertDependencies {
  const { topics, alerts } = createNewsStores(config);
  return {
    topics,
    alerts,
    emailQueue: queue(config.queues.emailUrl, 'queues.emailUrl (EMAIL_QUEUE_URL)'),
    topicCatalog: cachedTopicCatalog(topics, createLogger('topic-matching')),
    now,
  };
}

/** What poll-feeds needs. */
export function pollFeedsDependencies(config: Config): PollFeedsDependencies {
  const { feedStore, news } = createNewsStores(config);
  const { bills, subscribers } = createStores(config);
  return {
    ...topicAlertDependencies(config),
    feedStore,
    news,
    bills,
    subscribers,
    fetcher: createFeedFetcher(config),
    feeds: config.feeds,
    logger: createLogger('poll-feeds'),
  };
}

/** What send-email needs for alerts (topic matches, "in the news"). */
export function sendAlertEmailDependencies(config: Config): SendAlertEmailDependencies {
  const { subscribers, deliveries } = createStores(config);
  const { alerts, news } = createNewsStores(config);
  return {
    alerts,
    news,
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
