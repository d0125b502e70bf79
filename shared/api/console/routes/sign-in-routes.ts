import * as z from 'zod';
import type { Language } from '../../../bill/stages.js';
import { escapeHtml } from '../../../email/html-escape.js';
import type { ConsoleAppDependencies } from '../../api-dependencies.js';
import { verifyApiKey } from '../../api-key.js';
import { issueCsrfToken, isValidCsrfToken, signupNonce } from '../../csrf.js';
import type { ApiRequest, ApiResponse } from '../../http-types.js';
import { paragraph, renderPage } from '../../pages/layout.js';
import { pageLanguage } from '../../pages/page-language.js';
import { htmlResponse } from '../../responses.js';
import { CONSOLE_ROOT, consoleHref } from '../console-page.js';
import { ConsoleFormSchema, ConsoleQuerySchema, consoleErrorPage, consoleRoute, defineConsoleRoute, secureCookies, seeOther } from '../console-route.js';
import { endSessionCookie, startSession } from '../console-session.js';
import { consoleStrings } from '../console-strings.js';

/** Sign-in attempts per client address and window: enough for a person who mistypes, far too few to guess a key. */
const SIGN_IN_LIMIT = { limit: 10, windowSeconds: 15 * 60 };

const SignInQuerySchema = ConsoleQuerySchema.extend({
  /** Where to go after signing in: a console path only, so the form cannot be made to redirect elsewhere. */
  next: z
    .string()
    .max(300)
    .regex(/^\/admin(\/[\w.-]+)*$/)
    .optional()
    .catch(undefined),
});

/** GET /admin: the console's front door, the watch list. */
export const consoleHomeRoute = consoleRoute({
  method: 'GET',
  path: CONSOLE_ROOT,
  operationId: 'consoleHome',
  query: ConsoleQuerySchema,
  async handle(_context, view) {
    return seeOther(consoleHref(`${CONSOLE_ROOT}/bills`, view.language));
  },
});

/** GET /admin/sign-in: the sign-in form. */
export const consoleSignInPageRoute = defineConsoleRoute({
  method: 'GET',
  path: `${CONSOLE_ROOT}/sign-in`,
  operationId: 'consoleSignInPage',
  summary: 'Operator console sign-in (HTML).',
  tag: 'console',
  query: SignInQuerySchema,
  responses: { 200: { description: 'The form.', html: true } },
  async handle({ request, query, deps }) {
    const words = consoleStrings(pageLanguage(request));
    const notice = query.done === 'signedOut' ? words.notices.signedOut('') : undefined;
    return signInForm(request, deps, 200, query.next, notice ? { text: notice, role: 'status' } : undefined);
  },
  renderError: consoleErrorPage,
});

/**
 * POST /admin/sign-in: checks the form's CSRF token, the client's attempt count, then the key (constant-time);
 * a good key starts a session and goes on to the page asked for.
 */
export const consoleSignInRoute = defineConsoleRoute({
  method: 'POST',
  path: `${CONSOLE_ROOT}/sign-in`,
  operationId: 'consoleSignIn',
  summary: 'Operator console sign-in (HTML form).',
  tag: 'console',
  query: SignInQuerySchema,
  body: { kind: 'form', schema: ConsoleFormSchema.extend({ key: z.string().max(1024).default('') }) },
  responses: { 303: { description: 'Signed in.' }, 401: { description: 'Not the admin key.', html: true } },
  async handle({ request, query, body, deps }) {
    const language = pageLanguage(request);
    const words = consoleStrings(language).signIn;
    const refuse = (status: number, text: string, headers: Record<string, string> = {}) =>
      signInForm(request, deps, status, query.next, { text, role: 'alert' }, headers);
    if (!isValidCsrfToken(body.csrf, 'console-sign-in', request.cookies.csrf_nonce ?? '', deps.tokenSecrets, deps.now())) {
      return refuse(403, words.formExpired);
    }
    if (!deps.adminApiKey) return refuse(503, words.noKey);
    const attempt = await deps.rateLimits.hit('console-sign-in', request.clientIp, SIGN_IN_LIMIT, deps.now());
    if (!attempt.allowed) return refuse(429, words.tooMany, { 'retry-after': String(attempt.retryAfterSeconds) });
    if (!verifyApiKey(body.key, deps.adminApiKey)) {
      deps.logger.warn('console sign-in refused: wrong key', { clientIp: request.clientIp });
      return refuse(401, words.wrongKey);
    }
    const { setCookie } = startSession(deps.adminApiKey, deps.tokenSecrets, deps.now(), secureCookies(deps));
    deps.logger.info('console sign-in', { clientIp: request.clientIp });
    return seeOther(consoleHref(query.next ?? `${CONSOLE_ROOT}/bills`, language), [setCookie]);
  },
  renderError: consoleErrorPage,
});

/** POST /admin/sign-out: ends the session in the browser. */
export const consoleSignOutRoute = consoleRoute({
  method: 'POST',
  path: `${CONSOLE_ROOT}/sign-out`,
  operationId: 'consoleSignOut',
  query: ConsoleQuerySchema,
  form: z.object({}),
  async handle({ deps }, view) {
    return seeOther(consoleHref(`${CONSOLE_ROOT}/sign-in`, view.language, { done: 'signedOut' }), [endSessionCookie(secureCookies(deps))]);
  },
});

function signInForm(
  request: ApiRequest,
  deps: ConsoleAppDependencies,
  status: number,
  next: string | undefined,
  message?: { text: string; role: 'status' | 'alert' },
  headers: Record<string, string> = {},
): ApiResponse {
  const language: Language = pageLanguage(request);
  const words = consoleStrings(language).signIn;
  const { nonce, setCookie } = signupNonce(request, secureCookies(deps));
  const csrf = issueCsrfToken('console-sign-in', nonce, deps.tokenSecrets, deps.now());
  const action = consoleHref(`${CONSOLE_ROOT}/sign-in`, language, { next });
  const notice = message
    ? `<div class="notice${message.role === 'status' ? ' success' : ' problem'}" role="${message.role}">${paragraph(message.text)}</div>`
    : '';
  const body = renderPage({
    language,
    title: words.title,
    otherLanguageHref: consoleHref(`${CONSOLE_ROOT}/sign-in`, language === 'ru' ? 'en' : 'ru', { next }),
    main: [
      paragraph(words.intro),
      notice,
      `<form method="post" action="${escapeHtml(action)}">`,
      `<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">`,
      '<div class="field">',
      `<label for="key">${escapeHtml(words.key)}</label>`,
      `<p class="hint" id="key-hint">${escapeHtml(words.keyHint)}</p>`,
      `<input type="password" id="key" name="key" autocomplete="current-password" required aria-describedby="key-hint"${message?.role === 'alert' ? ' aria-invalid="true" autofocus' : ''}>`,
      '</div>',
      `<button type="submit">${escapeHtml(words.submit)}</button>`,
      '</form>',
    ].join('\n'),
  });
  const response = htmlResponse(status, body, headers);
  return setCookie ? { ...response, cookies: [setCookie] } : response;
}
