import { pathToFileURL } from 'node:url';
import packageJson from '../../package.json' with { type: 'json' };
import type { CliIo, CommandRun } from './cli-io.js';
import * as endpoint from './endpoint-command.js';
import * as inspect from './inspect-command.js';
import { loadLocalEnv, localEnvPath } from './local-env.js';
import * as match from './match-command.js';
import * as mentions from './mentions-command.js';
import * as migrateIds from './migrate-ids-command.js';
import * as poll from './poll-command.js';
import * as replay from './replay-command.js';
import * as status from './status-command.js';
import * as subscribe from './subscribe-command.js';
import * as unwatch from './unwatch-command.js';
import { isUnreachable, stackUnreachableMessage } from './stack-unreachable.js';
import { UsageError } from './usage-error.js';
import * as watch from './watch-command.js';

const COMMANDS: Record<string, { usage: string; run: CommandRun }> = {
  inspect,
  replay,
  watch,
  unwatch,
  subscribe,
  endpoint,
  poll,
  status,
  match,
  mentions,
  'migrate-ids': migrateIds,
};

const OVERVIEW = `duma-alerts: alerts on Russian State Duma bills, exactly what changed.

Usage: duma-alerts <command> [options]     duma-alerts <command> --help     duma-alerts --version

${Object.values(COMMANDS)
  .map((command) => command.usage)
  .join('\n\n')}

With a local stack running (npm start), commands talk to it: its .data/local-env.json (or the file named by
DUMA_ALERTS_ENV_FILE) is loaded unless AWS_ENDPOINT_URL_DYNAMODB is already set. Otherwise the AWS environment
variables and TABLE_NAME, FAN_OUT_QUEUE_URL, EMAIL_QUEUE_URL, WEBHOOK_QUEUE_URL, SLACK_QUEUE_URL, TELEGRAM_QUEUE_URL,
POLL_TASKS_QUEUE_URL, the *_DLQ_URL of each, SOZD_BASE_URL, … apply.

Exit codes: 0 done, 1 failed, 2 bad input.`;

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/** Messages from the SDK or zod can span lines; the CLI promises one line per error. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, '; ').trim();
}

/** What the user can do about an error the AWS SDK reports in its own words. */
function explain(error: unknown, localEnvFile: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  if (localEnvFile && isUnreachable(error)) return stackUnreachableMessage(localEnvFile, process.env.AWS_ENDPOINT_URL_DYNAMODB);
  if (!localEnvFile && message === 'Region is missing') {
    return `no local stack found (${localEnvPath(process.env, process.cwd())} does not exist): start one with \`npm start\`, or set AWS_REGION and the deployed stack's variables`;
  }
  return message;
}

/**
 * Runs the CLI: `args` are the words after the program name. Writes to `io`; returns the exit code
 * (0 done, 1 failed, 2 bad input). Never throws.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || isHelp(name) || name === 'help') {
    io.stdout.write(`${OVERVIEW}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`duma-alerts ${packageJson.version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  let localEnvFile: string | undefined;
  try {
    if (!command) throw new UsageError(`unknown command "${name}" (see duma-alerts --help)`);
    if (rest.some(isHelp)) {
      io.stdout.write(`${command.usage}\n`);
      return 0;
    }
    localEnvFile = loadLocalEnv(process.env, process.cwd());
    // On loopback a refused connection will not heal in a retry: say so at once rather than after the SDK's backoff.
    if (localEnvFile) process.env.AWS_MAX_ATTEMPTS ??= '1';
    // stderr carries our one-line errors; the SDK's multi-line notice about its future Node versions is not one.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    return await command.run(rest, io);
  } catch (error) {
    io.stderr.write(`duma-alerts: ${oneLine(explain(error, localEnvFile))}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

// `npm run cli -- …` runs this file directly; bin/duma-alerts.mjs imports it and calls runCli itself.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }));
}
