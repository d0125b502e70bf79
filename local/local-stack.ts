import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { Cron } from 'croner';
import { startLocalServices, type LocalServices } from './local-services.js';
import { ensureQueues, ensureTable, type ProvisionedQueue, type QueueName } from './provision.js';
import { SqsEventSource, type SqsHandler } from './sqs-event-source.js';
import { httpApiOf, startHttpApiServer, type HttpApiHandler, type HttpApiServer } from './http-api-server.js';

export interface LocalStackOptions {
  /** Keeps DynamoDB data (and the token secret) here across restarts; in memory when absent. */
  dataDir?: string;
  /** Fixed ports; any free port when absent. A restart within one process must reuse the first ports. */
  ports?: { dynamodb?: number; ses?: number; sqs?: number };
  /** Extra environment for the functions (SOZD_BASE_URL, schedules, …), set before they load. */
  env?: Record<string, string>;
  /** Run the poll and sweep schedules (croner) and consume the queues continuously. Off in tests, which step by hand. */
  run?: boolean;
  /** Port of the HTTP API and sign-up pages; any free port when absent. */
  apiPort?: number;
  visibilityTimeoutSeconds?: number;
  maxReceiveCount?: number;
  onError?: (source: string, error: unknown) => void;
  /** Called as each part is ready, with its name and a detail (an address, a count): `npm start` prints them. */
  onReady?: (part: string, detail: string) => void;
  /** The table's name; `duma-alerts` when absent (the demo keeps a table of its own). */
  tableName?: string;
}

type ScheduledHandler = () => Promise<unknown>;

/** The whole service on one machine: emulated AWS services, the same handlers as in Lambda, their schedules. */
export interface LocalStack {
  services: LocalServices;
  /** The HTTP API and sign-up pages (the `api` function behind a loopback API Gateway). */
  api: HttpApiServer;
  queues: Record<QueueName, ProvisionedQueue>;
  /** The environment the functions run with. */
  env: Record<string, string>;
  pollBills: ScheduledHandler;
  sweep: ScheduledHandler;
  /** Re-queues parked webhook, Slack and Telegram retries that are due. */
  redriveWebhooks: ScheduledHandler;
  /** Sends the digests whose local hour has come. */
  sendDigests: ScheduledHandler;
  /** Polls the configured news feeds once and alerts on new items. */
  pollFeeds: ScheduledHandler;
  consumers: Record<QueueName, SqsEventSource>;
  /** Delivers everything queued, as Lambda would, until every queue is empty. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const DEFAULT_TABLE_NAME = 'duma-alerts';

/**
 * Starts dynalite, the SES emulator and fauxqs, creates the table and queues, loads the functions with
 * endpoints pointing at them, and (with `run`) drives them on their schedules.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const ready = options.onReady ?? (() => {});
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  const services = await startLocalServices({
    dataDir: options.dataDir ? join(options.dataDir, 'dynamodb') : undefined,
    ports: options.ports,
    onReady: ready,
  });
  Object.assign(process.env, services.env);
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  const db = new DynamoDBClient({});
  // The API's address goes into the links of every email, so it listens before the functions load; the table,
  // the queues and the listening socket do not wait for one another.
  let apiHandler: HttpApiHandler | undefined;
  const [queues, api] = await Promise.all([
    ensureQueues(sqs, {
      visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 5,
      maxReceiveCount: options.maxReceiveCount ?? 4,
    }),
    startHttpApiServer((event) => apiHandler!(event), { host: '127.0.0.1', port: options.apiPort ?? 0 }),
    ensureTable(db, tableName),
  ]);
  ready('table and queues', `${tableName}, ${Object.keys(queues).length} queues with their dead-letter queues`);

  const env: Record<string, string> = {
    ...services.env,
    PUBLIC_BASE_URL: api.url,
    ADMIN_API_KEY: localSecret(options.dataDir, 'admin-api-key', 'ADMIN_API_KEY'),
    TABLE_NAME: tableName,
    FAN_OUT_QUEUE_URL: queues.fanOut.url,
    EMAIL_QUEUE_URL: queues.email.url,
    WEBHOOK_QUEUE_URL: queues.webhook.url,
    SLACK_QUEUE_URL: queues.slack.url,
    TELEGRAM_QUEUE_URL: queues.telegram.url,
    // The console (and `status`) read the dead-letter queues too.
    FAN_OUT_DLQ_URL: queues.fanOut.dlqUrl,
    EMAIL_DLQ_URL: queues.email.dlqUrl,
    WEBHOOK_DLQ_URL: queues.webhook.dlqUrl,
    SLACK_DLQ_URL: queues.slack.dlqUrl,
    TELEGRAM_DLQ_URL: queues.telegram.dlqUrl,
    POLL_TASKS_QUEUE_URL: queues.pollTasks.url,
    POLL_TASKS_DLQ_URL: queues.pollTasks.dlqUrl,
    // The console reads each queue's oldest message from the emulator's inspection endpoint, receiving nothing.
    QUEUE_INSPECT_URL: services.sqsEndpoint,
    TOKEN_SECRETS: localSecret(options.dataDir, 'token-secret', 'TOKEN_SECRETS'),
    ...telegramBotToken(options.dataDir),
    // CloudWatch metrics (EMF) mean nothing on this machine; the logs and `status` say the same.
    POWERTOOLS_METRICS_DISABLED: 'true',
    ...simulatorPolling(options.env?.SOZD_BASE_URL ?? process.env.SOZD_BASE_URL),
    ...options.env,
  };
  Object.assign(process.env, env);

  // Loaded only now: like a Lambda, each function reads its configuration when its module loads.
  const [pollModule, pollTasksModule, sweepModule, fanOutModule, emailModule, pollFeedsModule] = await Promise.all([
    import('../functions/poll-bills.js'),
    import('../functions/poll-bill-tasks.js'),
    import('../functions/sweeper.js'),
    import('../functions/fan-out.js'),
    import('../functions/send-email.js'),
    import('../functions/poll-feeds.js'),
  ]);
  const [apiModule, consoleModule] = await Promise.all([import('../functions/api.js'), import('../functions/console.js')]);
  apiHandler = httpApiOf({ api: apiModule.handler, console: consoleModule.handler });
  ready('HTTP API and sign-up pages', `${api.url}/`);
  const [webhookModule, redriveModule, digestModule] = await Promise.all([
    import('../functions/deliver-webhook.js'),
    import('../functions/redrive-webhooks.js'),
    import('../functions/send-digests.js'),
  ]);
  ready('functions', 'the same handlers as in Lambda, loaded');
  const report = options.onError ?? (() => {});
  const consumer = (name: QueueName, handler: SqsHandler) =>
    new SqsEventSource(sqs, queues[name].url, handler, (error) => report(name, error));
  const consumers = {
    fanOut: consumer('fanOut', fanOutModule.handler),
    email: consumer('email', emailModule.handler),
    webhook: consumer('webhook', webhookModule.handler),
    slack: consumer('slack', webhookModule.handler),
    telegram: consumer('telegram', webhookModule.handler),
    pollTasks: consumer('pollTasks', pollTasksModule.handler),
  };

  const crons: Cron[] = [];
  if (options.run) {
    const schedule = (pattern: string, name: string, run: ScheduledHandler) =>
      crons.push(
        new Cron(pattern, { protect: true }, async () => {
          await run().catch((error: unknown) => report(name, error));
        }),
      );
    schedule(env.POLL_BILLS_SCHEDULE ?? '*/10 * * * *', 'poll-bills', pollModule.handler);
    schedule(env.SWEEP_SCHEDULE ?? '*/2 * * * *', 'sweeper', sweepModule.handler);
    // The default feeds are real news sites: a local run polls feeds only when FEEDS names which.
    if (process.env.FEEDS) schedule(env.POLL_FEEDS_SCHEDULE ?? '*/15 * * * *', 'poll-feeds', pollFeedsModule.handler);
    schedule(env.REDRIVE_WEBHOOKS_SCHEDULE ?? '* * * * *', 'redrive-webhooks', redriveModule.handler);
    schedule(env.SEND_DIGESTS_SCHEDULE ?? '1 * * * *', 'send-digests', digestModule.handler);
    for (const source of Object.values(consumers)) source.start();
  }

  return {
    services,
    api,
    queues,
    env,
    pollBills: pollModule.handler,
    sweep: sweepModule.handler,
    pollFeeds: pollFeedsModule.handler,
    redriveWebhooks: redriveModule.handler,
    sendDigests: digestModule.handler,
    consumers,
    async drain() {
      let handled = 0;
      for (;;) {
        let batch = 0;
        for (const source of Object.values(consumers)) batch += await source.pollOnce();
        if (batch === 0) return handled;
        handled += batch;
      }
    },
    async stop() {
      for (const cron of crons) cron.stop();
      await Promise.all(Object.values(consumers).map((source) => source.stop()));
      await api.stop();
      sqs.destroy();
      db.destroy();
      await services.stop();
    },
  };
}

/**
 * A local secret (the link-signing key, the admin API key): the environment's if set, else generated once and
 * kept under the data folder, so links and keys survive restarts.
 */
function localSecret(dataDir: string | undefined, fileName: string, variable: string): string {
  const fromEnv = process.env[variable];
  if (fromEnv) return fromEnv;
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * A sozd on loopback is the Duma simulator: it is polled at a pace and as often as a demo or a test needs (every
 * tier every run, 50 requests a second) rather than with the real sozd's politeness. Explicit settings still win.
 */
function simulatorPolling(sozdBaseUrl: string | undefined): Record<string, string> {
  if (!sozdBaseUrl || !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(sozdBaseUrl)) return {};
  return { POLL_DORMANT_MINUTES: '0', POLL_RESTING_MINUTES: '0', SOZD_REQUESTS_PER_SECOND: '50' };
}

/**
 * The Telegram bot token: the environment's TELEGRAM_BOT_TOKEN, else the file `telegram-bot-token` in the data folder
 * when there is one (a token comes from @BotFather and cannot be generated). Without either, Telegram endpoints are
 * refused with a message saying so.
 */
function telegramBotToken(dataDir: string | undefined): Record<string, string> {
  if (process.env.TELEGRAM_BOT_TOKEN) return { TELEGRAM_BOT_TOKEN: process.env.TELEGRAM_BOT_TOKEN };
  const file = dataDir ? join(dataDir, 'telegram-bot-token') : undefined;
  return file && existsSync(file) ? { TELEGRAM_BOT_TOKEN: readFileSync(file, 'utf8').trim() } : {};
}
