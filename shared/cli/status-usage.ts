/** `duma-alerts status --help`, apart from status-command.ts: `--help` loads none of the command's code. */
export const usage = `duma-alerts status [--json]
  Shows the watched bills with the time their poll state last changed (a page read in full, an error or a
  recovery: polls that find a page unchanged write nothing; "not polled yet" before the first poll), events stored
  and source health (ok, or the last error and how many polls in a row failed), the time of the last poll run, and
  the depth of each queue (waiting / in flight). A dead-letter queue holding messages is flagged: those messages
  failed every retry. Then how many webhook, Slack and Telegram endpoints are registered, each disabled one with why
  and since when, and the health of each news feed (the local stack polls feeds only when FEEDS is set).
  --json   the same as one JSON object: bills, lastPoll, queues, endpoints, feeds`;
