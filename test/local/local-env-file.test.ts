import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLocalEnvFile } from '../../local/local-env-file.js';

describe('writeLocalEnvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'local-env-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the file readable by its owner only, also when it replaces an older, more open one', () => {
    // Arrange: a file from an earlier version, readable by everyone.
    const file = join(dir, 'local-env.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o644);

    // Act
    writeLocalEnvFile(file, { ADMIN_API_KEY: 'k'.repeat(43), TABLE_NAME: 'duma-alerts' });

    // Assert
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ADMIN_API_KEY: 'k'.repeat(43), TABLE_NAME: 'duma-alerts' });
  });
});
