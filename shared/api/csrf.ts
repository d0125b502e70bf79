import { randomBytes } from 'node:crypto';
import { signToken, TokenError, verifyToken, type TokenSecrets } from '../security/signed-token.js';
import type { ApiRequest } from './http-types.js';

/** A form must be sent within this long of being shown. */
const CSRF_TTL_SECONDS = 2 * 3600;
const CSRF_PURPOSE = 'csrf';
/** The double-submit cookie of forms that no signed link protects (sign-up). */
export const CSRF_COOKIE = 'csrf_nonce';

/** The forms a CSRF token can be issued for; a token for one form is refused by another. */
export type CsrfForm = 'signup' | 'confirm' | 'preferences' | 'feed-links' | 'manage-link' | 'console-sign-in' | 'console';

/**
 * A CSRF token for one form and one subject: the subscriber of the page's signed link, or the sign-up
 * cookie's nonce. Signed and expiring, so it cannot be forged or replayed later, nor moved to another form.
 */
export function issueCsrfToken(form: CsrfForm, subject: string, secrets: TokenSecrets, now: Date): string {
  return signToken({ sub: subject, purpose: CSRF_PURPOSE, form, exp: Math.floor(now.getTime() / 1000) + CSRF_TTL_SECONDS }, secrets);
}

/** True when `token` was issued for this form and subject and has not expired. */
export function isValidCsrfToken(token: unknown, form: CsrfForm, subject: string, secrets: TokenSecrets, now: Date): boolean {
  if (typeof token !== 'string' || subject === '') return false;
  try {
    const payload = verifyToken(token, secrets, { purpose: CSRF_PURPOSE, now });
    return payload.sub === subject && payload.form === form;
  } catch (error) {
    if (error instanceof TokenError) return false;
    throw error;
  }
}

/** The sign-up nonce the browser holds, or a fresh one with the cookie that gives it to the browser. */
export function signupNonce(request: ApiRequest, secureCookies: boolean): { nonce: string; setCookie?: string } {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return { nonce: existing };
  const nonce = randomBytes(18).toString('base64url');
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${CSRF_TTL_SECONDS}`, ...(secureCookies ? ['Secure'] : [])];
  return { nonce, setCookie: `${CSRF_COOKIE}=${nonce}; ${attributes.join('; ')}` };
}
