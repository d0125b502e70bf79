import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseBillPageBytes } from '../shared/sozd/parse-bill-page.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Beside the checkout, or where SOZD_FIXTURES_DIR says (a git worktree), as the tests find them.
const fixturesDir = process.env.SOZD_FIXTURES_DIR ?? path.resolve(repoRoot, '../shared/fixtures/sozd');
const WARMUP_RUNS = 3;
const BUDGET_MS = 25;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Times parseBillPageBytes on each real sozd page's bytes as fetched (../shared/fixtures/sozd, 2.4–2.9 MB each) and
 * returns the median milliseconds per page overall and per bill over `runs` timed rounds, against the 25 ms budget.
 * Skips, saying so, when the pages are absent.
 */
export async function runParseBench(runs = 20): Promise<Record<string, number | string>> {
  if (!existsSync(fixturesDir)) return { skipped: `no real pages at ${fixturesDir}` };
  const pages = readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({ bill: file.replace(/\.html$/, ''), body: readFileSync(path.join(fixturesDir, file)) }));

  for (let run = 0; run < WARMUP_RUNS; run += 1) for (const page of pages) parseBillPageBytes(page.body);
  const timings = new Map<string, number[]>(pages.map((page) => [page.bill, []]));
  // Round-robin over pages so a slow moment of the shared machine spreads over all of them.
  for (let run = 0; run < runs; run += 1) {
    for (const page of pages) {
      const started = performance.now();
      parseBillPageBytes(page.body);
      timings.get(page.bill)!.push(performance.now() - started);
    }
  }

  const all = [...timings.values()].flat();
  const result: Record<string, number | string> = {
    pages: pages.length,
    runsPerPage: runs,
    medianMsPerPage: round(median(all)),
    budgetMsPerPage: BUDGET_MS,
    withinBudget: median(all) <= BUDGET_MS ? 'yes' : 'NO',
  };
  for (const [bill, values] of timings) result[`medianMs:${bill}`] = round(median(values));
  return result;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runParseBench(), null, 2));
}
