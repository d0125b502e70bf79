import { Duration } from 'aws-cdk-lib';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ServiceFunction } from './service-function.js';

/**
 * Runs a function every `minutes` through EventBridge Scheduler. No retries: the next tick does the same work,
 * and a retry would overlap it.
 */
export function scheduleFunction(serviceFunction: ServiceFunction, minutes: number): Schedule {
  return new Schedule(serviceFunction, 'Schedule', {
    description: `duma-alerts: run ${serviceFunction.spec.name} every ${minutes} min`,
    schedule: ScheduleExpression.rate(Duration.minutes(minutes)),
    target: new LambdaInvoke(serviceFunction.function, { retryAttempts: 0 }),
  });
}
