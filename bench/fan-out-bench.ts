import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ensureQueues, ensureTable } from '../local/provision.js';
import { startLocalServices } from '../local/local-services.js';
import { createDocumentClient } from '../shared/aws/clients.js';
import { loadConfig } from '../shared/config/config.js';
import { fanOutChanges, type FanOutDependencies } from '../shared/pipeline/fan-out.js';
import { runConcurrently } from '../shared/pipeline/run-concurrently.js';
import { fanOutDependencies } from '../shared/runtime/fan-out-dependencies.js';
import { createStores } from '../shared/runtime/stores.js';
import { batchWriteAll, DYNAMO_BATCH, type WriteRequest } from '../shared/store/batch-write.js';
import type { FollowerRoute } from '../shared/store/follower-route-store.js';
import { keys } from '../shared/store/table-schema.js';
import { EXAMPLE_BILL_CHANGE } from '../shared/webhooks/webhook-examples.js';

/*
 * Fan-out of one change to 100,000 subscriptions on the local stack: dynalite and fauxqs run in a child process, so
 * process.cpuUsage() here counts duma-alerts' code (with the AWS SDK it calls), not the emulators'.
 */

const SUBSCRIPTIONS = 100_000;
/** The mix of follower kinds, in tenths: 7 instant email, 1 daily digest, 1 webhook, 1 Slack. */
const MIX = ['email', 'email', 'email', 'email', 'email', 'email', 'email', 'digest', 'webhook', 'slack'] as const;
const SEED_CONCURRENCY = 8;

export interface FanOutBenchFigures {
  subscriptions: number;
  seedMs: number;
  fanOutMs: number;
  deliveriesPerSecond: number;
  /** CPU of this process (our code and the AWS SDK, no emulator) per routed subscription. */
  cpuMsPerDelivery: number;
  /** CPU of the routing logic alone (in-memory ports), per subscription. */
  routingCpuMsPerDelivery: number;
  queued: { email: number; webhook: number; slack: number };
  peakRssMb: number;
  /** V8 heap in use before the fan-out, and its peak during it: what paging keeps flat. */
  heapBeforeMb: number;
  peakHeapMb: number;
}

function followerItem(index: number): Record<string, unknown> {
  const id = `s${String(index).padStart(6, '0')}`;
  const kind = MIX[index % MIX.length]!;
  const base = { ...keys.follower(EXAMPLE_BILL_CHANGE.billNumber, id), billNumber: EXAMPLE_BILL_CHANGE.billNumber, subscriberId: id };
  if (kind === 'email') return base;
  if (kind === 'digest') return { ...base, frequency: 'daily', stages: 'all' };
  return { ...base, channel: kind, endpointId: id, frequency: 'instant' };
}

/** Starts the emulators in a child process (this same file with --services) and reads their endpoints. */
async function startServicesProcess(): Promise<{ child: ChildProcess; env: Record<string, string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--services'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) return { child, env: JSON.parse(line) as Record<string, string> };
  throw new Error('the services process ended before printing its endpoints');
}

/** CPU of the routing alone: the same fan-out over in-memory pages and ports that do nothing. */
async function routingOnlyCpuMs(): Promise<number> {
  const pages: FollowerRoute[][] = [];
  for (let start = 0; start < SUBSCRIPTIONS; start += 1000) {
    pages.push(
      Array.from({ length: 1000 }, (_, offset) => {
        const item = followerItem(start + offset);
        const channel = (item.channel as FollowerRoute['channel'] | undefined) ?? 'email';
        return {
          subscriberId: item.subscriberId as string,
          billNumber: item.billNumber as string,
          channel,
          frequency: (item.frequency as FollowerRoute['frequency'] | undefined) ?? 'instant',
          stages: 'all',
          ...(channel !== 'email' ? { endpointId: item.endpointId as string } : {}),
        };
      }),
    );
  }
  const idle = { sendAll: async () => {} };
  const deps: FanOutDependencies = {
    followers: {
      async *listRoutes() {
        yield* pages;
      },
    },
    emailQueue: idle,
    endpointQueues: { webhook: idle, slack: idle, telegram: idle },
    digests: {
      addPending: async () => {},
      listRecipients: async function* () {},
      readPending: async () => [],
      completeDigest: async () => {},
      dropPending: async () => {},
      clearMarker: async () => true,
    },
  };
  const cpu = process.cpuUsage();
  await fanOutChanges(deps, { billNumber: EXAMPLE_BILL_CHANGE.billNumber, changeIds: [EXAMPLE_BILL_CHANGE.id] });
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
}

/** Seeds 100,000 followers, fans one change out to them on the local stack, and measures it. */
export async function runFanOutBench(): Promise<FanOutBenchFigures> {
  const { child, env: servicesEnv } = await startServicesProcess();
  try {
    Object.assign(process.env, servicesEnv);
    const tableName = `bench${randomBytes(3).toString('hex')}`;
    const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
    await ensureTable(new DynamoDBClient({}), tableName);
    const queues = await ensureQueues(sqs, { visibilityTimeoutSeconds: 30, maxReceiveCount: 3 });
    const config = loadConfig({ ...servicesEnv, TABLE_NAME: tableName, FAN_OUT_QUEUE_URL: queues.fanOut.url, EMAIL_QUEUE_URL: queues.email.url });
    const db = createDocumentClient();

    const seedStart = performance.now();
    // Batches are made as they are written, so the seed data is not in memory while the fan-out is measured.
    const batchStarts = Array.from({ length: Math.ceil(SUBSCRIPTIONS / DYNAMO_BATCH) }, (_, index) => index * DYNAMO_BATCH);
    await runConcurrently(batchStarts, SEED_CONCURRENCY, (start) => {
      const batch: WriteRequest[] = Array.from({ length: Math.min(DYNAMO_BATCH, SUBSCRIPTIONS - start) }, (_, offset) => ({
        PutRequest: { Item: followerItem(start + offset) },
      }));
      return batchWriteAll(db, tableName, batch);
    });
    const seedMs = performance.now() - seedStart;

    const deps = fanOutDependencies({
      ...config,
      delivery: { ...config.delivery, webhookQueueUrl: queues.webhook.url, slackQueueUrl: queues.slack.url, telegramQueueUrl: queues.telegram.url },
    });
    await createStores(config).changes.putIfAbsent(EXAMPLE_BILL_CHANGE);
    global.gc?.();
    const heapBeforeMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
    let peak = { rss: 0, heap: 0 };
    const sample = () => {
      const { rss, heapUsed } = process.memoryUsage();
      peak = { rss: Math.max(peak.rss, rss), heap: Math.max(peak.heap, heapUsed) };
    };
    sample();
    const sampler = setInterval(sample, 100);

    const cpu = process.cpuUsage();
    const started = performance.now();
    const routed = await fanOutChanges(deps, { billNumber: EXAMPLE_BILL_CHANGE.billNumber, changeIds: [EXAMPLE_BILL_CHANGE.id] });
    const fanOutMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    if (routed !== SUBSCRIPTIONS) throw new Error(`routed ${routed} of ${SUBSCRIPTIONS} subscriptions`);

    const depth = async (url: string) => {
      const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
      return Number(Attributes.ApproximateNumberOfMessages ?? 0);
    };
    const queued = { email: await depth(queues.email.url), webhook: await depth(queues.webhook.url), slack: await depth(queues.slack.url) };
    sqs.destroy();

    return {
      subscriptions: SUBSCRIPTIONS,
      seedMs: Math.round(seedMs),
      fanOutMs: Math.round(fanOutMs),
      deliveriesPerSecond: Math.round(SUBSCRIPTIONS / (fanOutMs / 1000)),
      cpuMsPerDelivery: (used.user + used.system) / 1000 / SUBSCRIPTIONS,
      routingCpuMsPerDelivery: (await routingOnlyCpuMs()) / SUBSCRIPTIONS,
      queued,
      peakRssMb: Math.round(peak.rss / 1024 / 1024),
      heapBeforeMb,
      peakHeapMb: Math.round(peak.heap / 1024 / 1024),
    };
  } finally {
    child.kill('SIGTERM');
  }
}

/** The child: the emulators on loopback, their endpoints printed as one JSON line, until the parent ends it. */
async function serveEmulators(): Promise<void> {
  const services = await startLocalServices();
  process.stdout.write(`${JSON.stringify(services.env)}\n`);
  process.on('SIGTERM', () => void services.stop().finally(() => process.exit(0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--services')) {
    await serveEmulators();
  } else {
    const figures = await runFanOutBench();
    console.log(`fan-out of one change to ${figures.subscriptions} subscriptions (70% email, 10% daily digest, 10% webhook, 10% Slack)`);
    console.log(`  seeding followers (BatchWriteItem of 25): ${figures.seedMs} ms`);
    console.log(`  fan-out: ${figures.fanOutMs} ms, ${figures.deliveriesPerSecond} deliveries/s, peak RSS ${figures.peakRssMb} MB, heap ${figures.heapBeforeMb} MB before, ${figures.peakHeapMb} MB at peak`);
    console.log(`  CPU in our process (our code + AWS SDK, emulators out of process): ${figures.cpuMsPerDelivery.toFixed(4)} ms/delivery`);
    console.log(`  CPU of the routing logic alone: ${figures.routingCpuMsPerDelivery.toFixed(5)} ms/delivery`);
    console.log(`  queued: email ${figures.queued.email}, webhook ${figures.queued.webhook}, slack ${figures.queued.slack}`);
  }
}
