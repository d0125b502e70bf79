/** `duma-alerts inspect --help`, apart from inspect-command.ts: `--help` loads none of the command's code. */
export const usage = `duma-alerts inspect <number|url|file> [--json]
  Reads one sozd bill page and prints what duma-alerts sees in it: number, title, status, stage, law number,
  events in date order and planned events. A bill number is fetched from SOZD_BASE_URL (through DUMA_PROXY_URL
  when set), a URL is fetched as it is, anything else is read as a file. No local stack is needed.
  --json   print the parsed Bill as JSON`;
