import { loadConfig, type Config } from '../config/config.js';
import { resolveSecrets } from '../config/secrets.js';

/**
 * The configuration of a function that uses secrets: those named by `*_ARN` variables are read from Secrets
 * Manager first (once per cold start); locally the plain variables are used and nothing is fetched.
 */
export async function loadConfigWithSecrets(): Promise<Config> {
  return loadConfig(await resolveSecrets());
}
