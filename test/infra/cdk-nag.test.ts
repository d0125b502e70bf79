import { PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { allFunctionsDir, synthStack } from './synth-stack.js';

describe('cdk-nag AwsSolutions', () => {
  it('finds no unacknowledged violation in the stack with every function and the proxy secret', () => {
    // Arrange
    const { stack } = synthStack({ functionsDir: allFunctionsDir(), context: { dumaProxySecretName: 'duma-alerts/duma-proxy-url' } });

    // Act
    const report = new AwsSolutionsChecks().validateScope(stack);

    // Assert
    expect(report.violations.map((violation) => [violation.ruleName, violation.violatingResources.map((r) => r.constructPath)])).toEqual([]);
  });

  it('still reports what is not acknowledged, so the check above can fail', () => {
    // Arrange: an unacknowledged wildcard grant on a role of the stack (a bare "*" resource is acknowledged on function
    // roles for X-Ray, which has no resource-level permissions; the IAM tests list every grant, so it cannot hide one).
    const { stack } = synthStack({ functionsDir: allFunctionsDir() });
    const role = stack.node.findAll().find((c): c is Role => c instanceof Role && c.node.path.endsWith('/sweeper/Role'))!;
    role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: ['arn:aws:dynamodb:*:*:table/*'] }));

    // Act
    const report = new AwsSolutionsChecks().validateScope(stack);

    // Assert
    expect(report.violations.map((violation) => violation.ruleName).sort()).toEqual(['AwsSolutions-IAM5[Action::dynamodb:*]', 'AwsSolutions-IAM5[Resource::arn:aws:dynamodb:*:*:table/*]']);
  });
});
