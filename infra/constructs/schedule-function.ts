import { Duration, Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ServiceFunction } from './service-function.js';

/**
 * Runs a function every `minutes` through EventBridge Scheduler, with a role that may invoke that function only.
 * No retries: the next tick does the same work, and a retry would overlap it.
 */
export function scheduleFunction(serviceFunction: ServiceFunction, minutes: number): Schedule {
  const fn = serviceFunction.function;
  const role = new Role(serviceFunction, 'SchedulerRole', {
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
    description: `duma-alerts: lets EventBridge Scheduler invoke ${serviceFunction.spec.name}`,
  });
  const stack = Stack.of(fn);
  const functionLogicalId = stack.resolve(stack.getLogicalId(fn.node.defaultChild as CfnResource)) as string;
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
    reason: 'The wildcard is the version/alias qualifier of this one function (lambda:InvokeFunction on <arn>:*), added by the Scheduler target.',
  });
  return new Schedule(serviceFunction, 'Schedule', {
    description: `duma-alerts: run ${serviceFunction.spec.name} every ${minutes} min`,
    schedule: ScheduleExpression.rate(Duration.minutes(minutes)),
    target: new LambdaInvoke(fn, { role, retryAttempts: 0 }),
  });
}
