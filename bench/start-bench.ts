import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

/*
 * `npm run bench -- start`: `npm start` as a user runs it (npm, tsx, local/start.ts, on free ports in a scratch
 * folder under .data/), timed from the command to its "Ready" line, with the moment each part reported ready. The
 * first run starts on an empty data folder, the next ones on the data the first left.
 */

const repo = resolve(import.meta.dirname, '..');
const RUNS = 3;

export interface StartRun {
  /** From spawning `npm start` to its "Ready in" line. */
  readyMs: number;
  /** Each part and when the process said it was ready, in its own seconds since start. */
  parts: Record<string, number>;
}

export interface StartFigures {
  runs: StartRun[];
  loadAverage: number;
}

async function startOnce(cwd: string): Promise<StartRun> {
  const started = performance.now();
  // Its own process group, so that stopping it stops npm, tsx and the service together.
  const child = spawn('npm', ['start', '--silent', '--', '--any-ports'], {
    cwd,
    detached: true,
    env: { ...process.env, SOZD_BASE_URL: 'http://127.0.0.1:9' },
  });
  let output = '';
  const readyMs = await new Promise<number>((ready, failed) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ctrl-C stops everything')) ready(performance.now() - started);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => failed(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  const exited = new Promise((done) => child.once('exit', done));
  process.kill(-child.pid!, 'SIGINT');
  await exited;
  const parts = Object.fromEntries(
    [...output.matchAll(/^ {2}ready {2}(.+?) {2,}.*\((\d+\.\d) s\)$/gm)].map((match) => [match[1]!.trim(), Number(match[2])]),
  );
  return { readyMs: Math.round(readyMs), parts };
}

/** Starts `npm start` RUNS times in one scratch folder and reports how long each took to be ready. */
export async function runStartBench(): Promise<StartFigures> {
  mkdirSync(join(repo, '.data'), { recursive: true });
  // Inside the checkout, so that npm finds package.json above it and `.data/` lands in the scratch folder.
  const cwd = mkdtempSync(join(repo, '.data', 'bench-start-'));
  try {
    const runs: StartRun[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await startOnce(cwd));
    const figures = { runs, loadAverage: Number(loadavg()[0]!.toFixed(1)) };
    console.log(`npm start to "Ready" (load average ${figures.loadAverage}); target ≤ 5,000 ms`);
    runs.forEach((run, index) => console.log(`  run ${index + 1}${index === 0 ? ' (empty data folder)' : ''}: ${run.readyMs} ms`));
    return figures;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
