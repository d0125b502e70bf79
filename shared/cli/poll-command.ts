import { loadConfig } from '../config/config.js';
import type { BillPollOutcome, BillPollResult, PollSummary } from '../pipeline/poll-bills.js';
import { pollWatchedBills } from '../pipeline/poll-bills.js';
import { pollDependencies } from '../runtime/poll-bills-dependencies.js';
import { parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { plural } from './plural.js';

/** `bill  outcome (n changes): error` — what happened to one bill. */
export function formatPollResult(result: BillPollResult): string {
  const changes = result.changes > 0 ? ` (${plural(result.changes, 'change')})` : '';
  return `${result.number}  ${result.outcome}${changes}${result.error ? `: ${result.error}` : ''}`;
}

/** `polled 3 bills in 1.2 s: 1 changed, 2 unchanged; 4 changes queued` — outcomes that occurred, in a fixed order. */
export function formatPollSummary(summary: PollSummary): string {
  const seconds = ((Date.parse(summary.finishedAt) - Date.parse(summary.startedAt)) / 1000).toFixed(1);
  const outcomes = (Object.entries(summary.outcomes) as [BillPollOutcome, number][])
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${outcome}`);
  const breakdown = outcomes.length > 0 ? `: ${outcomes.join(', ')}` : '';
  const left = summary.fanOut.unsent + summary.fanOut.unmarked;
  const outbox = left > 0 ? `; ${plural(left, 'fan-out message')} left in the outbox for the sweeper` : '';
  return `polled ${plural(summary.bills, 'bill')} in ${seconds} s${breakdown}; ${plural(summary.changes, 'change')} queued${outbox}`;
}

/** `poll`: one poll cycle with progress. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  parseCommandArgs('poll', args, {});
  const deps = pollDependencies(loadConfig());
  // The per-bill lines already say what the pipeline's warnings would; LOG_LEVEL still turns them on.
  if (!process.env.LOG_LEVEL && !process.env.POWERTOOLS_LOG_LEVEL) deps.logger.setLogLevel('SILENT');
  const summary = await pollWatchedBills(deps, { onResult: (result) => io.stdout.write(`${formatPollResult(result)}\n`) });
  io.stdout.write(`${formatPollSummary(summary)}\n`);
  return 0;
}
