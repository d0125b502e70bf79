#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on load, so the package ships no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../shared/cli/main.ts');
// Exit explicitly: pooled HTTP connections of the AWS SDK and the fetcher would otherwise hold the process open.
process.exit(await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }));
