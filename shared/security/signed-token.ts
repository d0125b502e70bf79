import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';

/**
 * What a token asserts: who it is for, what it may do, until when, plus any scope the issuer adds
 * (e.g. `{ subscriptionId }`). The whole payload is signed, so no field can be swapped for another subscriber's.
 */
export const TokenPayloadSchema = z.looseObject({
  sub: z.string().min(1),
  purpose: z.string().min(1),
  /** Expiry in epoch seconds; a token without one never expires (unsubscribe links must keep working). */
  exp: z.number().int().positive().optional(),
});
export type TokenPayload = z.infer<typeof TokenPayloadSchema>;

/** One secret, or a rotation list whose first secret signs and every secret verifies. */
export type TokenSecrets = string | readonly [string, ...string[]];

export type TokenErrorReason = 'malformed' | 'bad-signature' | 'wrong-purpose' | 'expired';

/** Why a token was refused. The only error `verifyToken` throws, whatever the input. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(readonly reason: TokenErrorReason) {
    super(`token refused: ${reason}`);
  }
}

export interface VerifyTokenOptions {
  /** The purpose the caller is about to act on; a token minted for another purpose is refused. */
  purpose: string;
  now?: Date;
}

// Keys shorter than this are guessable offline from a single token.
const MIN_SECRET_LENGTH = 32;
// Far above any token we mint; bounds the work an attacker can make us do per request.
const MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
// The first byte of a sealed token, authenticated with it: a later format can change without ambiguity.
const SEALED_VERSION = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals `payload` as `base64url(version ‖ iv ‖ AES-256-GCM(JSON) ‖ tag)`, safe to put in a URL as is. The payload
 * is encrypted as well as authenticated, so a link shows nothing of whom it is for (a subscriber id, a request id)
 * to anyone who reads it in a header or a forwarded email.
 * Throws a TypeError for a payload that does not fit {@link TokenPayloadSchema} (a bug at the call site).
 */
export function signToken(payload: TokenPayload, secrets: TokenSecrets): string {
  const [signingSecret] = secretList(secrets);
  const valid = TokenPayloadSchema.safeParse(payload);
  if (!valid.success) throw new TypeError(`cannot sign token payload: ${z.prettifyError(valid.error)}`);
  const header = Buffer.from([SEALED_VERSION]);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(signingSecret), iv);
  cipher.setAAD(header);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(valid.data), 'utf8'), cipher.final()]);
  return Buffer.concat([header, iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/**
 * Opens a sealed token with every secret of the list (the first signs, all verify), then checks the purpose and
 * expiry. A token of the earlier signed-only form (`base64url(JSON).base64url(HMAC-SHA256)`) is still verified,
 * so links already in mailboxes (one-click unsubscribe lives for years) keep working.
 * Returns the payload, or throws a {@link TokenError} saying why it was refused.
 */
export function verifyToken(token: string, secrets: TokenSecrets, options: VerifyTokenOptions): TokenPayload {
  const list = secretList(secrets);
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw new TokenError('malformed');
  const payload = token.includes('.') ? verifySignedOnly(token, list) : openSealed(token, list);
  if (payload.purpose !== options.purpose) throw new TokenError('wrong-purpose');
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (payload.exp !== undefined && payload.exp <= nowSeconds) throw new TokenError('expired');
  return payload;
}

function openSealed(token: string, secrets: readonly string[]): TokenPayload {
  if (!BASE64URL.test(token)) throw new TokenError('malformed');
  const bytes = Buffer.from(token, 'base64url');
  // base64url has spare bits in its last character: only the canonical encoding is the token.
  if (bytes.toString('base64url') !== token || bytes.length <= 1 + IV_BYTES + TAG_BYTES || bytes[0] !== SEALED_VERSION) {
    throw new TokenError('malformed');
  }
  const header = bytes.subarray(0, 1);
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const sealed = bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  for (const secret of secrets) {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(secret), iv);
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(sealed), decipher.final()]);
    } catch {
      continue;
    }
    return decodePayload(plain.toString('utf8'));
  }
  throw new TokenError('bad-signature');
}

function verifySignedOnly(token: string, secrets: readonly string[]): TokenPayload {
  const parts = token.split('.');
  const [body, mac] = parts;
  if (parts.length !== 2 || !body || !mac || !BASE64URL.test(body) || !BASE64URL.test(mac)) {
    throw new TokenError('malformed');
  }
  // Compare the canonical encodings, not decoded bytes: base64url has spare bits in its last character,
  // and a token differing in any character must be refused.
  const given = Buffer.from(mac, 'ascii');
  const matches = secrets.map((secret) => {
    const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('base64url'), 'ascii');
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!matches.includes(true)) throw new TokenError('bad-signature');
  return decodePayload(Buffer.from(body, 'base64url').toString('utf8'));
}

function decodePayload(json: string): TokenPayload {
  try {
    const parsed = TokenPayloadSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: same answer as JSON of the wrong shape.
  }
  throw new TokenError('malformed');
}

const sealingKeys = new Map<string, Buffer>();

/** The AES key of a secret, derived once per secret (HKDF keeps the HMAC-era secrets usable as they are). */
function sealingKey(secret: string): Buffer {
  let key = sealingKeys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'duma-alerts/token', 'aes-256-gcm/v2', 32));
    sealingKeys.set(secret, key);
  }
  return key;
}

function secretList(secrets: TokenSecrets): readonly [string, ...string[]] {
  const list: readonly string[] = typeof secrets === 'string' ? [secrets] : secrets;
  const [first, ...rest] = list;
  if (first === undefined || list.some((secret) => secret.length < MIN_SECRET_LENGTH)) {
    throw new RangeError(`token secrets must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return [first, ...rest];
}
