import { Tracer } from '@aws-lambda-powertools/tracer';
import { dynamoDbCallHooks } from './dynamodb-call-hooks.js';

/*
 * @aws-lambda-powertools/tracer as the code under test sees it in vitest (vitest.config.ts resolves the package here for
 * every other importer): every client shared/aws/clients.ts makes is handed to the tracer, which reports its making to
 * check-aws-access.ts, so the SQS and SES calls of a client a dependency builder made are held to the builder's access.
 */

const PATCHED = Symbol.for('duma-alerts.recorded-tracer');
const prototype = Tracer.prototype as Tracer & { [PATCHED]?: true };
if (!prototype[PATCHED]) {
  prototype[PATCHED] = true;
  const capture = prototype.captureAWSv3Client;
  prototype.captureAWSv3Client = function <Client>(this: Tracer, client: Client): Client {
    dynamoDbCallHooks()?.created(client as object);
    return capture.call(this, client) as Client;
  };
}

export * from '@aws-lambda-powertools/tracer';
