import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalEnvError, loadLocalEnv } from '../../shared/cli/local-env.js';

function localEnvFile(content: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'duma-alerts-cli-'));
  const file = join(dir, 'local-env.json');
  writeFileSync(file, content);
  return { dir, file };
}

const STACK = { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:4567', TABLE_NAME: 'duma-alerts', AWS_REGION: 'us-east-1' };

describe('loadLocalEnv', () => {
  it('loads the file named by DUMA_ALERTS_ENV_FILE when no DynamoDB endpoint is set', () => {
    const { file } = localEnvFile(JSON.stringify(STACK));
    const env: NodeJS.ProcessEnv = { DUMA_ALERTS_ENV_FILE: file };

    const loaded = loadLocalEnv(env, '/nonexistent');

    expect(loaded).toBe(file);
    expect(env).toEqual({ DUMA_ALERTS_ENV_FILE: file, ...STACK });
  });

  it('loads .data/local-env.json under the working directory, keeping variables already set', () => {
    const { dir } = localEnvFile('{}');
    const dataDir = join(dir, '.data');
    localEnvFileAt(dataDir, JSON.stringify(STACK));
    const env: NodeJS.ProcessEnv = { TABLE_NAME: 'mine' };

    loadLocalEnv(env, dir);

    expect(env).toEqual({ ...STACK, TABLE_NAME: 'mine' });
  });

  it('leaves the environment alone when a DynamoDB endpoint is already set (real AWS or another stack)', () => {
    const { file } = localEnvFile(JSON.stringify(STACK));
    const env: NodeJS.ProcessEnv = { DUMA_ALERTS_ENV_FILE: file, AWS_ENDPOINT_URL_DYNAMODB: 'https://dynamodb.eu-west-1.amazonaws.com' };

    const loaded = loadLocalEnv(env, '/nonexistent');

    expect(loaded).toBeUndefined();
    expect(env).toEqual({ DUMA_ALERTS_ENV_FILE: file, AWS_ENDPOINT_URL_DYNAMODB: 'https://dynamodb.eu-west-1.amazonaws.com' });
  });

  it('does nothing when there is no file', () => {
    const env: NodeJS.ProcessEnv = {};

    expect(loadLocalEnv(env, '/nonexistent')).toBeUndefined();
    expect(env).toEqual({});
  });

  it('rejects a file that is not a flat object of strings', () => {
    const { file } = localEnvFile(JSON.stringify({ SOZD_MIN_GAP_MS: 0 }));

    expect(() => loadLocalEnv({ DUMA_ALERTS_ENV_FILE: file }, '/nonexistent')).toThrow(
      new LocalEnvError(`the local environment file ${file} is not a flat object of strings: SOZD_MIN_GAP_MS: Invalid input: expected string, received number`),
    );
  });
});

function localEnvFileAt(dir: string, content: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'local-env.json'), content);
}
