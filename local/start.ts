import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../shared/config/config.js';
import { createStores } from '../shared/runtime/stores.js';
import { startLocalStack, type LocalStack } from './local-stack.js';
import { DEMO_BILLS } from './simulator/demo-bills.js';
import { startDumaSimulator, type DumaSimulator } from './simulator/duma-simulator.js';

/*
 * `npm start`: the whole service on this machine, no AWS account, no Docker. `npm run demo`: the same,
 * polling the Duma simulator instead of sozd, with two subscribers, so alert emails arrive within a minute.
 */

const PORTS = { dynamodb: 8000, ses: 8005, sqs: 4566, api: 8787, simulator: 8790 };
const DATA_DIR = resolve('.data');
const DEMO_SUBSCRIBERS = [
  { email: 'redaktor@example.org', language: 'ru' as const },
  { email: 'editor@example.org', language: 'en' as const },
];

async function main(): Promise<void> {
  // Node 20 is supported here; the SDK's notice about its future Node 22 floor is noise on every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
  const demo = values.demo ?? false;

  let simulator: DumaSimulator | undefined;
  // Powertools' dev mode indents each JSON log line: readable in a terminal, still JSON.
  const env: Record<string, string> = { POWERTOOLS_DEV: process.env.POWERTOOLS_DEV ?? 'true' };
  if (demo) {
    simulator = await startDumaSimulator({
      bills: DEMO_BILLS,
      pace: { kind: 'timed', stepMs: 12_000, firstAfterMs: 8_000 },
      port: PORTS.simulator,
    });
    Object.assign(env, {
      SOZD_BASE_URL: simulator.url,
      POLL_BILLS_SCHEDULE: '*/5 * * * * *',
      SWEEP_SCHEDULE: '*/30 * * * * *',
      SOZD_MIN_GAP_MS: '0',
    });
  }
  // Validate before anything starts, so a bad setting is one clear message.
  loadConfig({ ...process.env, ...env });

  const stack = await startLocalStack({
    dataDir: DATA_DIR,
    ports: PORTS,
    apiPort: PORTS.api,
    env,
    run: true,
    onError: (source, error) => console.error(`[${source}] ${(error as Error).message}`),
  });
  writeFileSync(
    resolve(DATA_DIR, 'local-env.json'),
    JSON.stringify(
      {
        ...stack.env,
        FAN_OUT_DLQ_URL: stack.queues.fanOut.dlqUrl,
        EMAIL_DLQ_URL: stack.queues.email.dlqUrl,
        WEBHOOK_DLQ_URL: stack.queues.webhook.dlqUrl,
        SLACK_DLQ_URL: stack.queues.slack.dlqUrl,
      },
      null,
      2,
    ),
  );
  if (demo) await seedDemo();
  printWelcome(stack, simulator);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.stop();
    await simulator?.stop();
    console.log('Stopped. Data is kept in .data/.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await stack.pollBills();
}

async function seedDemo(): Promise<void> {
  const { bills, subscribers } = createStores(loadConfig());
  const at = new Date().toISOString();
  for (const bill of DEMO_BILLS) await bills.watch(bill.page.number);
  for (const { email, language } of DEMO_SUBSCRIBERS) {
    const subscriber = await subscribers.upsertEmailSubscriber({ email, language, at });
    for (const bill of DEMO_BILLS) await subscribers.follow(subscriber.id, bill.page.number);
  }
}

function printWelcome(stack: LocalStack, simulator: DumaSimulator | undefined): void {
  const lines = [
    '',
    'duma-alerts is running on this machine.',
    '',
    `  Sign up, preferences:      ${stack.api.url}/`,
    `  HTTP API:                  ${stack.api.url}/openapi.json   admin key (x-api-key) in .data/admin-api-key`,
    `  Mail sent (SES emulator):  ${stack.services.sesEndpoint}/   (JSON: ${stack.services.sesEndpoint}/store)`,
    `  DynamoDB (dynalite):       ${stack.services.dynamodbEndpoint}   data in .data/dynamodb`,
    `  SQS (fauxqs):              ${stack.services.sqsEndpoint}`,
    simulator
      ? `  Duma simulator:            ${simulator.url}/bill/${DEMO_BILLS[0]!.page.number}   (a new event every 12 s)`
      : `  Polling:                   ${stack.env.SOZD_BASE_URL ?? 'https://sozd.duma.gov.ru'} on schedule ${stack.env.POLL_BILLS_SCHEDULE ?? '*/10 * * * *'}`,
    '',
    '  In another terminal:  npx duma-alerts status',
    '                        npx duma-alerts subscribe --email you@example.org --bill 1075342-8',
    '',
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
