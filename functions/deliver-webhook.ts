import { loadConfig } from '../shared/config/config.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { sqsBatchConsumer } from '../shared/runtime/sqs-batch.js';
import { deliverEndpointDependencies } from '../shared/runtime/webhook-dependencies.js';
import { deliverToEndpoint } from '../shared/webhooks/deliver-to-endpoint.js';
import { EndpointDeliveryMessageSchema } from '../shared/webhooks/endpoint-delivery-message.js';

const deps = deliverEndpointDependencies(loadConfig());

/** SQS consumer of the webhook and Slack queues: one attempt per message, the next one scheduled on failure. */
export const handler = lambdaHandler(sqsBatchConsumer(EndpointDeliveryMessageSchema, (message) => deliverToEndpoint(deps, message)));
