import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/*
 * The vitest config of a mutation run (scripts/mutate.ts): only the tests named in MUTATE_TEST_FILES. Chosen here
 * rather than with Stryker's `testFiles`, which in 9.6.1 activates module-level ("static") mutants after the module
 * has loaded, so they falsely survive (stryker-js#6144).
 */
// Without the suite's projects (vitest.config.ts), whose own `include` lists would run every test file instead.
const { projects: _suiteProjects, ...suiteSettings } = base.test ?? {};

export default defineConfig({
  ...base,
  test: { ...suiteSettings, include: (process.env.MUTATE_TEST_FILES ?? '').split(',').filter(Boolean) },
});
