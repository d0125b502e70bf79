import type { EmailQueueMessage } from './pipeline-messages.js';
import { sendChangeEmails, type SendEmailDependencies } from './send-change-emails.js';
import { sendAlertEmail, type SendAlertEmailDependencies } from './send-topic-emails.js';

/** Sends what one email-queue message asks for: a bill's changes, or an alert (topic match, "in the news"). */
export async function sendEmailMessage(
  deps: { changes: SendEmailDependencies; alerts: SendAlertEmailDependencies },
  message: EmailQueueMessage,
): Promise<unknown> {
  return 'kind' in message ? sendAlertEmail(deps.alerts, message) : sendChangeEmails(deps.changes, message);
}
