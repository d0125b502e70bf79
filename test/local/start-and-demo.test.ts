import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BillNumberSchema } from '../../shared/bill/bill.js';
import { runCli } from '../../shared/cli/main.js';
import { captureIo } from '../cli/capture-io.js';

/*
 * `npm start` and `npm run demo` side by side, as a newcomer runs them: two processes of local/start.ts in one
 * checkout (a scratch folder under the ignored .data/, free ports). The demo keeps its own folder, table and ports,
 * so no bill, subscriber or table item of one is ever seen by the other; each writes its local-env.json readable by
 * its owner only, and one JSON line per log event to the terminal and to its log file.
 */

const repo = resolve(import.meta.dirname, '../..');

interface Run {
  child: ChildProcess;
  output: () => string;
}

/** Starts local/start.ts with `args` in `cwd`, resolving once it prints that it is ready. */
async function start(cwd: string, args: string[], env: Record<string, string>): Promise<Run> {
  // As a user starts it: with JSON-line logs (no POWERTOOLS_DEV), and not pointed at another stack.
  const { POWERTOOLS_DEV: _indented, DUMA_ALERTS_ENV_FILE: _otherStack, ...userEnv } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'local', 'start.ts'), '--any-ports', ...args], {
    cwd,
    env: { ...userEnv, ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((ready, failed) => {
    child.stdout!.on('data', () => output.includes('Ctrl-C stops everything') && ready());
    child.once('exit', (code) => failed(new Error(`start ${args.join(' ')} exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output };
}

/**
 * The first whole line of `run`'s output that includes `text`, as soon as the process prints it. A loaded machine can
 * take long, so the bound is generous (within the test's timeout); it fails with the output if the process exits or
 * the bound passes first.
 */
function lineOf(run: Run, text: string): Promise<string> {
  const withinMs = 50_000;
  const { stdout, stderr } = run.child;
  return new Promise((found, failed) => {
    const end = (settle: () => void) => {
      clearTimeout(timer);
      stdout!.off('data', look);
      stderr!.off('data', look);
      run.child.off('exit', exited);
      settle();
    };
    // The last piece after a newline may be a line still being written.
    const look = () => {
      const line = run.output().split('\n').slice(0, -1).find((candidate) => candidate.includes(text));
      if (line !== undefined) end(() => found(line));
    };
    const exited = () => end(() => failed(new Error(`exited before printing ${text}:\n${run.output()}`)));
    const timer = setTimeout(() => end(() => failed(new Error(`no line with ${text} in ${withinMs} ms:\n${run.output()}`))), withinMs);
    stdout!.on('data', look);
    stderr!.on('data', look);
    run.child.once('exit', exited);
    look();
  });
}

async function stop(run: Run | undefined): Promise<void> {
  if (!run || run.child.exitCode !== null) return;
  const exited = new Promise((done) => run.child.once('exit', done));
  run.child.kill('SIGINT');
  await exited;
}

/** Every item of the table a local-env.json names. */
async function scanAll(envFile: string): Promise<Record<string, unknown>[]> {
  const env = JSON.parse(readFileSync(envFile, 'utf8')) as Record<string, string>;
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
      region: env.AWS_REGION,
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
    }),
  );
  try {
    return (await db.send(new ScanCommand({ TableName: env.TABLE_NAME }))).Items ?? [];
  } finally {
    db.destroy();
  }
}

/** The bill numbers, subscriber ids and addresses a table's items are about. */
function subjects(items: Record<string, unknown>[]) {
  const found = { bills: new Set<string>(), subscribers: new Set<string>(), addresses: new Set<string>() };
  for (const item of items) {
    for (const key of [item.PK, item.SK]) {
      const [kind, id] = String(key).split('#');
      if (id === undefined) continue;
      if (kind === 'BILL' || kind === 'FOLLOWS') found.bills.add(id);
      if (kind === 'SUBSCRIBER' || kind === 'FOLLOWER') found.subscribers.add(id);
      if (kind === 'ADDRESS') found.addresses.add(id);
    }
  }
  return found;
}

describe('npm start and npm run demo', () => {
  let root: string;
  let service: Run | undefined;
  let demo: Run | undefined;
  let serviceEnv: string;
  let demoEnv: string;
  // Both tables as they are once a reader has subscribed through the CLI of npm start, before any test here writes.
  let serviceItems: Record<string, unknown>[];
  let demoItems: Record<string, unknown>[];

  beforeAll(async () => {
    mkdirSync(join(repo, '.data'), { recursive: true });
    root = mkdtempSync(join(repo, '.data', 'start-and-demo-'));
    // The service never reaches the internet here: its sozd is a closed loopback port.
    [service, demo] = await Promise.all([
      // Settings a newcomer starts it with: a proxy to the Duma, a webhook receiver of their own on this machine (closed
      // ports: nothing needs to answer).
      start(root, [], { SOZD_BASE_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'info', DUMA_PROXY_URL: 'http://127.0.0.1:9', WEBHOOK_ALLOW_HOSTS: '127.0.0.1:9' }),
      start(root, ['--demo'], {}),
    ]);
    // A reader subscribes through the CLI of npm start (its .data/local-env.json); other tests sign up through the
    // API of the same service, so the tables are read here, before any of them.
    serviceEnv = join(root, '.data', 'local-env.json');
    demoEnv = join(root, '.data', 'demo', 'local-env.json');
    const io = captureIo();
    process.env.DUMA_ALERTS_ENV_FILE = serviceEnv;
    expect(await runCli(['subscribe', '--email', 'desk@example.org', '--bill', '1075342-8', '--lang', 'en'], io)).toBe(0);
    [serviceItems, demoItems] = await Promise.all([scanAll(serviceEnv), scanAll(demoEnv)]);
  });

  afterAll(async () => {
    await Promise.all([stop(service), stop(demo)]);
    rmSync(root, { recursive: true, force: true });
  });

  it('never share a bill, subscriber or table item, and the CLI of npm start sees none of the demo', () => {
    // Assert: on the tables as read after the CLI's subscription (beforeAll).
    const ofService = subjects(serviceItems);
    const ofDemo = subjects(demoItems);
    expect([...ofService.bills]).toEqual(['1075342-8']);
    expect([...ofDemo.bills].sort()).toEqual(['999001-99', '999002-99']);
    expect([...ofDemo.bills].every((number) => BillNumberSchema.safeParse(number).success)).toBe(true);
    expect(ofDemo.subscribers.size).toBe(2);
    expect([...ofService.subscribers].filter((id) => ofDemo.subscribers.has(id))).toEqual([]);
    expect([...ofService.addresses]).toEqual(['desk@example.org']);
    expect([...ofDemo.addresses].sort()).toEqual(['editor@example.org', 'redaktor@example.org']);
    // Items of some entity (`KIND#id`); an installation's own singletons (its last poll run) exist in each table.
    const keysOf = (items: Record<string, unknown>[]) =>
      new Set(items.filter((item) => String(item.PK).includes('#')).map((item) => `${item.PK} ${item.SK}`));
    const demoKeys = keysOf(demoItems);
    expect([...keysOf(serviceItems)].filter((key) => demoKeys.has(key))).toEqual([]);
    const envs = [serviceEnv, demoEnv].map((file) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
    expect(envs.map((env) => env.TABLE_NAME)).toEqual(['duma-alerts', 'duma-alerts-demo']);
    expect(envs[0]!.AWS_ENDPOINT_URL_DYNAMODB).not.toBe(envs[1]!.AWS_ENDPOINT_URL_DYNAMODB);
  });

  it('configure the CLI of npm start with the settings the stack was started with', async () => {
    // Arrange: only the stack was started with them; the CLI finds the stack through local-env.json.
    const io = captureIo();
    process.env.DUMA_ALERTS_ENV_FILE = serviceEnv;

    // Act: a webhook on a host the stack was told to allow (WEBHOOK_ALLOW_HOSTS).
    const code = await runCli(['endpoint', 'add', '--kind', 'webhook', '--url', 'http://127.0.0.1:9/hook', '--owner', 'desk@example.org', '--bill', '1075342-8'], io);

    // Assert
    expect(io.err(), io.out()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toMatch(/^ep_\w+\nsecret whsec_/);
    expect(JSON.parse(readFileSync(serviceEnv, 'utf8'))).toMatchObject({ DUMA_PROXY_URL: 'http://127.0.0.1:9', SOZD_BASE_URL: 'http://127.0.0.1:9' });
  });

  it('refuse a second npm start on the same data folder with one line naming the one running, which goes on', async () => {
    // Act
    const refused = await start(root, [], { SOZD_BASE_URL: 'http://127.0.0.1:9' }).then(
      () => 'started',
      (error: Error) => error.message,
    );

    // Assert
    expect(refused).toBe(
      `start  exited with 1:\n.data/ is in use by another npm start or npm run demo (process ${service!.child.pid}): stop it first (Ctrl-C), or run a second copy from another checkout (npm start -- --any-ports there).\n`,
    );
    const api = /Sign up, preferences: +(\S+)\//.exec(service!.output())![1]!;
    expect((await fetch(`${api}/openapi.json`)).status).toBe(200);
  });

  it('write local-env.json and the key files readable by their owner only', () => {
    const files = ['local-env.json', 'admin-api-key', 'token-secret'].flatMap((name) => [
      join(root, '.data', name),
      join(root, '.data', 'demo', name),
    ]);

    const modes = files.map((file) => (statSync(file).mode & 0o777).toString(8));

    expect(modes).toEqual(files.map(() => '600'));
  });

  it('print one JSON line per log event, to the terminal and to the log file, and a line as each part is ready', async () => {
    // Arrange: a sign-up makes the service send a confirmation email, which it logs (LOG_LEVEL=info).
    const api = /Sign up, preferences: +(\S+)\//.exec(service!.output())![1]!;
    const response = await fetch(`${api}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'reader@example.org', bills: ['1075342-8'], language: 'en' }),
    });
    expect(response.status).toBeLessThan(300);

    // Act
    const logFile = join(root, '.data', 'logs', 'duma-alerts.log');
    const sent = await lineOf(service!, '"confirmation email sent"');

    // Assert
    expect(JSON.parse(sent)).toMatchObject({ level: 'INFO', message: 'confirmation email sent' });
    // The copy to the file is written apart from the terminal's, so it may land a moment after.
    await vi.waitFor(() => expect(readFileSync(logFile, 'utf8').split('\n')).toContain(sent), { timeout: 50_000 });
    const logged = readFileSync(logFile, 'utf8').split('\n');
    for (const line of logged.filter((text) => text.startsWith('{'))) expect(() => JSON.parse(line)).not.toThrow();
    const parts = service!.output().split('\n').filter((line) => line.startsWith('  ready  ')).map((line) => line.slice(9, 37).trim());
    expect(parts).toEqual(expect.arrayContaining(['DynamoDB (dynalite)', 'SES (aws-ses-v2-local)', 'SQS (fauxqs)', 'table and queues', 'HTTP API and sign-up pages', 'functions']));
    expect(demo!.output()).toMatch(/Demo bills \(convocation 99: none can exist on sozd\): 999001-99, 999002-99;/);
    expect(service!.output()).toMatch(new RegExp(`Operator console: +${api}/admin `));
  });
});

describe('npm start stopped with Ctrl-C', () => {
  it('refuses a bad setting with its name and exit code 2, leaving no claim on the data folder for the next start', async () => {
    // Arrange
    mkdirSync(join(repo, '.data'), { recursive: true });
    const scratch = mkdtempSync(join(repo, '.data', 'start-refused-'));
    try {
      // Act
      const refused = await start(scratch, [], { SOZD_BASE_URL: 'http://127.0.0.1:9', SOZD_TIMEOUT_MS: 'abc' }).then(
        () => 'started',
        (error: Error) => error.message,
      );

      // Assert
      expect(refused).toBe(
        'start  exited with 2:\nduma-alerts: starting, data in .data/\nInvalid configuration:\n  sozd.timeoutMs (SOZD_TIMEOUT_MS): Invalid input: expected number, received NaN\n',
      );
      expect(existsSync(join(scratch, '.data', 'running.pid'))).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('takes its local-env.json away, so the CLI no longer sends commands to the stopped stack; the data stays', async () => {
    // Arrange
    mkdirSync(join(repo, '.data'), { recursive: true });
    const scratch = mkdtempSync(join(repo, '.data', 'start-stop-'));
    try {
      const run = await start(scratch, [], { SOZD_BASE_URL: 'http://127.0.0.1:9' });
      const data = join(scratch, '.data');
      expect(existsSync(join(data, 'local-env.json'))).toBe(true);

      // Act
      await stop(run);

      // Assert
      expect(run.output()).toContain('Stopped. Data is kept in .data/.');
      expect(['local-env.json', 'running.pid', 'dynamodb'].filter((name) => existsSync(join(data, name)))).toEqual(['dynamodb']);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
