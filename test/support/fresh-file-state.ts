import { createRequire } from 'node:module';

/*
 * vitest setupFile: a worker that shares its modules between files (vitest.config.ts, project 'shared') runs this
 * before each of them, so that each file starts as a fresh process would: with the environment the worker started
 * with (a file's harness points the SDK at its own services through process.env), and with the SES emulator's mailbox
 * empty (aws-ses-v2-local keeps it per process, not per server). In an isolated file both are fresh already.
 */

const INITIAL_ENV = Symbol.for('duma-alerts.initial-env');
const holder = globalThis as { [INITIAL_ENV]?: Record<string, string | undefined> };
const initial = (holder[INITIAL_ENV] ??= { ...process.env });
for (const name of Object.keys(process.env)) if (!(name in initial)) delete process.env[name];
Object.assign(process.env, initial);

// Only where an earlier file loaded the emulator: loading it here would cost every file that never starts it.
const require = createRequire(import.meta.url);
const sesStore = require.cache[require.resolve('aws-ses-v2-local/dist/store.js')]?.exports as { clearStore(): void } | undefined;
sesStore?.clearStore();
