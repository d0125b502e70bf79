/** Anything text can be written to: process.stdout in the binary, a string collector in tests. */
export interface CliWriter {
  write(text: string): unknown;
}

/** Where a command writes its output and its errors. */
export interface CliIo {
  stdout: CliWriter;
  stderr: CliWriter;
}

/** A command: parses its own arguments, does its work, returns the process exit code. */
export type CommandRun = (args: readonly string[], io: CliIo) => Promise<number>;
