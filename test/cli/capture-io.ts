import type { CliIo } from '../../shared/cli/cli-io.js';

/** A CliIo that keeps what a command writes, for exact assertions. */
export function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}
