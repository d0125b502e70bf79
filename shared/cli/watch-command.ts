import { parseBillNumberArg, parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withStores } from './with-stores.js';

export const usage = `duma-alerts watch <number>
  Adds a bill (e.g. 1075342-8) to the watch list: the next poll reads it. Its current history is the baseline,
  not news.`;

/** `watch`: puts a bill on the watch list (idempotent). */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs('watch', args, {}, ['number']);
  const number = parseBillNumberArg(positionals[0]!);
  await withStores(({ bills }) => bills.watch(number));
  io.stdout.write(`watching ${number}\n`);
  return 0;
}
