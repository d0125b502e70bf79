import { loadConfig } from '../shared/config/config.js';
import { EmailMessageSchema } from '../shared/pipeline/pipeline-messages.js';
import { sendChangeEmails } from '../shared/pipeline/send-change-emails.js';
import { sendEmailDependencies } from '../shared/runtime/dependencies.js';
import { sqsBatchConsumer } from '../shared/runtime/sqs-batch.js';

const deps = sendEmailDependencies(loadConfig());

/** SQS consumer: one email per change to one subscriber, at most once per delivery record. */
export const handler = sqsBatchConsumer(EmailMessageSchema, (message) => sendChangeEmails(deps, message));
