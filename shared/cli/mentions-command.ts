import * as z from 'zod';
import { extractBillNumbers } from '../feeds/extract-bill-numbers.js';
import { parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { readCases } from './read-cases.js';
import { UsageError } from './usage-error.js';

const CaseSchema = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/** `mentions`: the bill numbers of one text, or of a file of texts as JSON lines. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('mentions', args, { text: { type: 'string' }, cases: { type: 'string' } });
  if ((values.text === undefined) === (values.cases === undefined)) throw new UsageError('mentions: give either --text or --cases FILE');
  if (values.text !== undefined) {
    io.stdout.write(`${JSON.stringify({ bills: extractBillNumbers(values.text) })}\n`);
    return 0;
  }
  let unreadable = 0;
  for (const line of readCases('mentions', values.cases ?? '', CaseSchema)) {
    if (line.ok) {
      io.stdout.write(`${JSON.stringify({ id: line.value.id, bills: extractBillNumbers(line.value.text) })}\n`);
    } else {
      unreadable += 1;
      io.stdout.write(`${JSON.stringify({ id: line.id, bills: null, error: line.error })}\n`);
    }
  }
  return unreadable > 0 ? 2 : 0;
}
