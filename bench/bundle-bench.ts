import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { lambdaBundling } from '../infra/bundling-options.js';
import { FUNCTION_CATALOG } from '../infra/function-catalog.js';

const run = promisify(execFile);
const FUNCTIONS_DIR = fileURLToPath(new URL('../functions/', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZE_TARGET_BYTES = 1024 * 1024;
const INIT_TARGET_MS = 150;
const INIT_RUNS = 5;

/** One function's figures. */
export interface BundleFigures {
  name: string;
  bytes: number;
  sourceMapBytes: number;
  /** Files the deployment puts beside the bundle (the Russian dictionary, for the functions that match topics). */
  besideBytes: number;
  /** Median time to import the bundle in a fresh Node process, in milliseconds; NaN when the import failed. */
  initMs: number;
  /** The same in Lambda with X-Ray tracing on (the deployment's setting): the X-Ray SDK is loaded only there. */
  initTracedMs: number;
  /** Why the import failed (the last line Node printed), when it did. */
  importError?: string;
  /** The three packages (or source folders) that weigh most in the bundle, with their bytes. */
  heaviest: Array<[string, number]>;
  /** How the handler reaches the heaviest package: the shortest import chain, handler first. */
  heaviestChain: string[];
}

/**
 * The environment a bundle is imported with: every setting a handler reads at module scope, with every AWS
 * endpoint on an unreachable loopback port, so that an import that touched the network would fail, not hang.
 */
export function stubLambdaEnvironment(): NodeJS.ProcessEnv {
  const nowhere = 'http://127.0.0.1:9';
  return {
    PATH: process.env.PATH,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'stub',
    AWS_SECRET_ACCESS_KEY: 'stub',
    AWS_ENDPOINT_URL_DYNAMODB: nowhere,
    AWS_ENDPOINT_URL_SQS: nowhere,
    AWS_ENDPOINT_URL_SESV2: nowhere,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: nowhere,
    TABLE_NAME: 'duma-alerts-bench',
    FAN_OUT_QUEUE_URL: `${nowhere}/000000000000/fan-out`,
    EMAIL_QUEUE_URL: `${nowhere}/000000000000/email`,
    WEBHOOK_QUEUE_URL: `${nowhere}/000000000000/webhook`,
    SLACK_QUEUE_URL: `${nowhere}/000000000000/slack`,
    TELEGRAM_QUEUE_URL: `${nowhere}/000000000000/telegram`,
    SENDER_EMAIL: 'alerts@duma-alerts.test',
    PUBLIC_BASE_URL: 'http://127.0.0.1:9',
    TOKEN_SECRETS: 'bench-token-secret-bench-token-secret-0001',
    ADMIN_API_KEY: 'bench-admin-api-key-bench-admin-api-key-0001',
    POWERTOOLS_SERVICE_NAME: 'duma-alerts',
    LOG_LEVEL: 'ERROR',
  };
}

/** Bundles one handler with the stack's esbuild settings (infra/bundling-options.ts) into `outdir/index.mjs`. */
async function bundle(name: string, outdir: string): Promise<{ file: string; heaviest: Array<[string, number]>; heaviestChain: string[] }> {
  const outfile = join(outdir, 'index.mjs');
  const entry = join(FUNCTIONS_DIR, `${name}.ts`);
  const { metafile } = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: lambdaBundling.target,
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourceMap ? 'external' : false,
    sourcesContent: lambdaBundling.sourcesContent,
    mainFields: lambdaBundling.mainFields,
    banner: { js: lambdaBundling.banner! },
    charset: lambdaBundling.charset,
    logLevel: 'error',
    metafile: true,
  });
  // The stack's after-bundling hooks, as the deployment runs them: files a function reads from beside its bundle.
  for (const command of lambdaBundling.commandHooks?.afterBundling(PROJECT_ROOT, outdir) ?? []) await run('bash', ['-c', command]);
  const bytesBySource = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      bytesBySource.set(sourceOf(path), (bytesBySource.get(sourceOf(path)) ?? 0) + bytesInOutput);
    }
  }
  const heaviest = [...bytesBySource].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const entryInput = Object.keys(metafile.inputs).find((path) => path.endsWith(`functions/${name}.ts`));
  const heaviestChain = entryInput && heaviest[0] ? importChain(metafile, entryInput, heaviest[0][0]) : [];
  return { file: outfile, heaviest, heaviestChain };
}

/** The package of a bundled input (`@smithy/core`, `zod`), or its first two path segments for project sources. */
function sourceOf(path: string): string {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split('/').slice(0, 2).join('/');
}

/**
 * The shortest chain of imports from `entry` to the first input of `source`, as esbuild's metafile records them:
 * what to cut to drop the package from a bundle (a CommonJS package stays whole once anything imports it).
 */
function importChain(metafile: Metafile, entry: string, source: string): string[] {
  const parents = new Map<string, string>();
  const queue = [entry];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    if (sourceOf(current) === source && current !== entry) {
      const chain = [current];
      for (let parent = parents.get(current); parent !== undefined; parent = parents.get(parent)) chain.unshift(parent);
      return chain;
    }
    for (const { path } of metafile.inputs[current]?.imports ?? []) {
      if (path === entry || parents.has(path) || !(path in metafile.inputs)) continue;
      parents.set(path, current);
      queue.push(path);
    }
  }
  return [];
}

/**
 * Imports a bundle in a fresh Node process, as a Lambda cold start does, and returns the import's duration: outside
 * Lambda (tracing off), or with `traced`, as in Lambda with X-Ray tracing on.
 */
async function timeImport(file: string, traced: boolean): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const { stdout } = await run(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    env: { ...stubLambdaEnvironment(), ...(traced ? { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x' } : {}) },
  });
  return Number(stdout);
}

/** Bytes of every file in the bundle's folder other than the bundle and its source map. */
function bytesBeside(file: string): number {
  return readdirSync(dirname(file), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && join(entry.parentPath, entry.name) !== file && join(entry.parentPath, entry.name) !== `${file}.map`)
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Bundles every function whose handler exists, prints its size (target ≤ 1 MB) and its module initialisation time
 * in Node (median of 5 cold imports, target ≤ 150 ms), outside Lambda and as in Lambda with X-Ray tracing on, and
 * returns the figures.
 */
export async function runBundleBench(): Promise<BundleFigures[]> {
  const workdir = mkdtempSync(join(tmpdir(), 'duma-alerts-bundle-bench-'));
  const figures: BundleFigures[] = [];
  try {
    for (const { name } of FUNCTION_CATALOG.filter((spec) => existsSync(join(FUNCTIONS_DIR, `${spec.name}.ts`)))) {
      const { file, heaviest, heaviestChain } = await bundle(name, join(workdir, name));
      const sizes = {
        name,
        bytes: statSync(file).size,
        sourceMapBytes: statSync(`${file}.map`).size,
        besideBytes: bytesBeside(file),
        heaviest,
        heaviestChain,
      };
      try {
        const times: number[] = [];
        const tracedTimes: number[] = [];
        for (let i = 0; i < INIT_RUNS; i++) {
          times.push(await timeImport(file, false));
          tracedTimes.push(await timeImport(file, true));
        }
        figures.push({ ...sizes, initMs: median(times), initTracedMs: median(tracedTimes) });
      } catch (error) {
        const stderr = String((error as { stderr?: string }).stderr ?? error).trim().split('\n');
        figures.push({ ...sizes, initMs: Number.NaN, initTracedMs: Number.NaN, importError: stderr.find((line) => /Error/.test(line)) ?? stderr.at(-1) });
      }
    }
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
  console.log(`Lambda bundles (esbuild, minified ESM, ${lambdaBundling.target}); targets: ≤ 1 MB, init ≤ ${INIT_TARGET_MS} ms`);
  console.log('function          size (KB)  map (KB)  beside (KB)  init (ms)  X-Ray on (ms)  heaviest (KB)');
  for (const f of figures) {
    const size = `${(f.bytes / 1024).toFixed(0)}${f.bytes > SIZE_TARGET_BYTES ? ' !' : ''}`;
    const init = f.importError ? 'failed' : `${f.initMs.toFixed(0)}${f.initMs > INIT_TARGET_MS ? ' !' : ''}`;
    const traced = f.importError ? 'failed' : `${f.initTracedMs.toFixed(0)}${f.initTracedMs > INIT_TARGET_MS ? ' !' : ''}`;
    const heaviest = f.heaviest.map(([source, bytes]) => `${source} ${(bytes / 1024).toFixed(0)}`).join(', ');
    const beside = (f.besideBytes / 1024).toFixed(0).padStart(12);
    console.log(`${f.name.padEnd(17)} ${size.padStart(9)} ${(f.sourceMapBytes / 1024).toFixed(0).padStart(9)} ${beside} ${init.padStart(10)} ${traced.padStart(14)}  ${heaviest}`);
    if (f.importError) console.log(`${''.padEnd(17)} import failed: ${f.importError.slice(0, 200)}`);
    if (f.bytes > SIZE_TARGET_BYTES || f.initMs > INIT_TARGET_MS || f.initTracedMs > INIT_TARGET_MS) {
      console.log(`${''.padEnd(17)} ${f.heaviest[0]?.[0]} via ${f.heaviestChain.map((path) => path.replace(/^node_modules\//, '')).join(' → ')}`);
    }
  }
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runBundleBench();
