import type { SubscriptionView } from '../subscriptions/subscription-service.js';
import type { SubscriptionBody } from './api-schemas.js';

/** A subscription as the JSON API shows it. */
export function subscriptionBody({ subscriber, preferences }: SubscriptionView): SubscriptionBody {
  const body: SubscriptionBody = {
    id: subscriber.id,
    email: subscriber.email,
    status: subscriber.status,
    createdAt: subscriber.createdAt,
    preferences,
  };
  for (const key of ['confirmedAt', 'updatedAt', 'unsubscribedAt', 'suppressionReason'] as const) {
    const value = subscriber[key];
    if (value !== undefined) body[key] = value;
  }
  return body;
}
