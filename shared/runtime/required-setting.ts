import { secretAccess } from '../access/access.js';

/** A setting a function cannot run without; the message names the field and its variable. */
export function requiredSetting<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`Invalid configuration: ${field} is required`);
  return value;
}

/** What {@link requiredTokenSecrets} reads. */
export const TOKEN_SECRETS_ACCESS = secretAccess('tokenSecrets');

/** The link-signing secrets, which every function that writes links needs. */
export function requiredTokenSecrets(secrets: string[] | undefined): [string, ...string[]] {
  return requiredSetting(secrets, 'tokenSecrets (TOKEN_SECRETS)') as [string, ...string[]];
}
