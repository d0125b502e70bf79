import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/*
 * Which test files must run in a module graph of their own (vitest.config.ts). A file that starts the local services
 * (local/local-services.ts), loads a function's handler (functions/ read their config from the environment once, as
 * they load), or writes process.env in test code would see, or leave, another file's services and variables if the
 * worker's modules were shared; one that resets the module registry (vi.resetModules) would throw away the modules the
 * files after it share. Every other file is pure: it shares its worker's modules (the AWS SDK, aws-cdk-lib, the
 * project's graph) with the files before it, which spares a fresh process and a fresh import for each.
 */

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)'(\.{1,2}\/[^']+)'/g;
const RESETS_MODULES = /\bvi\.resetModules\(/;
const ENV_WRITE = /process\.env(?:\.\w+|\[[^\]]+\])?\s*(?:\?\?=|=(?!=))|Object\.assign\(\s*process\.env\b|delete\s+process\.env\b/;

/** Whether a module itself makes the test files that reach it need isolation. */
function needsIsolationItself(path: string, source: string): boolean {
  if (path === 'local/local-services.ts' || path.startsWith('functions/')) return true;
  return path.startsWith('test/') && (ENV_WRITE.test(source) || RESETS_MODULES.test(source));
}

/**
 * The test files under `root`/test whose relative imports reach, directly or not, a module that starts services, a
 * function handler, or test code that writes process.env or resets the module registry; relative to `root`, sorted.
 */
export function isolatedTestFiles(root: string): string[] {
  const verdicts = new Map<string, boolean>();
  const needsIsolation = (file: string): boolean => {
    const known = verdicts.get(file);
    if (known !== undefined) return known;
    verdicts.set(file, false); // an import cycle adds nothing
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      return false;
    }
    const verdict =
      needsIsolationItself(relative(root, file), source) ||
      [...source.matchAll(RELATIVE_IMPORT)].some(([, specifier]) => {
        const target = resolve(dirname(file), specifier!).replace(/\.js$/, '.ts');
        return existsSync(target) && needsIsolation(target);
      });
    verdicts.set(file, verdict);
    return verdict;
  };
  const testFiles = readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.test.ts'))
    .map((path) => join(root, 'test', path));
  return testFiles
    .filter(needsIsolation)
    .map((file) => relative(root, file))
    .sort();
}
