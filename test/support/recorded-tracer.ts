import { traced as trace } from '../../shared/aws/tracer.js';
import { dynamoDbCallHooks } from './dynamodb-call-hooks.js';

/*
 * shared/aws/tracer.ts as the code under test sees it in vitest (vitest.config.ts resolves the module here for every
 * other importer): every client shared/aws/clients.ts makes passes through `traced`, which reports its making to
 * check-aws-access.ts, so the SQS and SES calls of a client a dependency builder made are held to the builder's access.
 * Tracing itself is off in the tests (no Lambda), so the real module only hands the client back.
 */

export * from '../../shared/aws/tracer.js';

/** The real `traced`, after reporting the client's making. */
export function traced<Client>(client: Client): Client {
  dynamoDbCallHooks()?.created(client as object);
  return trace(client);
}
