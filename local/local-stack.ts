import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { Cron } from 'croner';
import { startLocalServices, type LocalServices } from './local-services.js';
import { ensureQueues, ensureTable, type ProvisionedQueue, type QueueName } from './provision.js';
import { SqsEventSource, type SqsHandler } from './sqs-event-source.js';

export interface LocalStackOptions {
  /** Keeps DynamoDB data (and the token secret) here across restarts; in memory when absent. */
  dataDir?: string;
  /** Fixed ports; any free port when absent. A restart within one process must reuse the first ports. */
  ports?: { dynamodb?: number; ses?: number; sqs?: number };
  /** Extra environment for the functions (SOZD_BASE_URL, schedules, …), set before they load. */
  env?: Record<string, string>;
  /** Run the poll and sweep schedules (croner) and consume the queues continuously. Off in tests, which step by hand. */
  run?: boolean;
  visibilityTimeoutSeconds?: number;
  maxReceiveCount?: number;
  onError?: (source: string, error: unknown) => void;
}

type ScheduledHandler = () => Promise<unknown>;

/** The whole service on one machine: emulated AWS services, the same handlers as in Lambda, their schedules. */
export interface LocalStack {
  services: LocalServices;
  queues: Record<QueueName, ProvisionedQueue>;
  /** The environment the functions run with. */
  env: Record<string, string>;
  pollBills: ScheduledHandler;
  sweep: ScheduledHandler;
  consumers: Record<QueueName, SqsEventSource>;
  /** Delivers everything queued, as Lambda would, until both queues are empty. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const TABLE_NAME = 'duma-alerts';

/**
 * Starts dynalite, the SES emulator and fauxqs, creates the table and queues, loads the functions with
 * endpoints pointing at them, and (with `run`) drives them on their schedules.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const services = await startLocalServices({
    dataDir: options.dataDir ? join(options.dataDir, 'dynamodb') : undefined,
    ports: options.ports,
  });
  Object.assign(process.env, services.env);
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  const db = new DynamoDBClient({});
  await ensureTable(db, TABLE_NAME);
  const queues = await ensureQueues(sqs, {
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 5,
    maxReceiveCount: options.maxReceiveCount ?? 4,
  });

  const env: Record<string, string> = {
    ...services.env,
    TABLE_NAME,
    FAN_OUT_QUEUE_URL: queues.fanOut.url,
    EMAIL_QUEUE_URL: queues.email.url,
    TOKEN_SECRETS: tokenSecret(options.dataDir),
    // CloudWatch metrics (EMF) mean nothing on this machine; the logs and `status` say the same.
    POWERTOOLS_METRICS_DISABLED: 'true',
    ...options.env,
  };
  Object.assign(process.env, env);

  // Loaded only now: like a Lambda, each function reads its configuration when its module loads.
  const [pollModule, sweepModule, fanOutModule, emailModule] = await Promise.all([
    import('../functions/poll-bills.js'),
    import('../functions/sweeper.js'),
    import('../functions/fan-out.js'),
    import('../functions/send-email.js'),
  ]);
  const report = options.onError ?? (() => {});
  const consumer = (name: QueueName, handler: SqsHandler) =>
    new SqsEventSource(sqs, queues[name].url, handler, (error) => report(name, error));
  const consumers = {
    fanOut: consumer('fanOut', fanOutModule.handler),
    email: consumer('email', emailModule.handler),
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
    consumers.fanOut.start();
    consumers.email.start();
  }

  return {
    services,
    queues,
    env,
    pollBills: pollModule.handler,
    sweep: sweepModule.handler,
    consumers,
    async drain() {
      let handled = 0;
      for (;;) {
        const batch = (await consumers.fanOut.pollOnce()) + (await consumers.email.pollOnce());
        if (batch === 0) return handled;
        handled += batch;
      }
    },
    async stop() {
      for (const cron of crons) cron.stop();
      await Promise.all([consumers.fanOut.stop(), consumers.email.stop()]);
      sqs.destroy();
      db.destroy();
      await services.stop();
    },
  };
}

/** The signing secret for links: generated once and kept under the data folder, so links survive restarts. */
function tokenSecret(dataDir: string | undefined): string {
  if (process.env.TOKEN_SECRETS) return process.env.TOKEN_SECRETS;
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'token-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
