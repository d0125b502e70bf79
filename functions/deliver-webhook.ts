import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { withFreshSecrets } from '../shared/runtime/function-config.js';
import { sqsBatchConsumer } from '../shared/runtime/sqs-batch.js';
import { deliverEndpointDependencies } from '../shared/runtime/webhook-dependencies.js';
import { deliverEndpointMessage } from '../shared/webhooks/deliver-endpoint-message.js';
import { EndpointQueueMessageSchema } from '../shared/webhooks/endpoint-delivery-message.js';

/**
 * SQS consumer of the webhook, Slack and Telegram queues: the attempts of each message (one, or the first attempt for
 * each of its endpoints), the next one scheduled on failure.
 * It reads the Telegram bot token from Secrets Manager in AWS.
 */
export const handler = lambdaHandler(
  await withFreshSecrets((config) => {
    const deps = deliverEndpointDependencies(config);
    return sqsBatchConsumer(EndpointQueueMessageSchema, (message) => deliverEndpointMessage(deps, message));
  }),
);
