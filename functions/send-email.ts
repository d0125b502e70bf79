import { EmailQueueMessageSchema } from '../shared/pipeline/pipeline-messages.js';
import { sendEmailMessage } from '../shared/pipeline/send-email-message.js';
import { loadConfigWithSecrets } from '../shared/runtime/function-config.js';
import { sendEmailDependencies } from '../shared/runtime/send-email-dependencies.js';
import { sqsBatchConsumer } from '../shared/runtime/sqs-batch.js';

const deps = sendEmailDependencies(await loadConfigWithSecrets());

/** SQS consumer: one email per change (or per alert) to one subscriber, at most once per delivery record. */
export const handler = sqsBatchConsumer(EmailQueueMessageSchema, (message) => sendEmailMessage(deps, message));
