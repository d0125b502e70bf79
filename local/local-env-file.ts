import { chmodSync, writeFileSync } from 'node:fs';

/**
 * Writes the environment the CLI reads to reach a running local stack (`.data/local-env.json`). It holds the admin
 * key and the link-signing secrets, so only its owner may read it (0600, like the key files), also when an older,
 * more open file is overwritten: writeFileSync sets the mode only of a file it creates.
 */
export function writeLocalEnvFile(file: string, env: Record<string, string>): void {
  writeFileSync(file, `${JSON.stringify(env, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
