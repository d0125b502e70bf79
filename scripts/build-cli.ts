import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { CREATE_REQUIRE_BANNER, MAIN_FIELDS } from '../infra/bundling-options.js';

/*
 * The CLI as built ESM: loading TypeScript through tsx costs seconds on every call, the built files a fraction of
 * one. Built from shared/cli/main.ts with code splitting: `cli.mjs` holds what every call needs (the help texts, the
 * argument dispatch), and each command's run is a chunk of its own beside it (with chunks shared between commands),
 * read only when that command runs, so `--help` does not parse the AWS SDK. `npm install` runs it (the package's
 * `prepare` script); `npm run build` runs it again after a change.
 */

/** The folder of the built CLI: bin/duma-alerts.mjs imports its `cli.mjs`. */
export const BUILT_CLI_DIR = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * Bundles shared/cli/main.ts and its dependencies into minified ESM files in `outdir` (`cli.mjs` and its chunks) for
 * the Node versions the package supports, and removes the chunks of earlier builds there.
 * @returns esbuild's account of what went into each file.
 */
export async function buildCli(outdir = BUILT_CLI_DIR): Promise<Metafile> {
  const { metafile } = await build({
    entryPoints: { cli: fileURLToPath(new URL('../shared/cli/main.ts', import.meta.url)) },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    mainFields: MAIN_FIELDS,
    // Every chunk, not only cli.mjs, gets the banner: a chunk's CommonJS dependencies call its own `require`.
    banner: { js: CREATE_REQUIRE_BANNER },
    metafile: true,
    logLevel: 'warning',
  });
  // Chunk names carry a hash of their content: those of an earlier build would pile up beside the new ones.
  const built = new Set(Object.keys(metafile.outputs).map((file) => basename(file)));
  for (const file of readdirSync(outdir)) if (file.endsWith('.mjs') && !built.has(file)) rmSync(join(outdir, file));
  return metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
