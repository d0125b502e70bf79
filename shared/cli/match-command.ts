import * as z from 'zod';
import type { TermHit } from '../topics/match-topic.js';
import { tryTopic, type TopicTrial } from '../topics/try-topic.js';
import { parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { readCases } from './read-cases.js';
import { UsageError } from './usage-error.js';

const CaseSchema = z.object({
  id: z.union([z.string(), z.number()]),
  query: z.string(),
  text: z.string(),
  summary: z.string().optional(),
});

/** `match`: one topic on one headline (readable or --json), or a file of cases as JSON lines, in one process. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('match', args, {
    topic: { type: 'string' },
    text: { type: 'string' },
    summary: { type: 'string' },
    cases: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.cases !== undefined) {
    if (values.topic !== undefined || values.text !== undefined || values.summary !== undefined) {
      throw new UsageError('match: --cases reads every query and text from the file; drop --topic, --text and --summary');
    }
    return runCases(values.cases, io);
  }
  if (values.topic === undefined || values.text === undefined) throw new UsageError('match: give --topic and --text (or --cases FILE)');
  const trial = tryTopic(values.topic, { text: values.text, summary: values.summary });
  if (trial.match === null) throw new UsageError(`match: the query is refused: ${pointAt(values.topic, trial.error)}`);
  io.stdout.write(values.json ? `${JSON.stringify(trial)}\n` : describeTrial(values.topic, trial));
  return 0;
}

function runCases(file: string, io: CliIo): number {
  let unreadable = 0;
  for (const line of readCases('match', file, CaseSchema)) {
    if (!line.ok) {
      unreadable += 1;
      io.stdout.write(`${JSON.stringify({ id: line.id, match: null, why: [], missing: [], error: line.error })}\n`);
      continue;
    }
    const { id, query, text, summary } = line.value;
    const trial = tryTopic(query, { text, summary });
    io.stdout.write(
      `${JSON.stringify(trial.match === null ? { id, match: null, why: [], missing: [], error: trial.error.message } : { id, ...trial, error: null })}\n`,
    );
  }
  // Every line got its answer; a line that was not a case at all is still bad input.
  return unreadable > 0 ? 2 : 0;
}

function describeTrial(query: string, trial: Extract<TopicTrial, { match: boolean }>): string {
  const lines = [trial.match ? `matches: ${query}` : `does not match: ${query}`];
  for (const hit of trial.why) lines.push(`  ${hit.term}: found in the ${fieldName(hit)} as ${hit.found.map((word) => `«${word}»`).join(', ')}`);
  for (const term of trial.missing) lines.push(`  ${term}: not found`);
  return `${lines.join('\n')}\n`;
}

function fieldName(hit: TermHit): string {
  return hit.field === 'title' ? 'text' : hit.field;
}

/** Queries up to this long are quoted in the error with a mark where the problem is; a longer one only by number. */
const QUOTED_QUERY_LENGTH = 100;

/**
 * The problem and where it is, on one line as every CLI error: the character's number (the parser's 0-based offset,
 * read "at 0", pointed nowhere a user could see) and, in a short query, a ▶ before that character.
 */
function pointAt(query: string, error: { problem: string; position: number }): string {
  const at = `at character ${error.position + 1}`;
  if (query.length > QUOTED_QUERY_LENGTH) return `${error.problem} (${at})`;
  return `${error.problem} (${at}: ${query.slice(0, error.position)}▶${query.slice(error.position)})`;
}
