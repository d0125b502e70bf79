import { dirname, join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { isolatedTestFiles } from './test/support/isolated-test-files.js';

// Every temporary file of a run (mkdtemp in tests, CDK's cloud assemblies, libraries' scratch files) goes here,
// under the checkout's ignored .data/, and test/support/global-setup.ts removes it when the run ends: a run leaves
// nothing in the system temp folder.
const runTemp = join(resolve(import.meta.dirname, '.data', 'test-tmp'), `run-${process.pid}`);

// The code under test gets @aws-sdk/lib-dynamodb through this module, which reports every DynamoDB call to
// test/support/check-aws-access.ts; a test file that never loads the SDK no longer loads it for its setup.
const RECORDED_LIB_DYNAMODB = resolve(import.meta.dirname, 'test', 'support', 'recorded-lib-dynamodb.ts');
// The same for shared/aws/tracer.ts, which every client shared/aws/clients.ts makes passes through: it reports who made it.
const TRACER = resolve(import.meta.dirname, 'shared', 'aws', 'tracer.ts');
const RECORDED_TRACER = resolve(import.meta.dirname, 'test', 'support', 'recorded-tracer.ts');
/** Whether a relative import (`./tracer.js`, `../aws/tracer.js`) from `importer` names shared/aws/tracer.ts. */
const importsTracer = (id: string, importer: string | undefined) =>
  importer !== undefined && id.startsWith('.') && resolve(dirname(importer), id.replace(/\.js$/, '.ts')) === TRACER;

// The files that load a function's handler or reset the module registry run each in a fresh process; the rest share
// their worker's modules, each file starting from the worker's first environment (test/support/isolated-test-files.ts
// and fresh-file-state.ts say why and which).
const ISOLATED = isolatedTestFiles(import.meta.dirname);

export default defineConfig({
  plugins: [
    {
      name: 'recorded-lib-dynamodb',
      enforce: 'pre',
      resolveId: (id, importer) => (id === '@aws-sdk/lib-dynamodb' && importer !== RECORDED_LIB_DYNAMODB ? RECORDED_LIB_DYNAMODB : null),
    },
    {
      name: 'recorded-tracer',
      enforce: 'pre',
      resolveId: (id, importer) => (importer !== RECORDED_TRACER && importsTracer(id, importer) ? RECORDED_TRACER : null),
    },
  ],
  test: {
    // Integration tests start real local services (dynalite, SES and SQS emulators) per file; two cores here.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    // A green run is quiet: output written straight to stdout/stderr during a test shows only if it fails. Every
    // DynamoDB call a test makes is held to the access its store and its function declare (check-aws-access.ts).
    setupFiles: ['test/support/fresh-file-state.ts', 'test/support/quiet-output.ts', 'test/support/check-aws-access.ts'],
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      TMPDIR: runTemp,
    },
    // The same for what tests print through the console.
    silent: 'passed-only',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
    ],
  },
});
