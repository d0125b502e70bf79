import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { writeLocalEnvFile } from '../local/local-env-file.js';
import { startLocalStack } from '../local/local-stack.js';
import { loadConfig } from '../shared/config/config.js';
import { createStores } from '../shared/runtime/stores.js';
import { buildCli } from '../scripts/build-cli.js';

/*
 * `npm run bench -- cli`: the CLI as a user runs it (bin/duma-alerts.mjs on the built bundle, a fresh process each
 * time), against a local stack with 20 watched bills for `status`; and, for comparison, the TypeScript through tsx
 * (`npm run cli`), as every call ran before the build step.
 */

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '..');
const RUNS = 7;

export interface CliFigures {
  buildMs: number;
  /** Median, min and max wall time of a whole process, ms. */
  help: Spread;
  version: Spread;
  status: Spread;
  statusJson: Spread;
  helpThroughTsx: Spread;
  /** `node -e 0`: what any Node process costs on this machine now, the floor under every figure above. */
  nodeAlone: Spread;
  /** The 1-minute load average when measured: figures rise with it (2 cores). */
  loadAverage: number;
}

interface Spread {
  medianMs: number;
  minMs: number;
  maxMs: number;
}

async function timeRuns(args: string[], env: NodeJS.ProcessEnv, runs = RUNS): Promise<Spread> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(process.execPath, args, { cwd: repo, env });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: Math.round(times[Math.floor(times.length / 2)]!), minMs: Math.round(times[0]!), maxMs: Math.round(times.at(-1)!) };
}

/** Builds the CLI, then times `--help`, `--version`, `status` and `status --json`, and `--help` through tsx. */
export async function runCliBench(): Promise<CliFigures> {
  const buildStarted = performance.now();
  await buildCli();
  const buildMs = Math.round(performance.now() - buildStarted);

  mkdirSync(join(repo, '.data'), { recursive: true });
  const dir = mkdtempSync(join(repo, '.data', 'bench-cli-'));
  const stack = await startLocalStack({ tableName: 'bench-cli' });
  try {
    const { bills } = createStores(loadConfig());
    for (let i = 1; i <= 20; i++) await bills.watch(`${100000 + i}-8`);
    const envFile = join(dir, 'local-env.json');
    writeLocalEnvFile(envFile, stack.env);
    const bin = join(repo, 'bin', 'duma-alerts.mjs');
    // The child finds the stack through its file, as a user's CLI does, not through the variables of this process.
    const outside = Object.fromEntries(Object.entries(process.env).filter(([name]) => !(name in stack.env)));
    const local = { ...outside, DUMA_ALERTS_ENV_FILE: envFile };
    const figures: CliFigures = {
      buildMs,
      help: await timeRuns([bin, '--help'], outside),
      version: await timeRuns([bin, '--version'], outside),
      status: await timeRuns([bin, 'status'], local),
      statusJson: await timeRuns([bin, 'status', '--json'], local),
      helpThroughTsx: await timeRuns(['--import', 'tsx', join(repo, 'shared', 'cli', 'main.ts'), '--help'], outside, 3),
      nodeAlone: await timeRuns(['-e', '0'], outside),
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
    };
    console.log(`CLI, a fresh process per call (median of 7, min–max; load average ${figures.loadAverage}); targets: --help ≤ 300 ms, status ≤ 1,000 ms`);
    for (const [name, spread] of Object.entries(figures).filter(([, value]) => typeof value === 'object') as [string, Spread][]) {
      console.log(`  ${name.padEnd(16)} ${String(spread.medianMs).padStart(6)} ms   (${spread.minMs}–${spread.maxMs})`);
    }
    return figures;
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
