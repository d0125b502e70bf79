import type { WebhookPayload } from './webhook-payload.js';
import { signWebhook } from './webhook-signature.js';
import type { WebhookSecret } from './webhook-signature.js';

export interface WebhookRequestInput {
  deliveryId: string;
  payload: WebhookPayload;
  /** Current secret first; both during a rotation overlap. */
  secrets: readonly [WebhookSecret, ...WebhookSecret[]];
  /** When this attempt is sent. */
  sentAt: Date;
}

/**
 * The headers and body of one delivery attempt, ready for `SafeHttpClient.post`: the body is serialised once here so
 * the bytes signed are exactly the bytes sent.
 */
export function buildWebhookRequest(input: WebhookRequestInput): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(input.payload);
  return {
    headers: {
      'content-type': 'application/json',
      'user-agent': 'duma-alerts-webhooks/1',
      ...signWebhook({ deliveryId: input.deliveryId, body, timestamp: input.sentAt, secrets: input.secrets }),
    },
    body,
  };
}
