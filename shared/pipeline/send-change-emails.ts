import { renderChangeEmail } from '../email/render-change-email.js';
import type { ChangeStore } from '../store/change-store.js';
import { emailOnce, type EmailOnceDependencies } from './email-once.js';
import type { EmailMessage } from './pipeline-messages.js';

export interface SendEmailDependencies extends EmailOnceDependencies {
  changes: ChangeStore;
}

/**
 * Emails one subscriber the changes of a message, one email per change, in the message's order, each at most once.
 * A failure throws, so the queue retries the message; the changes already sent are then skipped.
 * @returns how many emails this call sent.
 */
export async function sendChangeEmails(deps: SendEmailDependencies, message: EmailMessage): Promise<number> {
  let sent = 0;
  for (const changeId of message.changeIds) {
    sent += await emailOnce(
      deps,
      { changeId, subscriberId: message.subscriberId, channel: 'email' },
      () => deps.changes.get(message.billNumber, changeId),
      (change, subscriber, links) => ({ email: renderChangeEmail(change, { language: subscriber.language, ...links }), kind: 'bill-change' }),
    );
  }
  return sent;
}
