import { signToken, TokenError, verifyToken, type TokenSecrets } from '../security/signed-token.js';

/** The purposes a subscriber link can carry; a token for one purpose never works for another. */
export const LinkPurpose = { unsubscribe: 'unsubscribe', manage: 'manage', confirm: 'confirm', feed: 'feed' } as const;
export type LinkPurpose = (typeof LinkPurpose)[keyof typeof LinkPurpose];

/** A confirmation link lives as long as the unconfirmed sign-up it confirms. */
export const CONFIRM_LINK_TTL_SECONDS = 7 * 24 * 3600;
/**
 * A preferences link grants read and write of one subscription, so it does not live long; every alert carries a
 * fresh one, and a subscriber whose link ran out asks for a new one by email (`/manage-link`).
 */
export const MANAGE_LINK_TTL_SECONDS = 30 * 24 * 3600;

/**
 * The signed one-click unsubscribe link of a subscriber. It does not expire: RFC 8058 clients may use it
 * long after the email arrived.
 */
export function unsubscribeUrl(publicBaseUrl: string, subscriberId: string, secrets: TokenSecrets): string {
  return link(publicBaseUrl, '/unsubscribe', unsubscribeToken(subscriberId, secrets));
}

/** The token of {@link unsubscribeUrl}, for pages that post to it. */
export function unsubscribeToken(subscriberId: string, secrets: TokenSecrets): string {
  return signToken({ sub: subscriberId, purpose: LinkPurpose.unsubscribe }, secrets);
}

/** The signed link to a subscriber's preferences page, valid {@link MANAGE_LINK_TTL_SECONDS}. */
export function manageUrl(publicBaseUrl: string, subscriberId: string, secrets: TokenSecrets, now = new Date()): string {
  return link(publicBaseUrl, '/preferences', manageToken(subscriberId, secrets, now));
}

/** The token of {@link manageUrl}, also accepted by the JSON self-service API. */
export function manageToken(subscriberId: string, secrets: TokenSecrets, now = new Date()): string {
  return signToken({ sub: subscriberId, purpose: LinkPurpose.manage, exp: expiry(now, MANAGE_LINK_TTL_SECONDS) }, secrets);
}

/** The signed link that confirms one sign-up request (and no other), valid as long as the request waits. */
export function confirmUrl(
  publicBaseUrl: string,
  request: ConfirmRequest & { requestId: string },
  secrets: TokenSecrets,
  now = new Date(),
): string {
  const token = signToken(
    { sub: request.subscriberId, purpose: LinkPurpose.confirm, req: request.requestId, exp: expiry(now, CONFIRM_LINK_TTL_SECONDS) },
    secrets,
  );
  return link(publicBaseUrl, '/confirm', token);
}

/** What a confirmation link confirms: one request of one subscriber (no request id: a link from before requests had ids). */
export interface ConfirmRequest {
  subscriberId: string;
  requestId?: string;
}

/**
 * The request a confirmation link token was signed for, if it is genuine and unexpired.
 * @throws TokenError saying why it was refused.
 */
export function requestOfConfirmLink(token: string, secrets: TokenSecrets, now = new Date()): ConfirmRequest {
  const payload = verifyToken(token, secrets, { purpose: LinkPurpose.confirm, now });
  return typeof payload.req === 'string' ? { subscriberId: payload.sub, requestId: payload.req } : { subscriberId: payload.sub };
}

/**
 * The subscriber a link token was signed for, if it is genuine, unexpired and of `purpose`.
 * @throws TokenError saying why it was refused.
 */
export function subscriberOfLink(token: string, purpose: LinkPurpose, secrets: TokenSecrets, now = new Date()): string {
  return verifyToken(token, secrets, { purpose, now }).sub;
}

/**
 * The token of a subscriber's private feed and calendar: it names the subscriber and their current feed key, and does
 * not expire (a feed reader keeps a URL for years). Resetting the key (a new one on the profile) revokes every URL
 * minted with the old one.
 */
export function feedToken(subscriberId: string, feedKey: string, secrets: TokenSecrets): string {
  return signToken({ sub: subscriberId, purpose: LinkPurpose.feed, key: feedKey }, secrets);
}

/**
 * The subscriber and feed key a private feed token was signed with, if it is genuine.
 * @throws TokenError saying why it was refused.
 */
export function feedOfToken(token: string, secrets: TokenSecrets): { subscriberId: string; feedKey: string } {
  const payload = verifyToken(token, secrets, { purpose: LinkPurpose.feed });
  if (typeof payload.key !== 'string') throw new TokenError('malformed');
  return { subscriberId: payload.sub, feedKey: payload.key };
}

function expiry(now: Date, seconds: number): number {
  return Math.floor(now.getTime() / 1000) + seconds;
}

function link(publicBaseUrl: string, path: string, token: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}${path}?token=${token}`;
}
