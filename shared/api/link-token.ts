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

/**
 * The subscriber a signed link is for. A link whose token was tampered with, or signed for another purpose,
 * is refused with 403; an expired one with 410, so the page can say which.
 */
export function subscriberOfToken(token: string, purpose: LinkPurpose, deps: Pick<ApiDependencies, 'tokenSecrets' | 'now'>): string {
  return asHttpError(() => subscriberOfLink(token, purpose, deps.tokenSecrets, deps.now()));
}

/** The sign-up request a confirmation link is for; refused as {@link subscriberOfToken} refuses. */
export function requestOfConfirmToken(token: string, deps: Pick<ApiDependencies, 'tokenSecrets' | 'now'>): ConfirmRequest {
  return asHttpError(() => requestOfConfirmLink(token, deps.tokenSecrets, deps.now()));
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
