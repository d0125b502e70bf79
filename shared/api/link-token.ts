import * as z from 'zod';
import { TokenError } from '../security/signed-token.js';
import { requestOfConfirmLink, subscriberOfLink, type ConfirmRequest, type LinkPurpose } from '../subscriptions/subscriber-links.js';
import type { ApiDependencies } from './api-dependencies.js';
import { HttpError } from './http-error.js';

/** The query of every page and endpoint behind a signed link. */
export const LinkQuerySchema = z.object({
  token: z.string().min(1, 'the link has no token').max(4096),
  /** The page language; an unknown value is ignored rather than refused. */
  lang: z.enum(['ru', 'en']).optional().catch(undefined),
});

type LinkDependencies = Pick<ApiDependencies, 'tokenSecrets' | 'now' | 'addresses'>;

/**
 * The subscriber a signed link is for, as it is now: a link minted before its subscriber's legacy id was migrated
 * carries the old id, which leads to the new one. A link whose token was tampered with, or signed for another
 * purpose, is refused with 403; an expired one with 410, so the page can say which.
 */
export async function subscriberOfToken(token: string, purpose: LinkPurpose, deps: LinkDependencies): Promise<string> {
  return deps.addresses.currentId(asHttpError(() => subscriberOfLink(token, purpose, deps.tokenSecrets, deps.now())));
}

/** The sign-up request a confirmation link is for; refused and followed as {@link subscriberOfToken} does. */
export async function requestOfConfirmToken(token: string, deps: LinkDependencies): Promise<ConfirmRequest> {
  const request = asHttpError(() => requestOfConfirmLink(token, deps.tokenSecrets, deps.now()));
  return { ...request, subscriberId: await deps.addresses.currentId(request.subscriberId) };
}

function asHttpError<T>(verify: () => T): T {
  try {
    return verify();
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    if (error.reason === 'expired') throw new HttpError(410, 'expired_link', 'the link has expired');
    throw new HttpError(403, 'invalid_link', 'the link is not valid');
  }
}
