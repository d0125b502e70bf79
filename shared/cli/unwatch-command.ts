import { parseBillNumberArg, parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { UsageError } from './usage-error.js';
import { withStores } from './with-stores.js';

/** `unwatch`: takes a bill off the watch list; says so when it was not on it (a mistyped number, most often). */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs('unwatch', args, {}, ['number']);
  const number = parseBillNumberArg(positionals[0]!);
  const wasWatched = await withStores(async ({ bills }) => {
    if (!(await bills.get(number))?.watched) return false;
    await bills.unwatch(number);
    return true;
  });
  if (!wasWatched) throw new UsageError(`unwatch: ${number} is not on the watch list (duma-alerts status lists it)`);
  io.stdout.write(`no longer watching ${number}\n`);
  return 0;
}
