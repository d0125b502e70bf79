import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { buildCli } from '../../scripts/build-cli.js';

/*
 * The CLI as users run it: bin/duma-alerts.mjs on the built bundle, in a process of its own, so that exit codes and
 * the one-line messages are the ones a terminal sees. Built into the worktree's ignored .data/, removed afterwards.
 */

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');

/** Runs `bin` with `args` and only the environment given (no AWS settings leak in from the test process). */
async function cli(bin: string, args: string[], env: Record<string, string> = {}, cwd = repo) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * An `--import` module that records, one URL a line in the file named by LOADED_FILES, every module Node loads after
 * it: registered as a loader hook from the main thread, it runs its `load` in Node's hooks thread.
 */
const RECORD_LOADS = `
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';
export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_FILES, url + '\\n');
  return next(url, context);
}
if (isMainThread) register(import.meta.url);
`;

/** A loopback port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('the built CLI', () => {
  let dir: string;
  let bin: string;
  let metafile: Metafile;

  beforeAll(async () => {
    mkdirSync(join(repo, '.data'), { recursive: true });
    dir = mkdtempSync(join(repo, '.data', 'built-cli-'));
    mkdirSync(join(dir, 'bin'));
    bin = join(dir, 'bin', 'duma-alerts.mjs');
    copyFileSync(join(repo, 'bin', 'duma-alerts.mjs'), bin);
    metafile = await buildCli(join(dir, 'dist'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its version and its help, exit code 0', async () => {
    const version = await cli(bin, ['--version']);
    const help = await cli(bin, ['--help']);

    expect(version).toEqual({ code: 0, stdout: `duma-alerts ${packageJson.version}\n`, stderr: '' });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^duma-alerts status \[--json\]$/m);
  });

  /** The sources in the built files that the CLI loads to answer `args` (from esbuild's account of each file). */
  async function sourcesLoaded(args: string[]): Promise<string[]> {
    const recorder = join(dir, 'record-loads.mjs');
    const loaded = join(dir, 'loaded.txt');
    writeFileSync(recorder, RECORD_LOADS);
    writeFileSync(loaded, '');
    await run(process.execPath, ['--import', recorder, bin, ...args], { cwd: repo, env: { PATH: process.env.PATH ?? '', LOADED_FILES: loaded } }).catch(() => {});
    const files = new Set(readFileSync(loaded, 'utf8').split('\n').filter((url) => url.startsWith('file:')).map((url) => basename(fileURLToPath(url))));
    const outputs = Object.entries(metafile.outputs).filter(([file]) => files.has(basename(file)));
    return outputs.flatMap(([, output]) => Object.keys(output.inputs)).sort();
  }

  it.each(['--help', '--version', 'status --help', 'frobnicate'])(
    'answers `%s` loading only the help texts and the dispatch: no command code, no AWS SDK, no zod',
    async (line) => {
      const usageTexts = readdirSync(join(repo, 'shared', 'cli')).filter((file) => file.endsWith('-usage.ts'));

      const sources = await sourcesLoaded(line.split(' '));

      expect(sources).toEqual(
        ['package.json', 'shared/cli/main.ts', 'shared/cli/stack-unreachable.ts', 'shared/cli/usage-error.ts', ...usageTexts.map((file) => `shared/cli/${file}`)].sort(),
      );
    },
  );

  it('says "is `npm start` or `npm run demo` running?" in one line, exit code 1, when the local stack named in its file does not answer', async () => {
    const port = await closedPort();
    const envFile = join(dir, 'local-env.json');
    writeFileSync(
      envFile,
      JSON.stringify({
        AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${port}`,
        AWS_ENDPOINT_URL_SQS: `http://127.0.0.1:${port}`,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        TABLE_NAME: 'duma-alerts',
      }),
    );

    const result = await cli(bin, ['status'], { DUMA_ALERTS_ENV_FILE: envFile });

    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `duma-alerts: cannot reach the local stack at http://127.0.0.1:${port} (named in ${envFile}): is \`npm start\` or \`npm run demo\` running?\n`,
    });
  });

  it('says where it looked when there is no local stack and no AWS region', async () => {
    const result = await cli(bin, ['status'], {}, dir);

    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `duma-alerts: no local stack found (${join(dir, '.data', 'local-env.json')} does not exist): start one with \`npm start\`, or set AWS_REGION and the deployed stack's variables\n`,
    });
  });

  it('says how to build it when the built file is missing', async () => {
    const unbuilt = join(dir, 'unbuilt', 'bin', 'duma-alerts.mjs');
    mkdirSync(join(dir, 'unbuilt', 'bin'), { recursive: true });
    copyFileSync(bin, unbuilt);

    const result = await cli(unbuilt, ['--help']);

    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'duma-alerts: the CLI is not built yet: run `npm run build` in the duma-alerts folder (npm install does it too)\n',
    });
  });
});
