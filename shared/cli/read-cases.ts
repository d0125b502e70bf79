import { readFileSync } from 'node:fs';
import type * as z from 'zod';
import { UsageError } from './usage-error.js';

/** One line of a cases file: the case, or why the line could not be read (its id when it had one). */
export type CaseLine<T> = { ok: true; value: T } | { ok: false; id: unknown; error: string };

/**
 * Reads a JSON Lines file of cases (blank lines skipped), each line checked against `schema`: a bad line is reported
 * in its place, never dropped and never fatal to the others.
 * @throws UsageError when the file cannot be read.
 */
export function readCases<T>(command: string, file: string, schema: z.ZodType<T>): Array<CaseLine<T>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${command}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return text.split('\n').flatMap((line, index): Array<CaseLine<T>> => {
    if (line.trim() === '') return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      return [{ ok: false, id: null, error: `line ${index + 1}: not JSON (${(error as Error).message})` }];
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return [{ ok: true, value: parsed.data }];
    const id = typeof json === 'object' && json !== null && 'id' in json ? json.id : null;
    const issue = parsed.error.issues[0];
    return [{ ok: false, id, error: `line ${index + 1}: ${issue?.path.join('.') || 'case'}: ${issue?.message}` }];
  });
}
