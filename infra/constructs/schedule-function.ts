import { Duration, Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import type { FunctionSpec } from '../function-catalog.js';
import { ServiceFunction, type ServiceResources } from './service-function.js';

/**
 * How long a scheduled invocation may wait before it is dropped (the minimum both Lambda and Scheduler allow):
 * an invocation that could not start within a minute is better left to the next tick than run late beside it.
 */
export const SCHEDULED_MAX_EVENT_AGE = Duration.minutes(1);
/** Scheduler retries a failed Invoke call (throttled API, service error) this often within the event age. */
export const SCHEDULER_RETRY_ATTEMPTS = 2;

/**
 * A function run on its schedule parameter, one run at a time: reserved concurrency 1 (overlapping runs would
 * double the load on sozd and race on the same bills), a one-minute maximum event age, and no Lambda retry of a
 * failed run (the next tick does the same work).
 */
export function scheduledServiceFunction(scope: Construct, spec: FunctionSpec, resources: ServiceResources): ServiceFunction {
  if (spec.trigger.kind !== 'schedule') throw new Error(`${spec.name}: not a scheduled function`);
  const serviceFunction = new ServiceFunction(scope, spec, resources, {
    retryAttempts: 0,
    maxEventAge: SCHEDULED_MAX_EVENT_AGE,
    reservedConcurrentExecutions: 1,
  });
  scheduleFunction(serviceFunction, resources.parameters[spec.trigger.rate]);
  return serviceFunction;
}

/**
 * Runs a function every `minutes` through EventBridge Scheduler, with a role that may invoke that function only.
 * The Invoke call is retried briefly; the run itself is not (see {@link scheduledServiceFunction}).
 */
function scheduleFunction(serviceFunction: ServiceFunction, minutes: number): Schedule {
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
    target: new LambdaInvoke(fn, { role, retryAttempts: SCHEDULER_RETRY_ATTEMPTS, maxEventAge: SCHEDULED_MAX_EVENT_AGE }),
  });
}
