import type { Context } from 'aws-lambda';
import { addLambdaContext } from '../log/logger.js';

/**
 * The Lambda entry point of a handler: every logger of the function gets the invocation's context first. The local
 * runtime calls the same entry point without a context (and a scheduled one without an event).
 */
export function lambdaHandler<Result>(handle: () => Promise<Result>): (event?: unknown, context?: Context) => Promise<Result>;
export function lambdaHandler<Event, Result>(handle: (event: Event) => Promise<Result>): (event: Event, context?: Context) => Promise<Result>;
export function lambdaHandler<Event, Result>(handle: (event: Event) => Promise<Result>): (event: Event, context?: Context) => Promise<Result> {
  return (event, context) => {
    if (context) addLambdaContext(context);
    return handle(event);
  };
}
