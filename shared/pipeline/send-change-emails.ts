import { renderChangeEmail } from '../email/render-change-email.js';
import type { ChangeStore } from '../store/change-store.js';
import { emailEachRecipient, loadOncePerMessage } from './each-recipient.js';
import { emailOnce, type EmailOnceDependencies } from './email-once.js';
import type { EmailMessage } from './pipeline-messages.js';

export interface SendEmailDependencies extends EmailOnceDependencies {
  changes: ChangeStore;
}

/**
 * Emails each subscriber of a message its changes, one email per change, in the message's order, each at most once;
 * each change is read once for all of them. A failure throws once every subscriber was tried, so the queue retries
 * the message; the emails already sent are then skipped.
 * @returns how many emails this call sent.
 */
export async function sendChangeEmails(deps: SendEmailDependencies, message: EmailMessage): Promise<number> {
  const loadChange = loadOncePerMessage((changeId) => deps.changes.get(message.billNumber, changeId));
  return emailEachRecipient(message.subscriberIds, async (subscriberId) => {
    let sent = 0;
    for (const changeId of message.changeIds) {
      sent += await emailOnce(
        deps,
        { changeId, subscriberId, channel: 'email' },
        () => loadChange(changeId),
        (change, subscriber, links) => ({ email: renderChangeEmail(change, { language: subscriber.language, ...links }), kind: 'bill-change' }),
      );
    }
    return sent;
  });
}
