import { createHash, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import * as z from 'zod';

const SECRET_PREFIX = 'whsec_';
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 32;

/**
 * Whether `text` is exactly the base64 of some bytes, padded or not. Node's decoder silently drops what is not
 * base64 (spaces, a stray character, misplaced `=`) and reads base64url too, so re-encoding is the one strict test.
 */
function isCanonicalBase64(text: string): boolean {
  const canonical = Buffer.from(text, 'base64').toString('base64');
  return text === canonical || text === canonical.replaceAll('=', '');
}

/** A Standard Webhooks secret: `whsec_` + base64 (padded or not) of 24–32 random bytes. */
export const WebhookSecretSchema = z
  .string()
  .refine(
    (secret) => secret.startsWith(SECRET_PREFIX) && isCanonicalBase64(secret.slice(SECRET_PREFIX.length)),
    'a webhook secret looks like whsec_ followed by base64',
  )
  .refine((secret) => {
    const length = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64').length;
    return length >= MIN_SECRET_BYTES && length <= MAX_SECRET_BYTES;
  }, `a webhook secret holds ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} bytes`);
export type WebhookSecret = z.infer<typeof WebhookSecretSchema>;

/** Generates a fresh endpoint secret (32 random bytes), shown to the subscriber once. */
export function generateWebhookSecret(): WebhookSecret {
  return `${SECRET_PREFIX}${randomBytes(MAX_SECRET_BYTES).toString('base64')}`;
}

/**
 * An endpoint's secrets. After a rotation the previous one stays valid until `previousExpiresAt`, so receivers can
 * switch without dropping deliveries.
 */
export const SecretRotationSchema = z.object({
  current: WebhookSecretSchema,
  previous: WebhookSecretSchema.optional(),
  previousExpiresAt: z.string().datetime({ offset: true }).optional(),
});
export type SecretRotation = z.infer<typeof SecretRotationSchema>;

/** The secrets to sign with at `now`: the current one, plus the previous one while the overlap lasts. */
export function signingSecretsAt(rotation: SecretRotation, now: Date): [WebhookSecret, ...WebhookSecret[]] {
  const { current, previous, previousExpiresAt } = rotation;
  if (previous !== undefined && previousExpiresAt !== undefined && now.getTime() < Date.parse(previousExpiresAt)) {
    return [current, previous];
  }
  return [current];
}

/**
 * The `webhook-id` for a delivery: derived from the delivery id so every retry of it carries the same id, which is
 * what receivers deduplicate on. Hashed so internal ids do not leak and the charset is always header-safe.
 */
export function webhookMessageId(deliveryId: string): string {
  return `msg_${createHash('sha256').update(deliveryId).digest('base64url').slice(0, 32)}`;
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export interface SignWebhookInput {
  deliveryId: string;
  /** The exact bytes that will be sent. */
  body: string;
  /** The attempt's send time: each retry is signed afresh, so receivers' 5-minute tolerance holds. */
  timestamp: Date;
  /** Current secret first; two during a rotation overlap (see {@link signingSecretsAt}). */
  secrets: readonly [WebhookSecret, ...WebhookSecret[]];
}

/**
 * Signs a webhook per Standard Webhooks: `webhook-signature` is `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one
 * per secret, space-separated, so a receiver holding either the old or the new secret verifies it.
 */
export function signWebhook(input: SignWebhookInput): WebhookHeaders {
  const id = webhookMessageId(input.deliveryId);
  const signatures = input.secrets.map((secret) => new Webhook(secret).sign(id, input.timestamp, input.body));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(input.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
