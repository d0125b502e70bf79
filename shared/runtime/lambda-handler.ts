import type { Context } from 'aws-lambda';
import { traceInvocation } from '../aws/tracer.js';
import { addLambdaContext } from '../log/logger.js';

/**
 * The Lambda entry point of a handler: every logger of the function gets the invocation's context first, and the
 * invocation is traced (X-Ray, shared/aws/tracer.ts). The local runtime calls the same entry point without a context
 * (and a scheduled one without an event), with tracing off.
 */
export function lambdaHandler<Result>(handle: (event?: unknown, context?: Context) => Promise<Result>): (event?: unknown, context?: Context) => Promise<Result>;
export function lambdaHandler<Event, Result>(handle: (event: Event, context?: Context) => Promise<Result>): (event: Event, context?: Context) => Promise<Result>;
export function lambdaHandler<Event, Result>(handle: (event: Event, context?: Context) => Promise<Result>): (event: Event, context?: Context) => Promise<Result> {
  return (event, context) => {
    if (context) addLambdaContext(context);
    return traceInvocation(() => handle(event, context));
  };
}

/**
 * When a run must stop starting work: `fraction` of the invocation's remaining time from now, or of `fallbackMs`
 * when there is no Lambda context (the local runtime).
 */
export function runDeadline(context: Pick<Context, 'getRemainingTimeInMillis'> | undefined, fraction: number, fallbackMs: number): number {
  return Date.now() + (context?.getRemainingTimeInMillis() ?? fallbackMs) * fraction;
}
