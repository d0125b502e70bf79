import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { withFreshSecrets } from '../shared/runtime/function-config.js';
import { sqsBatchConsumer } from '../shared/runtime/sqs-batch.js';
import { deliverEndpointDependencies } from '../shared/runtime/webhook-dependencies.js';
import { deliverToEndpoint } from '../shared/webhooks/deliver-to-endpoint.js';
import { EndpointDeliveryMessageSchema } from '../shared/webhooks/endpoint-delivery-message.js';

/**
 * SQS consumer of the webhook, Slack and Telegram queues: one attempt per message, the next one scheduled on failure.
 * It reads the Telegram bot token from Secrets Manager in AWS.
 */
export const handler = lambdaHandler(
  await withFreshSecrets((config) => {
    const deps = deliverEndpointDependencies(config);
    return sqsBatchConsumer(EndpointDeliveryMessageSchema, (message) => deliverToEndpoint(deps, message));
  }),
);
