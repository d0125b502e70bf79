import { loadConfig } from '../shared/config/config.js';
import { sqsBatchConsumer } from '../shared/runtime/sqs-batch.js';
import { deliverEndpointDependencies } from '../shared/runtime/webhook-dependencies.js';
import { deliverToEndpoint } from '../shared/webhooks/deliver-to-endpoint.js';
import { EndpointDeliveryMessageSchema } from '../shared/webhooks/endpoint-delivery-message.js';

const deps = deliverEndpointDependencies(loadConfig());

/** SQS consumer of the webhook and Slack queues: one attempt per message, the next one scheduled on failure. */
export const handler = sqsBatchConsumer(EndpointDeliveryMessageSchema, (message) => deliverToEndpoint(deps, message));
