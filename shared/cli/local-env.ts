import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

/** What `npm start` writes: a flat object of environment variables pointing at the running local stack. */
const LocalEnvFileSchema = z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an environment variable name'), z.string());

/** Thrown when the local environment file exists but is not a flat JSON object of strings. */
export class LocalEnvError extends Error {
  override readonly name = 'LocalEnvError';
}

/** The local environment file the CLI reads: DUMA_ALERTS_ENV_FILE, else `.data/local-env.json` under `cwd`. */
export function localEnvPath(env: NodeJS.ProcessEnv, cwd: string): string {
  return env.DUMA_ALERTS_ENV_FILE || join(cwd, '.data', 'local-env.json');
}

/**
 * Points the CLI at the running local stack: when no DynamoDB endpoint is set yet and the local environment
 * file exists (DUMA_ALERTS_ENV_FILE, else `.data/local-env.json` under `cwd`), copies its variables into `env`.
 * Variables already set win, so one can still override a single setting on the command line.
 * @returns the file loaded, or undefined when none was (real AWS, or no local stack).
 * @throws LocalEnvError when the file cannot be read or is not a flat JSON object of strings.
 */
export function loadLocalEnv(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (env.AWS_ENDPOINT_URL_DYNAMODB) return undefined;
  const file = localEnvPath(env, cwd);
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LocalEnvError(`cannot read the local environment file ${file}: ${(error as Error).message}`);
  }
  const parsed = LocalEnvFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LocalEnvError(`the local environment file ${file} is not a flat object of strings: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  for (const [name, value] of Object.entries(parsed.data)) env[name] ??= value;
  return file;
}
