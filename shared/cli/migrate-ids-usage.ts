/** `duma-alerts migrate-ids --help`, apart from migrate-ids-command.ts: `--help` loads none of the command's code. */
export const usage = `duma-alerts migrate-ids
  Moves every subscriber that still has an id derived from its address (made before ids were random) to a random
  id, with its follows, topics, pending sign-ups, suppression and digest list. Links mailed with the old id keep
  working (a one-click unsubscribe for years). Safe to run again, and to stop: it resumes where it stopped.`;
