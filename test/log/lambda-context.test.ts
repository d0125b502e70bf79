import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/log/logger.js';
import { lambdaHandler } from '../../shared/runtime/lambda-handler.js';
import { linesWrittenBy } from '../support/captured-logs.js';

const CONTEXT = {
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  functionName: 'DumaAlerts-sweeper',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:111122223333:function:DumaAlerts-sweeper',
  memoryLimitInMB: '256',
} as Context;

describe('log lines in Lambda', () => {
  it('carry the invocation context on loggers made before and after it begins', async () => {
    // Arrange
    const early = createLogger('early-component');
    const handler = lambdaHandler(async () => {
      early.warn('from a logger made at cold start');
      createLogger('late-component').warn('from a logger made during the invocation');
    });

    // Act
    const lines = await linesWrittenBy(() => handler(undefined, CONTEXT));

    // Assert
    expect(lines.map((line) => [line.service, line.message, line.function_request_id, line.function_name, line.function_memory_size])).toEqual([
      ['duma-alerts.early-component', 'from a logger made at cold start', CONTEXT.awsRequestId, 'DumaAlerts-sweeper', '256'],
      ['duma-alerts.late-component', 'from a logger made during the invocation', CONTEXT.awsRequestId, 'DumaAlerts-sweeper', '256'],
    ]);
  });
});
