import { createHash, randomBytes } from 'node:crypto';
import { signToken, TokenError, verifyToken, type TokenSecrets } from '../../security/signed-token.js';
import type { ApiRequest } from '../http-types.js';
import { CONSOLE_ROOT } from './console-paths.js';

/** The operator's session cookie; scoped to the console's paths. */
export const SESSION_COOKIE = 'console_session';
/** A session ends this long after sign-in, whatever happens in between. */
export const SESSION_TTL_SECONDS = 30 * 60;
const SESSION_PURPOSE = 'console-session';

/** A signed-in operator: the session's own id, the subject of every console form's CSRF token. */
export interface ConsoleSession {
  sessionId: string;
  expiresAt: Date;
}

/**
 * A fingerprint of the admin key in each session, so that rotating the key ends every session signed in with the
 * old one. A hash prefix, never the key itself.
 */
function keyFingerprint(adminApiKey: string): string {
  return createHash('sha256').update(`console:${adminApiKey}`).digest('base64url').slice(0, 16);
}

/** A new session after a good sign-in, with the Set-Cookie value that hands it to the browser. */
export function startSession(adminApiKey: string, secrets: TokenSecrets, now: Date, secure: boolean): { session: ConsoleSession; setCookie: string } {
  const sessionId = randomBytes(18).toString('base64url');
  const exp = Math.floor(now.getTime() / 1000) + SESSION_TTL_SECONDS;
  const token = signToken({ sub: sessionId, purpose: SESSION_PURPOSE, exp, key: keyFingerprint(adminApiKey) }, secrets);
  return { session: { sessionId, expiresAt: new Date(exp * 1000) }, setCookie: sessionCookie(token, SESSION_TTL_SECONDS, secure) };
}

/** The session the request's cookie carries, or undefined when there is none or it is forged, expired or of an old key. */
export function currentSession(request: ApiRequest, adminApiKey: string | undefined, secrets: TokenSecrets, now: Date): ConsoleSession | undefined {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || !adminApiKey) return undefined;
  try {
    const payload = verifyToken(token, secrets, { purpose: SESSION_PURPOSE, now });
    if (payload.key !== keyFingerprint(adminApiKey) || payload.exp === undefined) return undefined;
    return { sessionId: payload.sub, expiresAt: new Date(payload.exp * 1000) };
  } catch (error) {
    if (error instanceof TokenError) return undefined;
    throw error;
  }
}

/** The Set-Cookie value that ends the session in the browser. */
export function endSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`Path=${CONSOLE_ROOT}`, 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])];
  return `${SESSION_COOKIE}=${value}; ${attributes.join('; ')}`;
}
