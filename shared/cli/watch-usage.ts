/** `duma-alerts watch --help`, apart from watch-command.ts: `--help` loads none of the command's code. */
export const usage = `duma-alerts watch <number>
  Adds a bill (e.g. 1075342-8) to the watch list: the next poll reads it. Its current history is the baseline,
  not news.`;
