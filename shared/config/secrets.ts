import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretKey } from '../access/access.js';
import { createSecretsClient } from '../aws/clients.js';
import { ConfigError } from './config.js';

/*
 * In AWS the secrets live in Secrets Manager and a function's environment holds only their ARNs, so a secret
 * never shows in the Lambda console, in CloudFormation or in a describe call. Locally the plain variables keep
 * working and nothing here touches the network.
 */

/** Each variable that names a secret (ARN or name), mapped to the plain variable its value stands in for. */
export const SECRET_VARIABLES = {
  TOKEN_SECRETS_ARN: 'TOKEN_SECRETS',
  DUMA_PROXY_SECRET_ARN: 'DUMA_PROXY_URL',
  ADMIN_API_KEY_ARN: 'ADMIN_API_KEY',
  TELEGRAM_BOT_TOKEN_ARN: 'TELEGRAM_BOT_TOKEN',
} as const;

/** The variable that names each secret a function may read: the stack sets it for the secrets the function's access lists. */
export const SECRET_ARN_VARIABLES: Record<SecretKey, keyof typeof SECRET_VARIABLES> = {
  tokenSecrets: 'TOKEN_SECRETS_ARN',
  dumaProxy: 'DUMA_PROXY_SECRET_ARN',
  adminApiKey: 'ADMIN_API_KEY_ARN',
  telegramBotToken: 'TELEGRAM_BOT_TOKEN_ARN',
};

/** Reads one secret's string value. */
export type SecretReader = (secretId: string) => Promise<string>;

/** A {@link SecretReader} over Secrets Manager `GetSecretValue`. */
export function secretsManagerReader(client: SecretsManagerClient = createSecretsClient()): SecretReader {
  return async (secretId) => {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (SecretString === undefined) throw new Error('the secret has no string value (binary secrets are not supported)');
    return SecretString;
  };
}

/**
 * Returns a copy of `env` in which every secret named by a `*_ARN` variable of {@link SECRET_VARIABLES} has been
 * read and put in its plain variable (e.g. TOKEN_SECRETS_ARN → TOKEN_SECRETS), ready for `loadConfig`. Variables
 * without an ARN are left as they are, so local runs need no Secrets Manager. Call once per cold start.
 * @throws ConfigError naming the variable when a secret cannot be read or is empty.
 */
export async function resolveSecrets(env: NodeJS.ProcessEnv = process.env, read?: SecretReader): Promise<NodeJS.ProcessEnv> {
  const named = Object.entries(SECRET_VARIABLES).filter(([arnVariable]) => Boolean(env[arnVariable]));
  if (named.length === 0) return { ...env };
  const reader = read ?? secretsManagerReader();
  const values = await Promise.all(
    named.map(async ([arnVariable, plainVariable]) => {
      const secretId = env[arnVariable]!;
      let value: string;
      try {
        value = (await reader(secretId)).trim();
      } catch (error) {
        throw new ConfigError(`Invalid configuration: cannot read ${arnVariable} (${secretId}): ${(error as Error).message}`, {
          cause: error,
        });
      }
      if (value === '') throw new ConfigError(`Invalid configuration: the secret ${arnVariable} (${secretId}) is empty`);
      return [plainVariable, value] as const;
    }),
  );
  return { ...env, ...Object.fromEntries(values) };
}
