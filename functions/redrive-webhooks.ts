import { loadConfig } from '../shared/config/config.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { redriveDependencies } from '../shared/runtime/redrive-dependencies.js';
import { redriveDueRetries } from '../shared/webhooks/redrive-retries.js';

const deps = redriveDependencies(loadConfig());

/** Scheduled (every minute): re-queues delivery attempts parked beyond SQS's 15-minute delay once they are due. */
export const handler = lambdaHandler(async () => ({ requeued: await redriveDueRetries(deps) }));
