// Mutation testing (`npm run mutate -- <module.ts>`): scripts/mutate.ts picks the module's tests and the report
// names; this file holds what every run shares. Not part of `npm test` or CI: a run of one module takes minutes.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  // Type-checked mutants: one that does not compile counts as killed (the compiler would catch that bug) and costs no test run.
  checkers: ['typescript'],
  // Each mutant checked on its own: grouping them is faster but may blame a mutant for its neighbour's error.
  typescriptChecker: { prioritizePerformanceOverAccuracy: false },
  coverageAnalysis: 'perTest',
  // Two cores shared by everyone on the machine; `--concurrency 2` when it is free.
  concurrency: 1,
  timeoutMS: 10_000,
  // Sandboxes and reports stay inside the checkout, in folders git ignores; never the system temp folder.
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Each run's checker tsconfig (scripts/mutate.ts) goes into its own sandbox only: runs may share the checkout.
  ignorePatterns: [
    '/.data', '/cdk.out', '/dist', '/test-artifacts', '/.scratch', '/reports', '/.stryker-tsconfig.*.json',
    ...(process.env.MUTATE_CHECKER_TSCONFIG ? [`!/${process.env.MUTATE_CHECKER_TSCONFIG}`] : []),
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  thresholds: { high: 95, low: 90, break: null },
};
