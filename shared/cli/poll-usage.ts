/** `duma-alerts poll --help`, apart from poll-command.ts: `--help` loads none of the command's code. */
export const usage = `duma-alerts poll
  Runs one poll cycle now, as the schedule would: reads every watched bill, writes and queues what changed.
  Prints one line per bill as it finishes, then a summary. A source error is reported (and kept as the bill's
  source health), not fatal: the exit code is 0 once the cycle completes.`;
