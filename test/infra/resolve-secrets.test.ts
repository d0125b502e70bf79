import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../shared/config/config.js';
import { resolveSecrets, secretsManagerReader } from '../../shared/config/secrets.js';
import { startHttpServer, type LoopbackServer } from '../http/loopback-server.js';

/** A Secrets Manager on loopback: GetSecretValue over the JSON protocol, from an in-memory map. */
const stored: Record<string, string> = {
  'arn:aws:secretsmanager:eu-central-1:111122223333:secret:token-AbCdEf': 'k'.repeat(40) + ',' + 'o'.repeat(40),
  'duma-alerts/duma-proxy-url': 'http://user:pass@127.0.0.1:3128',
  'duma-alerts/empty': '   ',
};
let server: LoopbackServer;
const targets: string[] = [];
let reader: ReturnType<typeof secretsManagerReader>;

beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      targets.push(String(request.headers['x-amz-target']));
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      const value = stored[SecretId];
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (value === undefined) {
        response.statusCode = 400;
        response.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." }));
        return;
      }
      response.end(JSON.stringify({ ARN: SecretId, Name: SecretId, SecretString: value }));
    });
  });
  reader = secretsManagerReader(
    new SecretsManagerClient({
      endpoint: server.origin,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    }),
  );
});
afterAll(() => server.close());

describe('resolveSecrets', () => {
  it('fills TOKEN_SECRETS and DUMA_PROXY_URL from the secrets their ARN variables name, keeping the rest', async () => {
    // Arrange
    const env = {
      TOKEN_SECRETS_ARN: 'arn:aws:secretsmanager:eu-central-1:111122223333:secret:token-AbCdEf',
      DUMA_PROXY_SECRET_ARN: 'duma-alerts/duma-proxy-url',
      TABLE_NAME: 'duma-alerts-prod',
    };

    // Act
    const resolved = await resolveSecrets(env, reader);

    // Assert
    expect(resolved).toEqual({
      ...env,
      TOKEN_SECRETS: `${'k'.repeat(40)},${'o'.repeat(40)}`,
      DUMA_PROXY_URL: 'http://user:pass@127.0.0.1:3128',
    });
    expect(targets.slice(-2)).toEqual(['secretsmanager.GetSecretValue', 'secretsmanager.GetSecretValue']);
  });

  it('leaves plain variables alone and calls nothing when no ARN variable is set (local runs)', async () => {
    // Arrange
    const before = targets.length;
    const env = { TOKEN_SECRETS: 'p'.repeat(32), DUMA_PROXY_URL: 'http://127.0.0.1:3128' };

    // Act
    const resolved = await resolveSecrets(env, reader);

    // Assert
    expect(resolved).toEqual(env);
    expect(targets.length).toBe(before);
  });

  it('names the variable and the secret when the secret cannot be read', async () => {
    // Act
    const attempt = resolveSecrets({ DUMA_PROXY_SECRET_ARN: 'duma-alerts/missing' }, reader);

    // Assert
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(resolveSecrets({ DUMA_PROXY_SECRET_ARN: 'duma-alerts/missing' }, reader)).rejects.toThrow(
      "Invalid configuration: cannot read DUMA_PROXY_SECRET_ARN (duma-alerts/missing): Secrets Manager can't find the specified secret.",
    );
  });

  it('refuses an empty secret rather than running without it', async () => {
    await expect(resolveSecrets({ TOKEN_SECRETS_ARN: 'duma-alerts/empty' }, reader)).rejects.toThrow(
      'Invalid configuration: the secret TOKEN_SECRETS_ARN (duma-alerts/empty) is empty',
    );
  });
});
