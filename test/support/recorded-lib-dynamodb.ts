import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoDbCallHooks } from './dynamodb-call-hooks.js';

/*
 * @aws-sdk/lib-dynamodb as the code under test sees it in vitest (vitest.config.ts resolves the package here for
 * every other importer): each document client reports its making and each command it sends to check-aws-access.ts.
 * Only a test file whose code loads the SDK pays for loading it; before, every file's setup did.
 */

const PATCHED = Symbol.for('duma-alerts.recorded-lib-dynamodb');
const sdk = DynamoDBDocumentClient as typeof DynamoDBDocumentClient & { [PATCHED]?: true };
if (!sdk[PATCHED]) {
  sdk[PATCHED] = true;
  const from = DynamoDBDocumentClient.from.bind(DynamoDBDocumentClient);
  DynamoDBDocumentClient.from = (...args: Parameters<typeof DynamoDBDocumentClient.from>) => {
    const client = from(...args);
    dynamoDbCallHooks()?.created(client);
    return client;
  };
  const base = Object.getPrototypeOf(DynamoDBDocumentClient.prototype) as { send: (...args: unknown[]) => unknown };
  const send = base.send;
  base.send = function (this: object, ...args: unknown[]) {
    // Every SDK client shares this base: the SQS and SES calls of the code under test pass here too.
    if (this instanceof DynamoDBDocumentClient) dynamoDbCallHooks()?.sent(this, args[0] as never);
    else dynamoDbCallHooks()?.sentOther(this, args[0] as never);
    return send.apply(this, args);
  };
}

export * from '@aws-sdk/lib-dynamodb';
