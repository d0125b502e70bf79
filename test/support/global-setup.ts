import { mkdirSync, rmSync } from 'node:fs';

/*
 * The run's temporary folder (TMPDIR, set in vitest.config.ts under the ignored .data/test-tmp/): made before the
 * first test file, removed with everything in it after the last, so nothing is left behind in the system temp folder.
 */

/** vitest globalSetup: creates the run's temporary folder and returns the teardown that removes it. */
export default function setup({ config }: { config: { env: Record<string, string | undefined> } }): () => void {
  const folder = config.env.TMPDIR;
  if (!folder) throw new Error('vitest.config.ts sets TMPDIR for the run');
  mkdirSync(folder, { recursive: true });
  return () => rmSync(folder, { recursive: true, force: true });
}
