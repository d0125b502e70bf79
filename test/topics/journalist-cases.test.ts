import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { tryTopic } from '../../shared/topics/try-topic.js';

/*
 * What a Russian-speaking journalist expects of topic matching, both ways round (query in one form, text in
 * another), with false friends that must NOT match: one case a line, in the format `duma-alerts match --cases`
 * reads, plus the expected outcome.
 */
const CaseSchema = z.object({ id: z.string(), query: z.string(), text: z.string(), summary: z.string().optional(), expected: z.boolean() });
const CASES = readFileSync(new URL('./journalist-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => CaseSchema.parse(JSON.parse(line)));

const REQUIRED_PASS_RATE = 0.95;
const outcomes = CASES.map((entry) => ({ entry, trial: tryTopic(entry.query, entry) }));
const failures = outcomes.filter(({ entry, trial }) => trial.match !== entry.expected);
const passRate = 1 - failures.length / CASES.length;

describe('the journalist cases', () => {
  it('are at least 100, in Russian and English, with false positives that must not match', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(CASES.filter((entry) => !entry.expected).length).toBeGreaterThanOrEqual(20);
    expect(CASES.some((entry) => /[a-z]/i.test(entry.query))).toBe(true);
  });

  // The figure is in the test's name, so the run prints it without logging. The one known miss: «Путина» at the
  // start of a sentence is capitalised like the surname, so Путин finds the fishing season (j086).
  it(`pass at ${(passRate * 100).toFixed(1)} % (${CASES.length - failures.length} of ${CASES.length}; at least ${REQUIRED_PASS_RATE * 100} % required)`, () => {
    const misses = failures.map(({ entry, trial }) => `${entry.id} ${entry.query} | ${entry.text}: got ${trial.match}`);
    expect(passRate, misses.join('\n')).toBeGreaterThanOrEqual(REQUIRED_PASS_RATE);
  });
});
