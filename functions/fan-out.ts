import { loadConfig } from '../shared/config/config.js';
import { handleFanOutMessage } from '../shared/pipeline/fan-out-message.js';
import { FanOutQueueMessageSchema } from '../shared/pipeline/pipeline-messages.js';
import { fanOutQueueDependencies } from '../shared/runtime/fan-out-dependencies.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { sqsBatchConsumer } from '../shared/runtime/sqs-batch.js';

const deps = fanOutQueueDependencies(loadConfig());

/** SQS consumer: a bill's changes or a news item, routed to each follower by channel, frequency and stage filter. */
export const handler = lambdaHandler(sqsBatchConsumer(FanOutQueueMessageSchema, (message) => handleFanOutMessage(deps, message)));
