import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DumaAlertsStack } from './duma-alerts-stack.js';
import { ParametersError, readParameters } from './parameters.js';

const app = new App();
try {
  const parameters = readParameters((key) => app.node.tryGetContext(key));
  new DumaAlertsStack(app, parameters.stackName, {
    parameters,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
} catch (error) {
  // A bad parameter is the operator's to fix: say which, without a stack trace.
  if (!(error instanceof ParametersError)) throw error;
  console.error(error.message);
  process.exit(1);
}
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
