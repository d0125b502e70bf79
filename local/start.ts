import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, configVariablesIn, loadConfig } from '../shared/config/config.js';
import { createStores } from '../shared/runtime/stores.js';
import { demoBillNumbers, DEMO_SUBSCRIBERS, firstDemoLap, runDemo } from './demo.js';
import { claimDataDir, DataDirInUseError } from './data-dir-claim.js';
import { writeLocalEnvFile } from './local-env-file.js';
import { startLocalStack, type LocalStack } from './local-stack.js';
import { teeTerminalToFile } from './log-file.js';
import { DEMO_BILLS } from './simulator/demo-bills.js';
import { startDumaSimulator, type DumaSimulator } from './simulator/duma-simulator.js';
import { startMode, type StartMode } from './start-modes.js';

/*
 * `npm start`: the whole service on this machine, no AWS account, no Docker. `npm run demo`: the same, polling the
 * Duma simulator instead of sozd, with two subscribers, so alert emails arrive within a minute — in a data folder,
 * table and ports of its own (local/start-modes.ts). A line is printed as each part is ready.
 */

const DEMO_STEP_MS = 12_000;

async function main(): Promise<void> {
  // Node 20 is supported here; the SDK's notice about its future Node 22 floor is noise on every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: { demo: { type: 'boolean', default: false }, 'any-ports': { type: 'boolean', default: false } },
  });
  const mode = startMode({ demo: values.demo ?? false, root: resolve('.data'), anyPorts: values['any-ports'] });
  mkdirSync(mode.dataDir, { recursive: true });
  const releaseDataDir = claimDataDir(mode.dataDir);
  try {
    await serve(mode, releaseDataDir);
  } catch (error) {
    // A start that fails (a bad setting, a port in use) leaves the folder unclaimed, as Ctrl-C does.
    releaseDataDir();
    throw error;
  }
}

/** Starts everything in `mode`'s claimed data folder and serves until Ctrl-C, which releases it. */
async function serve(mode: StartMode, releaseDataDir: () => void): Promise<void> {
  const logFile = join(mode.dataDir, 'logs', 'duma-alerts.log');
  const closeLog = teeTerminalToFile(logFile);
  // Since the process started, loading the code included: what the user waits for.
  const seconds = () => (performance.now() / 1000).toFixed(1);
  const ready = (part: string, detail: string) => console.log(`  ready  ${part.padEnd(28)} ${detail}   (${seconds()} s)`);
  const onError = (source: string, error: unknown) => console.error(`[${source}] ${(error as Error).message}`);
  console.log(`duma-alerts${mode.name === 'demo' ? ' demo' : ''}: starting, data in ${shown(mode.dataDir)}/`);

  // The functions' logs: one JSON line per event (POWERTOOLS_DEV=true indents them for reading).
  const env: Record<string, string> = {};
  let simulator: DumaSimulator | undefined;
  const demoLapFile = join(mode.dataDir, 'demo-lap');
  if (mode.name === 'demo') {
    simulator = await startDumaSimulator({
      bills: DEMO_BILLS,
      pace: { kind: 'timed', stepMs: DEMO_STEP_MS, firstAfterMs: 8_000 },
      loop: true,
      firstLap: firstDemoLap(demoLapFile),
      port: mode.ports.simulator,
    });
    ready('Duma simulator', simulator.url);
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
    dataDir: mode.dataDir,
    ports: mode.ports,
    apiPort: mode.ports.api,
    tableName: mode.tableName,
    env,
    run: true,
    onError,
    onReady: ready,
  });
  // The CLI is configured as this stack is: the stack's own settings, and every setting it was started with (the
  // proxy `poll` must go through, the feeds `status` reports, the hosts `endpoint add` may register, …).
  const localEnvFile = join(mode.dataDir, 'local-env.json');
  writeLocalEnvFile(localEnvFile, { ...configVariablesIn(process.env), ...stack.env });
  const stopDemo = simulator
    ? await runDemo({ stores: createStores(loadConfig()), simulator, lapFile: demoLapFile, sesEndpoint: stack.services.sesEndpoint, print: (line) => console.log(line), onError })
    : undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    stopDemo?.();
    await stack.stop();
    await simulator?.stop();
    // The CLI reads this file to find a running stack: left behind, it would send commands (and links in previews)
    // to the ports of a stack that is gone, even when the user meant the deployed one.
    rmSync(localEnvFile, { force: true });
    releaseDataDir();
    console.log(`Stopped. Data is kept in ${shown(mode.dataDir)}/.`);
    await closeLog();
    process.exit(0);
  };
  // Before the line that says Ctrl-C stops everything: a Ctrl-C right after it would otherwise kill the process
  // half-stopped, its local-env.json left behind.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  printWelcome(mode, stack, simulator, logFile);
  console.log(`Ready in ${seconds()} s. Ctrl-C stops everything.`);
  await stack.pollBills().catch((error: unknown) => onError('poll-bills', error));
}

/** A path as the user would type it from the working directory. */
function shown(path: string): string {
  return relative(process.cwd(), path) || '.';
}

function printWelcome(mode: StartMode, stack: LocalStack, simulator: DumaSimulator | undefined, logFile: string): void {
  const data = shown(mode.dataDir);
  const config = loadConfig();
  const cli = mode.name === 'demo' ? `DUMA_ALERTS_ENV_FILE=${data}/local-env.json npx duma-alerts` : 'npx duma-alerts';
  const lines = [
    '',
    mode.name === 'demo' ? 'The duma-alerts demo is running on this machine.' : 'duma-alerts is running on this machine.',
    '',
    `  Sign up, preferences:      ${stack.api.url}/`,
    `  HTTP API:                  ${stack.api.url}/openapi.json   admin key (x-api-key) in ${data}/admin-api-key`,
    `  Operator console:          ${stack.api.url}/admin   sign in with the same admin key`,
    `  Mail sent (SES emulator):  ${stack.services.sesEndpoint}/   (JSON: ${stack.services.sesEndpoint}/store)`,
    `  DynamoDB (dynalite):       ${stack.services.dynamodbEndpoint}   table ${mode.tableName}, data in ${data}/dynamodb`,
    `  SQS (fauxqs):              ${stack.services.sqsEndpoint}`,
    `  Log (JSON lines):          ${shown(logFile)}`,
    ...(simulator
      ? [
          `  Duma simulator:            ${simulator.url}/bill/${demoBillNumbers(simulator.lap())[0]}   (a new event every ${DEMO_STEP_MS / 1000} s, again and again)`,
          '',
          `  Demo bills (convocation 99: none can exist on sozd): ${demoBillNumbers(simulator.lap()).join(', ')}; each new lap adds 100 to the number.`,
          `  Demo subscribers: ${DEMO_SUBSCRIBERS.map(({ email, language }) => `${email} (${language})`).join(', ')}. A line below for each alert sent.`,
        ]
      : [`  Polling:                   ${config.sozd.baseUrl} on schedule ${config.schedules.pollBills}`]),
    '',
    `  In another terminal:  ${cli} status`,
    ...(simulator ? [] : [`                        ${cli} subscribe --email you@example.org --bill 1075342-8`]),
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DataDirInUseError) {
    console.error(
      `${shown(error.dataDir)}/ is in use by another npm start or npm run demo (process ${error.pid}): stop it first (Ctrl-C), or run a second copy from another checkout (npm start -- --any-ports there).`,
    );
    process.exit(1);
  }
  const { code, port } = error as { code?: string; port?: number };
  if (code === 'EADDRINUSE') {
    console.error(`Port ${port ?? ''} is in use: is another npm start or npm run demo running? (npm start -- --any-ports takes free ports)`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
