import { AwsSolutionsChecks } from 'cdk-nag';
import { synthStack, allFunctionsDir } from './test/infra/synth-stack.js';
const { stack } = synthStack({ functionsDir: allFunctionsDir() });
const report = new AwsSolutionsChecks().validateScope(stack);
console.log(JSON.stringify(report.violations.map(v => [v.ruleName, v.violatingResources.map(r => r.constructPath)]), null, 1));
