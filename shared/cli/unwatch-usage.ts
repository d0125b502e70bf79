/** `duma-alerts unwatch --help`, apart from unwatch-command.ts: `--help` loads none of the command's code. */
export const usage = `duma-alerts unwatch <number>
  Takes a bill off the watch list: polls stop reading it. Its snapshot and followers are kept.
  A bill that is not on the watch list is bad input (exit 2): check the number with duma-alerts status.`;
