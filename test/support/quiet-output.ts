import { beforeEach, onTestFailed } from 'vitest';

/*
 * vitest setupFile: what the code under test writes straight to stdout and stderr (the functions' JSON log lines,
 * which Powertools writes through its own console) is held back while a test runs, and printed only if that test
 * fails. A green run stays quiet; a red test shows its logs. Tests that read log lines (support/captured-logs.ts)
 * spy on the streams as before and still get them.
 */

type Write = typeof process.stdout.write;
type Held = { write: Write; chunk: unknown; rest: unknown[] }[];

// A worker that shares its modules between files (vitest.config.ts) runs this file again before each of them: the
// streams are wrapped once per process, and each run's hook empties the one list they fill.
const HELD = Symbol.for('duma-alerts.quiet-output');
const holder = globalThis as { [HELD]?: Held };
const held: Held = holder[HELD] ?? wrapStreams();

function wrapStreams(): Held {
  const list: Held = (holder[HELD] = []);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as Write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      list.push({ write, chunk, rest });
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as Write;
  }
  return list;
}

beforeEach(() => {
  held.length = 0;
  onTestFailed(() => {
    for (const { write, chunk, rest } of held.splice(0)) (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  });
});
