import type { Logger } from '@aws-lambda-powertools/logger';
import type { BillChange } from '../bill/bill-change.js';
import { listUnsubscribeHeaders } from '../email/list-unsubscribe-headers.js';
import type { Mailer } from '../email/mailer.js';
import { renderChangeEmail } from '../email/render-change-email.js';
import type { TokenSecrets } from '../security/signed-token.js';
import type { ChangeStore } from '../store/change-store.js';
import type { DeliveryKey, DeliveryStore } from '../store/delivery-store.js';
import type { SubscriberStore } from '../store/subscriber-store.js';
import { manageUrl, unsubscribeUrl } from '../subscriptions/subscriber-links.js';
import type { EmailMessage } from './pipeline-messages.js';

export interface SendEmailDependencies {
  changes: ChangeStore;
  subscribers: SubscriberStore;
  deliveries: DeliveryStore;
  mailer: Mailer;
  now: () => Date;
  logger: Logger;
  publicBaseUrl: string;
  tokenSecrets: TokenSecrets;
  /** How long a claim holds off other consumers; longer than one send can take. */
  leaseMs?: number;
}

/** Thrown when another consumer holds the delivery: the message is retried after its visibility timeout. */
export class DeliveryBusyError extends Error {
  override readonly name = 'DeliveryBusyError';
}

/**
 * Emails one subscriber the changes of a message, one email per change, in the message's order.
 * Each send is guarded by its delivery record: claimed before, marked sent after. A failure throws, so the
 * queue retries the message; the changes already sent are then skipped.
 * @returns how many emails this call sent.
 */
export async function sendChangeEmails(deps: SendEmailDependencies, message: EmailMessage): Promise<number> {
  let sent = 0;
  for (const changeId of message.changeIds) {
    const key: DeliveryKey = { changeId, subscriberId: message.subscriberId, channel: 'email' };
    const claim = await deps.deliveries.claim(key, deps.now(), deps.leaseMs ?? 120_000);
    if (claim === 'done') continue;
    if (claim === 'busy') throw new DeliveryBusyError(`delivery ${changeId} to ${message.subscriberId} is being sent by another consumer`);

    const at = () => deps.now().toISOString();
    const [change, subscriber] = await Promise.all([
      deps.changes.get(message.billNumber, changeId),
      deps.subscribers.get(message.subscriberId),
    ]);
    if (!change) {
      await deps.deliveries.markSkipped(key, at(), 'change-not-found');
      continue;
    }
    if (!subscriber || subscriber.status !== 'active') {
      await deps.deliveries.markSkipped(key, at(), `subscriber-${subscriber?.status ?? 'gone'}`);
      continue;
    }
    try {
      const messageId = await sendOne(deps, change, subscriber.email, subscriber.language, subscriber.id);
      await deps.deliveries.markSent(key, at(), messageId);
      sent++;
    } catch (error) {
      await deps.deliveries.release(key, at(), (error as Error).message);
      throw error;
    }
  }
  return sent;
}

async function sendOne(
  deps: SendEmailDependencies,
  change: BillChange,
  to: string,
  language: 'ru' | 'en',
  subscriberId: string,
): Promise<string> {
  const unsubscribe = unsubscribeUrl(deps.publicBaseUrl, subscriberId, deps.tokenSecrets);
  const manage = manageUrl(deps.publicBaseUrl, subscriberId, deps.tokenSecrets, deps.now());
  const email = renderChangeEmail(change, { language, unsubscribeUrl: unsubscribe, manageUrl: manage });
  const { messageId } = await deps.mailer.send({
    to,
    ...email,
    headers: listUnsubscribeHeaders(unsubscribe),
    tags: [{ name: 'kind', value: 'bill-change' }],
  });
  deps.logger.info('alert email sent', { change: change.id, subscriber: subscriberId, messageId });
  return messageId;
}
