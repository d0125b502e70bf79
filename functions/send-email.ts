import { loadConfig } from '../shared/config/config.js';
import { EmailQueueMessageSchema } from '../shared/pipeline/pipeline-messages.js';
import { sendChangeEmails } from '../shared/pipeline/send-change-emails.js';
import { sendAlertEmail } from '../shared/pipeline/send-topic-emails.js';
import { sendAlertEmailDependencies, sendEmailDependencies } from '../shared/runtime/dependencies.js';
import { sqsBatchConsumer } from '../shared/runtime/sqs-batch.js';

const config = loadConfig();
const deps = sendEmailDependencies(config);
const alertDeps = sendAlertEmailDependencies(config);

/** SQS consumer: one email per change (or per alert) to one subscriber, at most once per delivery record. */
export const handler = sqsBatchConsumer(EmailQueueMessageSchema, (message) =>
  'kind' in message ? sendAlertEmail(alertDeps, message) : sendChangeEmails(deps, message),
);
