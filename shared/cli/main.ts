import { pathToFileURL } from 'node:url';
import packageJson from '../../package.json' with { type: 'json' };
import type { CliIo, CommandRun } from './cli-io.js';
import { usage as endpoint } from './endpoint-usage.js';
import { usage as inspect } from './inspect-usage.js';
import { usage as match } from './match-usage.js';
import { usage as mentions } from './mentions-usage.js';
import { usage as migrateIds } from './migrate-ids-usage.js';
import { usage as poll } from './poll-usage.js';
import { usage as replay } from './replay-usage.js';
import { isUnreachable, stackUnreachableMessage } from './stack-unreachable.js';
import { usage as status } from './status-usage.js';
import { usage as subscribe } from './subscribe-usage.js';
import { usage as unwatch } from './unwatch-usage.js';
import { UsageError } from './usage-error.js';
import { usage as watch } from './watch-usage.js';

/**
 * A command as the CLI lists it: its usage, and its run, imported only when it runs. `--help`, `--version` and bad
 * input thus load none of the commands' code (the AWS SDK, zod, the page parser, …): the built CLI's chunks for
 * them are not even read, and the help prints in the time Node itself takes to start.
 */
interface Command {
  usage: string;
  load: () => Promise<{ run: CommandRun }>;
}

const COMMANDS: Record<string, Command> = {
  inspect: { usage: inspect, load: () => import('./inspect-command.js') },
  replay: { usage: replay, load: () => import('./replay-command.js') },
  watch: { usage: watch, load: () => import('./watch-command.js') },
  unwatch: { usage: unwatch, load: () => import('./unwatch-command.js') },
  subscribe: { usage: subscribe, load: () => import('./subscribe-command.js') },
  endpoint: { usage: endpoint, load: () => import('./endpoint-command.js') },
  poll: { usage: poll, load: () => import('./poll-command.js') },
  status: { usage: status, load: () => import('./status-command.js') },
  match: { usage: match, load: () => import('./match-command.js') },
  mentions: { usage: mentions, load: () => import('./mentions-command.js') },
  'migrate-ids': { usage: migrateIds, load: () => import('./migrate-ids-command.js') },
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

/**
 * What the user can do about an error the AWS SDK reports in its own words. `localEnvFile` is the local
 * environment file loaded, `lookedFor` where one was looked for (undefined when the command did not get that far).
 */
function explain(error: unknown, localEnvFile: string | undefined, lookedFor: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  if (localEnvFile && isUnreachable(error)) return stackUnreachableMessage(localEnvFile, process.env.AWS_ENDPOINT_URL_DYNAMODB);
  if (!localEnvFile && lookedFor && message === 'Region is missing') {
    return `no local stack found (${lookedFor} does not exist): start one with \`npm start\`, or set AWS_REGION and the deployed stack's variables`;
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
  let lookedFor: string | undefined;
  try {
    if (!command) throw new UsageError(`unknown command "${name}" (see duma-alerts --help)`);
    if (rest.some(isHelp)) {
      io.stdout.write(`${command.usage}\n`);
      return 0;
    }
    // Imported here rather than above: it checks the file with zod, which the help need not load.
    const { loadLocalEnv, localEnvPath } = await import('./local-env.js');
    lookedFor = localEnvPath(process.env, process.cwd());
    localEnvFile = loadLocalEnv(process.env, process.cwd());
    // On loopback a refused connection will not heal in a retry: say so at once rather than after the SDK's backoff.
    if (localEnvFile) process.env.AWS_MAX_ATTEMPTS ??= '1';
    // stderr carries our one-line errors; the SDK's multi-line notice about its future Node versions is not one.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const { run } = await command.load();
    return await run(rest, io);
  } catch (error) {
    io.stderr.write(`duma-alerts: ${oneLine(explain(error, localEnvFile, lookedFor))}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

// `npm run cli -- …` runs this file directly; bin/duma-alerts.mjs imports it and calls runCli itself.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }));
}
