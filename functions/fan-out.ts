import { loadConfig } from '../shared/config/config.js';
import { fanOutChanges } from '../shared/pipeline/fan-out.js';
import { FanOutMessageSchema } from '../shared/pipeline/pipeline-messages.js';
import { fanOutDependencies } from '../shared/runtime/fan-out-dependencies.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { sqsBatchConsumer } from '../shared/runtime/sqs-batch.js';

const deps = fanOutDependencies(loadConfig());

/** SQS consumer: one message per follower of each changed bill, routed by channel, frequency and stage filter. */
export const handler = lambdaHandler(sqsBatchConsumer(FanOutMessageSchema, (message) => fanOutChanges(deps, message)));
