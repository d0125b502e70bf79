import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const clients = fileURLToPath(new URL('../../shared/aws/clients.ts', import.meta.url));

/*
 * In a process of its own (vitest resolves shared/aws/tracer.ts to test/support/recorded-tracer.ts): makes the SQS and
 * DynamoDB clients and says how many aws-xray-sdk-core modules were loaded and which X-Ray middleware each client has.
 */
const PROBE = `
import { createRequire } from 'node:module';
const { createDocumentClient, createSqsClient } = await import(${JSON.stringify(clients)});
const xray = (client) => client.middlewareStack.identify().filter((name) => /xray/i.test(name));
const [sqs, db] = [createSqsClient(), createDocumentClient()];
const loaded = Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/aws-xray-sdk-core/'));
process.stdout.write(JSON.stringify({ xraySdkLoaded: loaded, sqs: xray(sqs), dynamoDb: xray(db) }));
`;

async function probe(env: Record<string, string>): Promise<unknown> {
  const { AWS_EXECUTION_ENV: _lambda, POWERTOOLS_TRACE_ENABLED: _enabled, ...rest } = process.env;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], { env: { ...rest, ...env } });
  return JSON.parse(stdout);
}

describe('shared/aws/tracer.ts', () => {
  it('in Lambda, makes every AWS client trace its calls as X-Ray subsegments', async () => {
    // Act
    const seen = await probe({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x' });

    // Assert
    expect(seen).toEqual({ xraySdkLoaded: true, sqs: ['XRaySDKInstrumentation - build'], dynamoDb: ['XRaySDKInstrumentation - build'] });
  });

  it('outside Lambda, or with POWERTOOLS_TRACE_ENABLED=false, never loads the X-Ray SDK, whose async hooks slow every promise', async () => {
    // Act
    const outside = await probe({});
    const turnedOff = await probe({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', POWERTOOLS_TRACE_ENABLED: 'False' });

    // Assert
    const untouched = { xraySdkLoaded: false, sqs: [], dynamoDb: [] };
    expect(outside).toEqual(untouched);
    expect(turnedOff).toEqual(untouched);
  });
});
