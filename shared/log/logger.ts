import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One JSON-lines logger per component. Quiet by default (WARN); `LOG_LEVEL=info` or `debug` shows more.
 * Powertools reads `POWERTOOLS_LOG_LEVEL`/`LOG_LEVEL` itself, so Lambda and the local runtime behave alike.
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({
    serviceName: `duma-alerts.${serviceName}`,
    logLevel: (process.env.POWERTOOLS_LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'WARN').toUpperCase() as 'WARN',
  });
}
