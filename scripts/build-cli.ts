import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CREATE_REQUIRE_BANNER, MAIN_FIELDS } from '../infra/bundling-options.js';

/*
 * The CLI as one built ESM file: loading TypeScript through tsx costs seconds on every call, this bundle a fraction
 * of one. Built from shared/cli/main.ts, so every command it registers is in the bundle. `npm install` runs it
 * (the package's `prepare` script); `npm run build` runs it again after a change.
 */

/** Where bin/duma-alerts.mjs looks for the built CLI. */
export const BUILT_CLI = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));

/** Bundles shared/cli/main.ts and its dependencies into one minified ESM file for the Node versions the package supports. */
export async function buildCli(outfile = BUILT_CLI): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('../shared/cli/main.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    mainFields: MAIN_FIELDS,
    banner: { js: CREATE_REQUIRE_BANNER },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
