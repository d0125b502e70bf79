/*
 * Where the recorded @aws-sdk/lib-dynamodb (recorded-lib-dynamodb.ts) reports each document client it makes and each
 * command it sends, and where check-aws-access.ts listens. A global, not a module's state: the SDK module outlives a
 * test file's setup when a worker runs several files.
 */

/** What the recorded SDK calls into: the current test file's recorder. */
export interface DynamoDbCallHooks {
  /** A client was made: a document client, or any client shared/aws/clients.ts passes through `traced` (recorded-tracer.ts). */
  created(client: object): void;
  sent(client: object, command: { constructor: { name: string }; input?: Record<string, unknown> }): void;
  /** A command on any other client (SQS, SES, Secrets Manager). */
  sentOther(client: object, command: { constructor: { name: string }; input?: Record<string, unknown> }): void;
}

const HOOKS = Symbol.for('duma-alerts.check-aws-access');
const holder = globalThis as { [HOOKS]?: DynamoDbCallHooks };

/** Makes `hooks` the recorder of every document client call from now on. */
export function listenToDynamoDbCalls(hooks: DynamoDbCallHooks): void {
  holder[HOOKS] = hooks;
}

/** The current recorder, if a test file's setup installed one. */
export function dynamoDbCallHooks(): DynamoDbCallHooks | undefined {
  return holder[HOOKS];
}
