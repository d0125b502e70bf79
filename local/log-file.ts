import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Copies everything this process writes to its terminal (the start-up lines, the JSON log lines of the functions,
 * their errors) into `file`, appended, so a run can be read later. Returns a function that flushes and closes it.
 */
export function teeTerminalToFile(file: string): () => Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const log = createWriteStream(file, { flags: 'a', mode: 0o600 });
  log.write(`--- ${new Date().toISOString()} pid ${process.pid}\n`);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      log.write(typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk : String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
  return () => new Promise<void>((resolve) => log.end(resolve));
}
