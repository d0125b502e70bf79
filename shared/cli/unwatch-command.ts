import { parseBillNumberArg, parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withStores } from './with-stores.js';

export const usage = `duma-alerts unwatch <number>
  Takes a bill off the watch list: polls stop reading it. Its snapshot and followers are kept.`;

/** `unwatch`: takes a bill off the watch list (a bill never watched is not an error). */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs('unwatch', args, {}, ['number']);
  const number = parseBillNumberArg(positionals[0]!);
  await withStores(({ bills }) => bills.unwatch(number));
  io.stdout.write(`no longer watching ${number}\n`);
  return 0;
}
