import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';

/**
 * What a signed token asserts: who it is for, what it may do, until when, plus any scope the issuer adds
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

// HMAC keys shorter than this are guessable offline from a single token.
const MIN_SECRET_LENGTH = 32;
// Far above any token we mint; bounds the work an attacker can make us do per request.
const MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Signs `payload` as `base64url(JSON).base64url(HMAC-SHA256)`, safe to put in a URL as is.
 * Throws a TypeError for a payload that does not fit {@link TokenPayloadSchema} (a bug at the call site).
 */
export function signToken(payload: TokenPayload, secrets: TokenSecrets): string {
  const [signingSecret] = secretList(secrets);
  const valid = TokenPayloadSchema.safeParse(payload);
  if (!valid.success) throw new TypeError(`cannot sign token payload: ${z.prettifyError(valid.error)}`);
  const body = Buffer.from(JSON.stringify(valid.data), 'utf8').toString('base64url');
  return `${body}.${signature(body, signingSecret)}`;
}

/**
 * Checks the signature against every secret (constant-time), then the purpose and expiry.
 * Returns the payload, or throws a {@link TokenError} saying why it was refused.
 */
export function verifyToken(token: string, secrets: TokenSecrets, options: VerifyTokenOptions): TokenPayload {
  const list = secretList(secrets);
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw new TokenError('malformed');
  const parts = token.split('.');
  const [body, mac] = parts;
  if (parts.length !== 2 || !body || !mac || !BASE64URL.test(body) || !BASE64URL.test(mac)) {
    throw new TokenError('malformed');
  }
  // Compare the canonical encodings, not decoded bytes: base64url has spare bits in its last character,
  // and a token differing in any character must be refused.
  const given = Buffer.from(mac, 'ascii');
  const matches = list.map((secret) => {
    const expected = Buffer.from(signature(body, secret), 'ascii');
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!matches.includes(true)) throw new TokenError('bad-signature');

  const payload = decodePayload(body);
  if (payload.purpose !== options.purpose) throw new TokenError('wrong-purpose');
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (payload.exp !== undefined && payload.exp <= nowSeconds) throw new TokenError('expired');
  return payload;
}

function decodePayload(body: string): TokenPayload {
  try {
    const parsed = TokenPayloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: same answer as JSON of the wrong shape.
  }
  throw new TokenError('malformed');
}

function signature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

function secretList(secrets: TokenSecrets): readonly [string, ...string[]] {
  const list: readonly string[] = typeof secrets === 'string' ? [secrets] : secrets;
  const [first, ...rest] = list;
  if (first === undefined || list.some((secret) => secret.length < MIN_SECRET_LENGTH)) {
    throw new RangeError(`token secrets must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return [first, ...rest];
}
