import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Stryker } from '@stryker-mutator/core';
import { HAVE_REAL_PAGES, REAL_PAGES_DIR } from '../test/support/real-sozd-pages.js';

/*
 * `npm run mutate -- <module.ts> [more.ts] [--concurrency 2]`: Stryker on the named modules, running only their own
 * unit tests, so one module takes minutes rather than the whole suite per mutant. The shared settings are in
 * stryker.config.mjs; the HTML and JSON reports land in reports/mutation/<module>.html|json.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));

type MutantResult = Awaited<ReturnType<Stryker['runMutationTest']>>[number];


/**
 * Modules whose unit tests are not named after them (`test/<area>/<module>*.test.ts` is the rule for the rest).
 * The sozd history parser is tested on its own and through parse-bill-page, which composes the header and history
 * parsers; the feed parser also through feed-reading, its tests of real-world feed quirks.
 */
const TESTS_BY_MODULE: Record<string, readonly string[]> = {
  'shared/sozd/parse-bill-history.ts': [
    'test/sozd/parse-bill-history.test.ts',
    'test/sozd/parse-built-pages.test.ts',
    'test/sozd/parse-real-pages.test.ts',
    'test/sozd/parse-bill-page-property.test.ts',
  ],
  // The DOM the parsers query: its own tests, and the parsers' on built and real pages (markup limits, queryEach).
  'shared/sozd/page-dom.ts': [
    'test/sozd/page-dom.test.ts',
    'test/sozd/parse-bill-history.test.ts',
    'test/sozd/parse-built-pages.test.ts',
    'test/sozd/parse-real-pages.test.ts',
    'test/sozd/parse-bill-page-property.test.ts',
  ],
  // The slicer is judged by its own tests, its fingerprint's, the fetcher's reading of a page's head, and the parsers'.
  'shared/sozd/slice-bill-page.ts': [
    'test/sozd/bill-page-scan.test.ts',
    'test/sozd/significant-page-bytes.test.ts',
    'test/http/polite-fetcher-conditional.test.ts',
    'test/sozd/parse-built-pages.test.ts',
    'test/sozd/parse-real-pages.test.ts',
    'test/sozd/parse-bill-page-property.test.ts',
  ],
  'shared/feeds/parse-feed.ts': [
    'test/feeds/parse-feed.test.ts',
    'test/feeds/parse-feed-items.test.ts',
    'test/feeds/feed-reading.test.ts',
  ],
  // Feed recovery: the charset decoder and the XML reader are tested on their own and through the feed reading tests,
  // the XML reader also through parseFeed (markup and repairs show only in its own tests).
  'shared/feeds/decode-feed-body.ts': ['test/feeds/decode-feed-body.test.ts', 'test/feeds/feed-reading.test.ts'],
  'shared/feeds/read-feed-xml.ts': [
    'test/feeds/read-feed-xml.test.ts',
    'test/feeds/feed-reading.test.ts',
    'test/feeds/parse-feed.test.ts',
    'test/feeds/parse-feed-items.test.ts',
  ],
  'shared/feeds/feed-item-key.ts': ['test/feeds/feed-item-identity.test.ts'],
};

/**
 * The test files that judge a module: its entry in TESTS_BY_MODULE, otherwise every `test/<area>/<module>*.test.ts`
 * (the module's own tests and the behaviour files added beside them).
 * @throws Error when the module is not under shared/ or has no test files.
 */
export function testFilesFor(module: string): string[] {
  const listed = TESTS_BY_MODULE[module];
  if (listed) return [...listed];
  const match = /^shared\/(.+)\/([^/]+)\.ts$/.exec(module);
  if (!match) throw new Error(`${module}: expected a module under shared/, e.g. shared/bill/diff-bills.ts`);
  const [, area, name] = match as unknown as [string, string, string];
  const dir = path.join(ROOT, 'test', area);
  const files = existsSync(dir)
    ? readdirSync(dir).filter((file) => file.startsWith(name) && file.endsWith('.test.ts'))
    : [];
  if (files.length === 0) throw new Error(`${module}: no test/${area}/${name}*.test.ts; add it to TESTS_BY_MODULE in scripts/mutate.ts`);
  return files.sort().map((file) => `test/${area}/${file}`);
}

/**
 * Stryker's score leaves mutants that do not compile out; issue 16 counts them as killed (the compiler catches that
 * bug). One line with both, for the table in DEVELOPERS.md.
 */
function scoreLine(modules: readonly string[], results: readonly MutantResult[]): string {
  const count = (...statuses: MutantResult['status'][]) => results.filter((result) => statuses.includes(result.status)).length;
  const detected = count('Killed', 'Timeout');
  const undetected = count('Survived', 'NoCoverage');
  const invalid = count('CompileError', 'RuntimeError');
  const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`);
  return (
    `${modules.join(' ')}: ${results.length} mutants, ${detected} killed, ${undetected} survived or not covered, ` +
    `${invalid} not compiling; score ${percent(detected, detected + undetected)} (Stryker), ` +
    `${percent(detected + invalid, detected + undetected + invalid)} counting those that do not compile as killed`
  );
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { concurrency: { type: 'string' } },
  });
  if (positionals.length === 0) throw new Error('usage: npm run mutate -- <shared/…/module.ts> [more.ts] [--concurrency N]');
  const modules = positionals.map((module) => path.relative(ROOT, path.resolve(module)).split(path.sep).join('/'));
  for (const module of modules) if (!existsSync(path.join(ROOT, module))) throw new Error(`${module}: no such file`);
  // The sandbox sits in .stryker-tmp/, where `../shared/fixtures/sozd` is not: point the real-page tests at them.
  if (HAVE_REAL_PAGES) process.env.SOZD_FIXTURES_DIR = REAL_PAGES_DIR;
  const report = `reports/mutation/${modules.map((module) => module.replace(/^shared\//, '').replace(/\.ts$/, '').replaceAll('/', '-')).join('+')}`;
  const testFiles = [...new Set(modules.flatMap(testFilesFor))];
  process.chdir(ROOT);
  // The checker's project: the modules and their tests with what they import (and the ambient declarations of
  // untyped packages), not the whole repository (checking
  // every mutant against all of it took minutes per mutant on a busy machine). Written beside tsconfig.json, ignored
  // by git, named per run so two runs can share the checkout, and removed after the run.
  // Read by vitest.mutate.config.ts in Stryker's test runner processes.
  process.env.MUTATE_TEST_FILES = testFiles.join(',');
  const checkerTsconfig = `.stryker-tsconfig.${path.basename(report)}.json`;
  process.env.MUTATE_CHECKER_TSCONFIG = checkerTsconfig;
  writeFileSync(checkerTsconfig, JSON.stringify({ extends: './tsconfig.json', include: ['**/*.d.ts'], files: [...modules, ...testFiles] }));
  try {
    const results = await new Stryker({
      mutate: modules,
      tsconfigFile: checkerTsconfig,
      htmlReporter: { fileName: `${report}.html` },
      jsonReporter: { fileName: `${report}.json` },
      ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
    }).runMutationTest();
    console.log(scoreLine(modules, results));
  } finally {
    rmSync(checkerTsconfig, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (error) {
    console.error(`mutate: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
