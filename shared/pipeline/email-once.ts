import type { Logger } from '@aws-lambda-powertools/logger';
import type { RenderedEmail } from '../email/render-change-email.js';
import { listUnsubscribeHeaders } from '../email/list-unsubscribe-headers.js';
import type { Mailer } from '../email/mailer.js';
import type { TokenSecrets } from '../security/signed-token.js';
import type { DeliveryKey, DeliveryStore } from '../store/delivery-store.js';
import type { Subscriber, SubscriberStore } from '../store/subscriber-store.js';
import { manageUrl, unsubscribeUrl } from '../subscriptions/subscriber-links.js';

/** What sending one email at most once needs. */
export interface EmailOnceDependencies {
  subscribers: Pick<SubscriberStore, 'get'>;
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

/** The subscriber's signed links, for the email's footer and its List-Unsubscribe header. */
export interface SubscriberLinks {
  unsubscribeUrl: string;
  manageUrl: string;
}

/** The email to send to a subscriber, or why not to send one. */
export type Composed = { email: RenderedEmail; kind: string } | { skip: string };

/**
 * Sends one email about `item` to one subscriber, at most once: the delivery record is claimed before and marked
 * sent after. A duplicate message finds it done; a message whose item is gone, or whose subscriber is not active
 * (pending, unsubscribed, suppressed), is recorded as skipped. A failed send gives the claim back and throws, so the
 * queue retries; a crash between sending and marking costs one repeated email, never a lost one.
 * @returns 1 when this call sent the email, else 0.
 */
export async function emailOnce<T>(
  deps: EmailOnceDependencies,
  key: DeliveryKey,
  load: () => Promise<T | undefined>,
  compose: (item: T, subscriber: Subscriber, links: SubscriberLinks) => Promise<Composed> | Composed,
): Promise<number> {
  const claim = await deps.deliveries.claim(key, deps.now(), deps.leaseMs ?? 120_000);
  if (claim === 'done') return 0;
  if (claim === 'busy') throw new DeliveryBusyError(`delivery ${key.changeId} to ${key.subscriberId} is being sent by another consumer`);

  const at = () => deps.now().toISOString();
  const [item, subscriber] = await Promise.all([load(), deps.subscribers.get(key.subscriberId)]);
  if (item === undefined) {
    await deps.deliveries.markSkipped(key, at(), 'item-not-found');
    return 0;
  }
  if (!subscriber || subscriber.status !== 'active') {
    await deps.deliveries.markSkipped(key, at(), `subscriber-${subscriber?.status ?? 'gone'}`);
    return 0;
  }
  try {
    const links: SubscriberLinks = {
      unsubscribeUrl: unsubscribeUrl(deps.publicBaseUrl, subscriber.id, deps.tokenSecrets),
      manageUrl: manageUrl(deps.publicBaseUrl, subscriber.id, deps.tokenSecrets, deps.now()),
    };
    const composed = await compose(item, subscriber, links);
    if ('skip' in composed) {
      await deps.deliveries.markSkipped(key, at(), composed.skip);
      return 0;
    }
    const { messageId } = await deps.mailer.send({
      to: subscriber.email,
      ...composed.email,
      headers: listUnsubscribeHeaders(links.unsubscribeUrl),
      tags: [{ name: 'kind', value: composed.kind }],
    });
    await deps.deliveries.markSent(key, at(), messageId);
    deps.logger.info('email sent', { item: key.changeId, subscriber: subscriber.id, kind: composed.kind, messageId });
    return 1;
  } catch (error) {
    await deps.deliveries.release(key, at(), (error as Error).message);
    throw error;
  }
}
