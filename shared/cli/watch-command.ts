import { parseBillNumberArg, parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withStores } from './with-stores.js';

/** `watch`: puts a bill on the watch list (idempotent). */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs('watch', args, {}, ['number']);
  const number = parseBillNumberArg(positionals[0]!);
  await withStores(({ bills }) => bills.watch(number));
  io.stdout.write(`watching ${number}\n`);
  return 0;
}
