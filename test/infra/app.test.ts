import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('infra/app.ts', () => {
  it('stops with the list of bad parameters and exit code 1, not a stack trace', async () => {
    // Arrange: the context the CDK CLI would pass, with the alarm address missing and a bad rate.
    const context = { senderEmail: 'alerts@duma-alerts.test', sweepRateMinutes: 'often' };

    // Act
    const outcome = await run(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      cwd: root,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'duma-alerts-cdk-out-')) },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

    // Assert
    expect(outcome).toEqual({
      code: 1,
      stderr:
        'Invalid parameters in cdk.json context (set them under "context" in cdk.json or with -c name=value):\n' +
        '  alarmEmail: required but missing\n' +
        '  sweepRateMinutes: Invalid input: expected number, received NaN\n',
    });
  });
});
