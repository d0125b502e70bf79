import * as z from 'zod';
import { manageUrl } from '../../subscriptions/subscriber-links.js';
import { summaryHtml } from '../../subscriptions/request-summary.js';
import { confirmationOutline, confirmSignup } from '../../subscriptions/subscription-service.js';
import type { ApiDependencies } from '../api-dependencies.js';
import { issueCsrfToken, isValidCsrfToken } from '../csrf.js';
import { HttpError } from '../http-error.js';
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { LinkQuerySchema, requestOfConfirmToken } from '../link-token.js';
import { errorPage } from '../pages/error-page.js';
import { paragraph, withLanguage } from '../pages/layout.js';
import { messagePage } from '../pages/message-page.js';
import { pageLanguage } from '../pages/page-language.js';
import { pageStrings } from '../pages/page-strings.js';
import { tokenFormPage } from '../pages/token-form-page.js';
import { htmlResponse } from '../responses.js';
import { defineRoute } from '../route.js';

/** GET /confirm?token=: the confirmation page, one button; opening it changes nothing. */
export const confirmPageRoute = defineRoute({
  method: 'GET',
  path: '/confirm',
  operationId: 'confirmPage',
  summary: 'The page behind the confirmation link (HTML): one button that confirms.',
  tag: 'pages',
  query: LinkQuerySchema,
  responses: {
    200: { description: 'The confirmation page, or "already confirmed".', html: true },
    403: { description: 'The link is not valid.', html: true },
    410: { description: 'The link or the sign-up has expired.', html: true },
  },
  async handle({ request, query, deps }) {
    const confirmRequest = await requestOfConfirmToken(query.token, deps);
    const { subscriberId } = confirmRequest;
    const now = deps.now();
    const [pending, subscriber] = await Promise.all([
      deps.subscriptions.getPendingSignup(subscriberId, confirmRequest.requestId, now),
      deps.subscriptions.get(subscriberId, now),
    ]);
    if (!pending) {
      if (subscriber?.status === 'active') return confirmedPage(request, deps, subscriberId, subscriber.language);
      throw new HttpError(410, 'expired_signup', 'the sign-up has expired or was already used');
    }
    const language = pageLanguage(request, pending.preferences.language);
    const words = pageStrings(language);
    const { summary, replacesCurrent, dropped } = await confirmationOutline(deps, subscriber, pending.preferences, language);
    const replaces =
      (replacesCurrent ? paragraph(words.confirm.replaces) : '') + (dropped ? paragraph(dropped.heading) + summaryHtml(dropped.lines) : '');
    return htmlResponse(
      200,
      tokenFormPage({
        language,
        title: words.confirm.title,
        text: words.confirm.body(pending.email),
        detailsHtml: summaryHtml(summary) + replaces,
        action: `/confirm?token=${query.token}&lang=${language}`,
        hiddenFields: { csrf: issueCsrfToken('confirm', subscriberId, deps.tokenSecrets, now) },
        submit: words.confirm.submit,
        otherLanguageHref: withLanguage('/confirm', { token: query.token }, words.otherLanguage.code),
      }),
    );
  },
  renderError: errorPage,
});

/** POST /confirm?token=: confirms the sign-up; the address starts receiving alerts. */
export const confirmSubmitRoute = defineRoute({
  method: 'POST',
  path: '/confirm',
  operationId: 'confirmSubmit',
  summary: 'Confirm a sign-up (HTML form from the confirmation page, CSRF-protected).',
  tag: 'pages',
  query: LinkQuerySchema,
  body: { kind: 'form', schema: z.object({ csrf: z.string().max(4096).optional() }) },
  responses: {
    200: { description: 'Confirmed, with a link to the preferences page.', html: true },
    403: { description: 'The link is not valid or the form expired.', html: true },
    409: { description: 'The address is suppressed (bounced or complained) and cannot be subscribed; nothing was changed.', html: true },
    410: { description: 'The sign-up has expired or was already used.', html: true },
  },
  async handle({ request, query, body, deps }) {
    const confirmRequest = await requestOfConfirmToken(query.token, deps);
    const { subscriberId } = confirmRequest;
    if (!isValidCsrfToken(body.csrf, 'confirm', subscriberId, deps.tokenSecrets, deps.now())) {
      throw new HttpError(403, 'csrf_failed', 'the form expired; open the link again');
    }
    const outcome = await confirmSignup(deps, confirmRequest);
    if (outcome.kind === 'suppressed') throw new HttpError(409, 'suppressed', 'this address is suppressed');
    if (outcome.kind === 'expired') throw new HttpError(410, 'expired_signup', 'the sign-up has expired or was already used');
    deps.logger.info('subscription confirmed', { subscriberId });
    return confirmedPage(request, deps, subscriberId, outcome.subscriber.language);
  },
  renderError: errorPage,
});

function confirmedPage(request: ApiRequest, deps: ApiDependencies, subscriberId: string, language: 'ru' | 'en'): ApiResponse {
  const pageLanguageChoice = pageLanguage(request, language);
  const words = pageStrings(pageLanguageChoice).confirmed;
  return htmlResponse(
    200,
    messagePage({
      language: pageLanguageChoice,
      title: words.title,
      text: words.body,
      link: { href: manageUrl(deps.publicBaseUrl, subscriberId, deps.tokenSecrets, deps.now()), label: words.manage },
      role: 'status',
    }),
  );
}
