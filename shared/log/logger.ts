import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/** Every logger of this process, so that one invocation's Lambda context reaches all of them. */
const loggers: Logger[] = [];
let lambdaContext: Context | undefined;

/**
 * One JSON-lines logger per component. Quiet by default (WARN); `LOG_LEVEL=info` or `debug` shows more.
 * Powertools reads `POWERTOOLS_LOG_LEVEL`/`LOG_LEVEL` itself, so Lambda and the local runtime behave alike.
 * In Lambda each line carries the invocation's context (see {@link addLambdaContext}).
 */
export function createLogger(serviceName: string): Logger {
  const logger = new Logger({
    serviceName: `duma-alerts.${serviceName}`,
    logLevel: (process.env.POWERTOOLS_LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'WARN').toUpperCase() as 'WARN',
  });
  if (lambdaContext) logger.addContext(lambdaContext);
  loggers.push(logger);
  return logger;
}

/**
 * Puts the invocation's Lambda context (request id, function name, ARN, memory, cold start) on every logger the
 * function has made and will make, so a log line can be traced to its invocation and X-Ray trace.
 */
export function addLambdaContext(context: Context): void {
  lambdaContext = context;
  for (const logger of loggers) logger.addContext(context);
}
