import { parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withStores } from './with-stores.js';

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
