import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DumaAlertsStack } from '../../infra/duma-alerts-stack.js';
import { FUNCTION_CATALOG, type FunctionSpec } from '../../infra/function-catalog.js';
import { readParameters } from '../../infra/parameters.js';

/** The parameters every test starts from (the required ones; the rest take their defaults). */
export const TEST_CONTEXT: Record<string, unknown> = {
  senderEmail: 'alerts@duma-alerts.test',
  alarmEmail: 'ops@duma-alerts.test',
};

/**
 * A functions/ folder holding a stub handler for every catalog entry, as it will be once all have landed. It is in
 * the run's temporary folder, which vitest.config.ts puts inside the checkout (.data/test-tmp/) because NodejsFunction
 * wants entries inside the project root, and which the run removes when it ends.
 */
export function allFunctionsDir(): string {
  return functionsDirWith(FUNCTION_CATALOG.map((spec) => spec.name));
}

/** A functions/ folder with stub handlers for the given functions only. */
export function functionsDirWith(names: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'duma-alerts-functions-'));
  for (const name of names) writeFileSync(join(dir, `${name}.ts`), 'export const handler = async () => ({});\n');
  return dir;
}

/**
 * Builds the stack in a fresh app. Bundling is off unless asked for: `aws:cdk:bundling-stacks` = [] makes
 * NodejsFunction skip esbuild, which keeps a synth under a few seconds.
 */
export function synthStack(
  options: { context?: Record<string, unknown>; functionsDir?: string; bundling?: boolean; outdir?: string; catalog?: readonly FunctionSpec[] } = {},
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
    ...(options.catalog ? { catalog: options.catalog } : {}),
  });
  return { app, stack, template: Template.fromStack(stack) };
}
