import { loadConfig, type Config } from '../config/config.js';
import { resolveSecrets, SECRET_VARIABLES, type SecretReader } from '../config/secrets.js';

/**
 * How long a warm function trusts the secrets it read. A rotation step (docs/deploy.md) reaches every running
 * instance within this time, so the next step can safely follow once it has passed.
 */
export const SECRETS_CACHE_MS = 5 * 60_000;

/**
 * The configuration of a function that uses secrets: those named by `*_ARN` variables are read from Secrets
 * Manager first; locally the plain variables are used and nothing is fetched.
 */
export async function loadConfigWithSecrets(env: NodeJS.ProcessEnv = process.env, read?: SecretReader): Promise<Config> {
  return loadConfig(await resolveSecrets(env, read));
}

export interface FreshSecretsOptions {
  env?: NodeJS.ProcessEnv;
  read?: SecretReader;
  now?: () => number;
  /** Told when a refresh fails and the secrets already held are kept. */
  onStale?: (error: unknown) => void;
}

/**
 * A handler whose secrets are at most {@link SECRETS_CACHE_MS} old: it builds the handler from the configuration
 * once (at cold start, where a failure stops the function), re-reads the secrets when they are older than that, and
 * rebuilds only when a value changed. A failed re-read keeps the secrets held and tries again on the next event.
 */
export async function withFreshSecrets<Handler extends (...args: never[]) => Promise<unknown>>(
  build: (config: Config) => Handler,
  options: FreshSecretsOptions = {},
): Promise<Handler> {
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const read = async () => {
    const resolved = await resolveSecrets(env, options.read);
    return { resolved, fingerprint: JSON.stringify(Object.values(SECRET_VARIABLES).map((name) => resolved[name])) };
  };
  const first = await read();
  let current = { handler: build(loadConfig(first.resolved)), fingerprint: first.fingerprint, readAt: now() };
  const fresh = async (...args: Parameters<Handler>) => {
    if (now() - current.readAt >= SECRETS_CACHE_MS) {
      try {
        const next = await read();
        current =
          next.fingerprint === current.fingerprint
            ? { ...current, readAt: now() }
            : { handler: build(loadConfig(next.resolved)), fingerprint: next.fingerprint, readAt: now() };
      } catch (error) {
        options.onStale?.(error);
      }
    }
    return current.handler(...args);
  };
  return fresh as Handler;
}
