import { parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withStores } from './with-stores.js';

export const usage = `duma-alerts migrate-ids
  Moves every subscriber that still has an id derived from its address (made before ids were random) to a random
  id, with its follows, topics, pending sign-ups, suppression and digest list. Links mailed with the old id keep
  working (a one-click unsubscribe for years). Safe to run again, and to stop: it resumes where it stopped.`;

/** `migrate-ids`: the one-off subscriber id migration, with a progress line per page. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  parseCommandArgs('migrate-ids', args, {}, []);
  const summary = await withStores(({ subscriberIds }) =>
    subscriberIds.run({ onPage: (progress) => io.stderr.write(`read ${progress.examined} items, moved ${progress.moved} subscribers\n`) }),
  );
  io.stdout.write(
    summary.moved === 0 && summary.examined === 0
      ? 'no subscriber has a legacy id any more (the migration had finished)\n'
      : `moved ${summary.moved} subscriber${summary.moved === 1 ? '' : 's'} to random ids (${summary.examined} items read); every subscriber now has a random id\n`,
  );
  return 0;
}
