import { EmailQueueMessageSchema } from '../shared/pipeline/pipeline-messages.js';
import { sendEmailMessage } from '../shared/pipeline/send-email-message.js';
import { withFreshSecrets } from '../shared/runtime/function-config.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { sendEmailDependencies } from '../shared/runtime/send-email-dependencies.js';
import { sqsBatchConsumer } from '../shared/runtime/sqs-batch.js';

/** SQS consumer: one email per change (or per alert) to each subscriber a message names, at most once per delivery record. */
export const handler = lambdaHandler(
  await withFreshSecrets((config) => {
    const deps = sendEmailDependencies(config);
    return sqsBatchConsumer(EmailQueueMessageSchema, (message) => sendEmailMessage(deps, message));
  }),
);
