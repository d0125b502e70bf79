import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every temporary file of a run (mkdtemp in tests, CDK's cloud assemblies, libraries' scratch files) goes here,
// under the checkout's ignored .data/, and test/support/global-setup.ts removes it when the run ends: a run leaves
// nothing in the system temp folder.
const runTemp = join(resolve(import.meta.dirname, '.data', 'test-tmp'), `run-${process.pid}`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start real local services (dynalite, SES and SQS emulators) per file; two cores here.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      TMPDIR: runTemp,
      // Powertools then logs through the global console, which vitest captures per test: with `silent` below, the
      // log lines of a test show only when it fails (they are JSON all the same, indented).
      POWERTOOLS_DEV: 'true',
    },
    // Quiet when green: what a passing test printed is dropped, a failing test's is shown.
    silent: 'passed-only',
    maxWorkers: 2,
  },
});
