import { signToken, type TokenSecrets } from '../security/signed-token.js';

/** The purposes a subscriber link can carry; a token for one purpose never works for another. */
export const LinkPurpose = { unsubscribe: 'unsubscribe', manage: 'manage', confirm: 'confirm' } as const;

/**
 * The signed one-click unsubscribe link of a subscriber. It does not expire: RFC 8058 clients may use it
 * long after the email arrived.
 */
export function unsubscribeUrl(publicBaseUrl: string, subscriberId: string, secrets: TokenSecrets): string {
  const token = signToken({ sub: subscriberId, purpose: LinkPurpose.unsubscribe }, secrets);
  return `${publicBaseUrl.replace(/\/$/, '')}/unsubscribe?token=${token}`;
}
