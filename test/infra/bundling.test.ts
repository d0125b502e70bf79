import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { CREATE_REQUIRE_BANNER } from '../../infra/bundling-options.js';
import { FUNCTION_CATALOG } from '../../infra/function-catalog.js';
import { stubLambdaEnvironment } from '../../bench/bundle-bench.js';
import { synthStack } from './synth-stack.js';

const run = promisify(execFile);

describe('NodejsFunction bundling with local esbuild', () => {
  it('bundles the sweeper into a minified ESM module with a source map that Node can load', async () => {
    // Arrange: the real handler, bundling on, in a scratch cloud assembly in the run's temporary folder.
    const outdir = mkdtempSync(join(tmpdir(), 'duma-alerts-cdk-out-'));
    const sweeper = FUNCTION_CATALOG.filter((spec) => spec.name === 'sweeper');

    // Act: CDK announces on stderr each asset it bundles; a green run keeps that out of the output.
    const announcements = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    let synthesized: ReturnType<typeof synthStack>;
    try {
      synthesized = synthStack({ bundling: true, outdir, catalog: sweeper });
      synthesized.app.synth();
    } finally {
      announcements.mockRestore();
    }
    const { template } = synthesized;

    // Assert
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
    const assetHash = String(fn!.Properties.Code.S3Key).replace(/\.zip$/, '');
    const bundle = join(outdir, `asset.${assetHash}`, 'index.mjs');
    const code = readFileSync(bundle, 'utf8');
    expect(code.startsWith(CREATE_REQUIRE_BANNER)).toBe(true);
    // Minified: our own function names are gone.
    expect(code.includes('sweepOutbox')).toBe(false);
    expect(statSync(`${bundle}.map`).isFile()).toBe(true);
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(typeof m.handler);`],
      { env: stubLambdaEnvironment() },
    );
    expect(stdout.trim()).toBe('function');
  });
});
