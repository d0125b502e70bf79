#!/usr/bin/env node
// The CLI runs as built JavaScript (dist/cli.mjs): compiling its TypeScript on every call would cost seconds.
// `npm install` builds it (the `prepare` script); `npm run build` rebuilds it after a change.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('duma-alerts: the CLI is not built yet: run `npm run build` in the duma-alerts folder (npm install does it too)\n');
  process.exit(1);
}
const { runCli } = await import(built.href);
// Exit explicitly: pooled HTTP connections of the AWS SDK and the fetcher would otherwise hold the process open.
process.exit(await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }));
