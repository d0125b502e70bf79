import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DumaAlertsStack } from '../../infra/duma-alerts-stack.js';
import { FUNCTION_CATALOG } from '../../infra/function-catalog.js';
import { readParameters } from '../../infra/parameters.js';

/** The parameters every test starts from (the required ones; the rest take their defaults). */
export const TEST_CONTEXT: Record<string, unknown> = {
  senderEmail: 'alerts@duma-alerts.test',
  alarmEmail: 'ops@duma-alerts.test',
};

/** A functions/ folder holding a stub handler for every catalog entry, as it will be once all have landed. */
export function allFunctionsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duma-alerts-functions-'));
  for (const spec of FUNCTION_CATALOG) writeFileSync(join(dir, `${spec.name}.ts`), 'export const handler = async () => ({});\n');
  return dir;
}

/**
 * Builds the stack in a fresh app. Bundling is off unless asked for: `aws:cdk:bundling-stacks` = [] makes
 * NodejsFunction skip esbuild, which keeps a synth under a few seconds.
 */
export function synthStack(
  options: { context?: Record<string, unknown>; functionsDir?: string; bundling?: boolean; outdir?: string } = {},
) {
  const app = new App({
    context: options.bundling ? {} : { 'aws:cdk:bundling-stacks': [] },
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const context = { ...TEST_CONTEXT, ...options.context };
  const parameters = readParameters((key) => context[key]);
  const stack = new DumaAlertsStack(app, 'DumaAlertsTest', {
    parameters,
    ...(options.functionsDir ? { functionsDir: options.functionsDir } : {}),
  });
  return { app, stack, template: Template.fromStack(stack) };
}
