import { loadConfig } from '../config/config.js';
import { parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { formatBill } from './format-bill.js';
import { readBill } from './read-page.js';

/** `inspect`: parses one page and prints the Bill, readable or as JSON. A page that is not a bill card fails with exit 1. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('inspect', args, { json: { type: 'boolean' } }, ['number|url|file']);
  const bill = await readBill(positionals[0]!, loadConfig(), 'inspect');
  io.stdout.write(values.json ? `${JSON.stringify(bill, null, 2)}\n` : formatBill(bill));
  return 0;
}
