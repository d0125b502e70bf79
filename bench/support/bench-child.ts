import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** A helper process of a benchmark (emulators, page servers), talked to a line at a time. */
export interface BenchChild<Setup> {
  /** The JSON line the child printed once ready. */
  setup: Setup;
  /** Sends one command line and waits for the child's one-line answer. */
  command(line: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts `script` (TypeScript, run through tsx) with `args` in a process of its own, so that the benchmark's
 * process.cpuUsage() counts duma-alerts' code only, and waits for its first line: its setup as JSON.
 */
export async function startBenchChild<Setup>(script: URL, args: string[]): Promise<BenchChild<Setup>> {
  const child = spawn(process.execPath, ['--import', 'tsx', script.pathname, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => (await lines.next()).value as string;
  const stop = async () => {
    child.kill();
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  };
  try {
    const setup = JSON.parse(await nextLine()) as Setup;
    return {
      setup,
      async command(line) {
        child.stdin!.write(`${line}\n`);
        return nextLine();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
