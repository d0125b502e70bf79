import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../shared/cli/main.js';
import { captureIo } from './capture-io.js';

const folder = mkdtempSync(join(tmpdir(), 'duma-alerts-match-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('duma-alerts match', () => {
  it('says that a topic matches and which words were found where, exit 0', async () => {
    const result = await cli('match', '--topic', '"иностранные граждане" NOT суд', '--text', 'Права иностранных граждан', '--summary', 'Без суда');
    expect(result).toEqual({
      code: 0,
      out: 'does not match: "иностранные граждане" NOT суд\n  иностранные граждане: found in the text as «иностранных граждан»\n  суд: found in the summary as «суда»\n',
      err: '',
    });
  });

  it('prints the trial as JSON with --json, exit 0 when it matches', async () => {
    const result = await cli('match', '--topic', 'Иран, Ирак', '--text', 'Выборы в Иране', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      match: true,
      why: [{ term: 'Иран', field: 'title', found: ['Иране'] }],
      missing: ['Ирак'],
    });
  });

  it('refuses a query of stop words only with exit 2 and the query error, marking where it is', async () => {
    expect(await cli('match', '--topic', 'и', '--text', 'и так далее')).toEqual({
      code: 2,
      out: '',
      err: "duma-alerts: match: the query is refused: 'и' has only stop words, which appear in almost every text: add a word that names the topic (at character 1: ▶и)\n",
    });
  });

  it('marks the character a refused query goes wrong at, counting from 1, on one line', async () => {
    expect(await cli('match', '--topic', 'закон "военная служба', '--text', 'x')).toEqual({
      code: 2,
      out: '',
      err: 'duma-alerts: match: the query is refused: unclosed quote (at character 7: закон ▶"военная служба)\n',
    });
  });

  it('gives only the character number for a refused query too long to quote', async () => {
    // Arrange: 30 words, then an operator with nothing after it at character 181.
    const query = `${'налог '.repeat(30)}NOT`;

    expect(await cli('match', '--topic', query, '--text', 'x')).toEqual({
      code: 2,
      out: '',
      err: 'duma-alerts: match: the query is refused: NOT needs a term after it (at character 181)\n',
    });
  });

  it('answers every line of a cases file in one run: a match, a miss, a refused query and a line that is not a case', async () => {
    const file = join(folder, 'cases.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', query: 'ребёнок', text: 'Пособие на детей' }),
        JSON.stringify({ id: 'b', query: 'суд', text: 'Судно на мели', summary: 'Экипаж спасён' }),
        '',
        JSON.stringify({ id: 'c', query: 'NOT суд', text: 'Судно' }),
        JSON.stringify({ id: 'd', text: 'без запроса' }),
      ].join('\n'),
    );

    const result = await cli('match', '--cases', file);

    expect(result.code).toBe(2);
    expect(result.out.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { id: 'a', match: true, why: [{ term: 'ребёнок', field: 'title', found: ['детей'] }], missing: [], error: null },
      { id: 'b', match: false, why: [], missing: ['суд'], error: null },
      { id: 'c', match: null, why: [], missing: [], error: 'NOT needs a word beside it that must appear (on its own it matches everything) at 0' },
      { id: 'd', match: null, why: [], missing: [], error: 'line 5: query: Invalid input: expected string, received undefined' },
    ]);
  });

  it('runs the journalist table in one process with at least 95 % as expected', async () => {
    const file = new URL('../topics/journalist-cases.jsonl', import.meta.url).pathname;
    const expected = new Map(
      readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; expected: boolean }).map((entry) => [entry.id, entry.expected]),
    );

    const result = await cli('match', '--cases', file);
    const answers = result.out.trim().split('\n').map((line) => JSON.parse(line) as { id: string; match: boolean });

    expect(result.code).toBe(0);
    expect(answers.map((answer) => answer.id)).toEqual([...expected.keys()]);
    expect(answers.filter((answer) => answer.match === expected.get(answer.id)).length / answers.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('duma-alerts mentions', () => {
  it('prints the bill numbers of a text as JSON', async () => {
    expect(await cli('mentions', '--text', 'Законопроект № 1075342-8 принят')).toEqual({ code: 0, out: '{"bills":["1075342-8"]}\n', err: '' });
  });

  it('answers every line of a cases file', async () => {
    const file = join(folder, 'mentions.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 1, text: 'Законопроект № 1075342-8' })}\n${JSON.stringify({ id: 2, text: 'Ничего' })}\n`);
    const result = await cli('mentions', '--cases', file);
    expect(result).toEqual({ code: 0, out: '{"id":1,"bills":["1075342-8"]}\n{"id":2,"bills":[]}\n', err: '' });
  });

  it('wants exactly one of --text and --cases', async () => {
    expect(await cli('mentions')).toEqual({ code: 2, out: '', err: 'duma-alerts: mentions: give either --text or --cases FILE\n' });
  });
});
