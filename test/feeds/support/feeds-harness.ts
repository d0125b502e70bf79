import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startHttpApiServer } from '../../../local/http-api-server.js';
import { startLocalServices, type LocalServices } from '../../../local/local-services.js';
import { ensureTable } from '../../../local/provision.js';
import { SqsEventSource } from '../../../local/sqs-event-source.js';
import { createApiHandler } from '../../../shared/api/create-api-handler.js';
import { createDocumentClient } from '../../../shared/aws/clients.js';
import { loadConfig, type Config } from '../../../shared/config/config.js';
import { handleFanOutMessage } from '../../../shared/pipeline/fan-out-message.js';
import { pollFeeds, type FeedsPollSummary } from '../../../shared/pipeline/poll-feeds.js';
import { EmailQueueMessageSchema, FanOutQueueMessageSchema } from '../../../shared/pipeline/pipeline-messages.js';
import { sendEmailMessage } from '../../../shared/pipeline/send-email-message.js';
import { apiDependencies } from '../../../shared/runtime/api-dependencies.js';
import { pollFeedsDependencies } from '../../../shared/runtime/poll-feeds-dependencies.js';
import { sendEmailDependencies } from '../../../shared/runtime/send-email-dependencies.js';
import { createNewsStores, createStores } from '../../../shared/runtime/stores.js';
import { newsAlertDependencies, topicAlertDependencies } from '../../../shared/runtime/topic-alert-dependencies.js';
import { fanOutQueueDependencies } from '../../../shared/runtime/fan-out-dependencies.js';
import { sqsBatchConsumer } from '../../../shared/runtime/sqs-batch.js';
import { DynamoAddressBook } from '../../../shared/store/address-book.js';
import { DynamoSubscriptionStore } from '../../../shared/store/subscription-store.js';
import { keys } from '../../../shared/store/table-schema.js';
import { PreferencesSchema, type PreferencesInput } from '../../../shared/subscriptions/subscription-preferences.js';
import { linesWrittenBy } from '../../support/captured-logs.js';
import { queueNameIn } from '../../support/queue-of-url.js';
import { sentEmails, type StoredEmail } from '../../support/ses-store.js';

/** What the loopback feed server answers on one path. */
export interface FeedResponse {
  status?: number;
  contentType?: string;
  /** More response headers (Content-Encoding, ETag…). */
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** A feed of the test's configuration, served at `path` on the loopback feed server. */
export interface TestFeed {
  id: string;
  path: string;
  language?: 'ru' | 'en';
  label?: string;
  /** The feed announces new bills (config `newBills`). */
  newBills?: boolean;
}

/**
 * Real local services (dynalite, SES emulator, fauxqs) and a loopback server for feeds and sozd pages (it is the
 * world's SOZD_BASE_URL too), shared by a test file; each test gets a world of its own: a fresh table and queues, and
 * the service's own builders on them.
 */
export async function startFeedsHarness() {
  const services: LocalServices = await startLocalServices();
  Object.assign(process.env, services.env);
  const responses = new Map<string, FeedResponse>();
  const server: Server = createServer((request, response) => {
    const answer = responses.get(request.url ?? '') ?? { status: 404, body: 'no such feed' };
    response.writeHead(answer.status ?? 200, { ...(answer.contentType ? { 'content-type': answer.contentType } : {}), ...answer.headers });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });

  return {
    services,
    /** The loopback server's base URL: it serves sozd pages too, at `/bill/<number>`, when told to. */
    origin,
    /** Makes the feed server answer `path` with this response from now on. */
    serve(path: string, response: FeedResponse) {
      responses.set(path, response);
    },
    /** A fresh world; with `endpointQueues`, its webhook, Slack and Telegram queues too, for endpoint followers. */
    async newWorld(feeds: TestFeed[], options: { endpointQueues?: boolean } = {}) {
      await fetch(`${services.sesEndpoint}/clear-store`, { method: 'POST' });
      const tableName = `t${randomBytes(4).toString('hex')}`;
      await ensureTable(new DynamoDBClient({}), tableName);
      // Named so that test/support/check-aws-access.ts knows which queue each is.
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: queueNameIn(tableName, 'email') }));
      const fanOut = await sqs.send(new CreateQueueCommand({ QueueName: queueNameIn(tableName, 'fanOut') }));
      const endpointEnv: Record<string, string> = {};
      for (const [kind, variable] of options.endpointQueues ? ENDPOINT_QUEUE_VARIABLES : []) {
        endpointEnv[variable] = (await sqs.send(new CreateQueueCommand({ QueueName: queueNameIn(tableName, kind) }))).QueueUrl!;
      }
      const config: Config = loadConfig({
        ...services.env,
        TABLE_NAME: tableName,
        EMAIL_QUEUE_URL: QueueUrl!,
        FAN_OUT_QUEUE_URL: fanOut.QueueUrl!,
        TOKEN_SECRETS: randomBytes(32).toString('hex'),
        FEEDS: JSON.stringify(
          feeds.map((feed) => ({
            id: feed.id,
            url: `${origin}${feed.path}`,
            language: feed.language ?? 'ru',
            label: feed.label ?? `Feed ${feed.id}`,
            ...(feed.newBills ? { newBills: true } : {}),
          })),
        ),
        FEED_MIN_GAP_MS: '0',
        FEED_RETRY_ATTEMPTS: '1',
        FEED_MAX_BYTES: String(256 * 1024),
        FEED_TIMEOUT_MS: '2000',
        SOZD_BASE_URL: origin,
        SOZD_MIN_GAP_MS: '0',
        SOZD_RETRY_ATTEMPTS: '1',
        ...endpointEnv,
      });
      return createWorld(config, sqs, { email: QueueUrl!, fanOut: fanOut.QueueUrl! }, services.sesEndpoint);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      sqs.destroy();
      await services.stop();
    },
  };
}

const ENDPOINT_QUEUE_VARIABLES = [
  ['webhook', 'WEBHOOK_QUEUE_URL'],
  ['slack', 'SLACK_QUEUE_URL'],
  ['telegram', 'TELEGRAM_QUEUE_URL'],
] as const;

function createWorld(config: Config, sqs: SQSClient, queueUrls: { email: string; fanOut: string }, sesEndpoint: string) {
  const emailQueueUrl = queueUrls.email;
  const db = createDocumentClient();
  const stores = { ...createStores(config), ...createNewsStores(config) };
  const subscriptions = new DynamoSubscriptionStore(db, config.tableName, stores.subscribers);
  const deps = pollFeedsDependencies(config);
  const emailDeps = sendEmailDependencies(config);
  const fanOutDeps = fanOutQueueDependencies(config);
  const rethrow = (error: unknown) => {
    throw error;
  };
  // The same consumers as functions/fan-out.ts and functions/send-email.ts, on the same builders.
  const fanOutConsumer = new SqsEventSource(
    sqs,
    queueUrls.fanOut,
    sqsBatchConsumer(FanOutQueueMessageSchema, (message) => handleFanOutMessage(fanOutDeps, message)),
    rethrow,
  );
  const consumer = new SqsEventSource(
    sqs,
    emailQueueUrl,
    sqsBatchConsumer(EmailQueueMessageSchema, (message) => sendEmailMessage(emailDeps, message)),
    rethrow,
  );

  return {
    config,
    stores,
    deps,
    topicAlerts: topicAlertDependencies(config),
    /** What fan-out raises a queued news item's alerts with, for tests that replay one. */
    newsAlerts: newsAlertDependencies(config),
    /** A confirmed subscriber with these preferences (the rest defaulted), through the subscription store; returns its id. */
    async subscribe(email: string, preferences: PreferencesInput) {
      const now = new Date();
      const pending = await subscriptions.requestSignup({
        subscriberId: await new DynamoAddressBook(db, config.tableName).idFor(email),
        email,
        preferences: PreferencesSchema.parse(preferences),
        at: now,
        expiresAt: Math.floor(now.getTime() / 1000) + 3600,
      });
      const outcome = await subscriptions.confirm(pending.subscriberId, pending.requestId, now, async () => false);
      if (outcome.kind !== 'confirmed') throw new Error(`subscription of ${email} not confirmed: ${outcome.kind}`);
      return pending.subscriberId;
    },
    /**
     * The API function (self-service pages and JSON API) served on loopback over this world's table, so a test
     * can change preferences the way a subscriber does and see what the pipeline then sends.
     */
    async startApi() {
      // The endpoint routes need webhook, Slack and Telegram queues to start; these tests never reach them.
      const delivery = { ...config.delivery, webhookQueueUrl: emailQueueUrl, slackQueueUrl: emailQueueUrl, telegramQueueUrl: emailQueueUrl };
      return startHttpApiServer(createApiHandler(apiDependencies({ ...config, delivery })), { host: '127.0.0.1', port: 0 });
    },
    /** Polls every feed once, its log lines kept off the test output and returned, for tests of what operators see. */
    async pollLogged() {
      let summary: FeedsPollSummary | undefined;
      const logs = await linesWrittenBy(async () => {
        summary = await pollFeeds(deps);
      });
      return { summary: summary!, logs: logs.map(({ level, message, feed, error }) => ({ level, message, feed, error })) };
    },
    /** Sets an attribute of a topic definition (e.g. watchLinkedBills). */
    async setTopic(topicId: string, attribute: string, value: unknown) {
      await db.send(
        new UpdateCommand({
          TableName: config.tableName,
          Key: keys.topic(topicId),
          UpdateExpression: 'SET #attribute = :value',
          ExpressionAttributeNames: { '#attribute': attribute },
          ExpressionAttributeValues: { ':value': value },
        }),
      );
    },
    /** Fans out everything on the fan-out queue, then delivers everything on the email queue; returns how many messages were handled. */
    async deliver(): Promise<number> {
      let handled = 0;
      for (const source of [fanOutConsumer, consumer]) {
        for (let batch = await source.pollOnce(); batch > 0; batch = await source.pollOnce()) handled += batch;
      }
      return handled;
    },
    /** The emails the SES emulator accepted in this world, by recipient then subject. */
    async emails(): Promise<StoredEmail[]> {
      const emails = await sentEmails(sesEndpoint);
      return emails.sort((a, b) => `${a.destination.to[0]}${a.subject}`.localeCompare(`${b.destination.to[0]}${b.subject}`));
    },
  };
}

export type FeedsHarness = Awaited<ReturnType<typeof startFeedsHarness>>;
export type FeedsWorld = ReturnType<typeof createWorld>;
