import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the real sozd pages are: `../shared/fixtures/sozd` beside the checkout (never copied into it), or the folder
 * SOZD_FIXTURES_DIR names, for a checkout that sits elsewhere (a git worktree).
 */
export const REAL_PAGES_DIR = process.env.SOZD_FIXTURES_DIR ?? path.resolve(import.meta.dirname, '../../../shared/fixtures/sozd');

/** Whether the real pages are there; tests that need them skip otherwise. */
export const HAVE_REAL_PAGES = existsSync(REAL_PAGES_DIR);

/** The bill numbers of the real pages present, in name order. */
export function realPageNumbers(): string[] {
  if (!HAVE_REAL_PAGES) return [];
  return readdirSync(REAL_PAGES_DIR)
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -'.html'.length))
    .sort();
}

/** The file of one real page. */
export function realPagePath(number: string): string {
  return path.join(REAL_PAGES_DIR, `${number}.html`);
}

/** The text of one real page. */
export function readRealPage(number: string): string {
  return readFileSync(realPagePath(number), 'utf8');
}
