import * as z from 'zod';
import { LinkPurpose } from '../../subscriptions/subscriber-links.js';
import { LinkQuerySchema, subscriberOfToken } from '../link-token.js';
import { errorPage } from '../pages/error-page.js';
import { withLanguage } from '../pages/layout.js';
import { messagePage } from '../pages/message-page.js';
import { pageLanguage } from '../pages/page-language.js';
import { pageStrings } from '../pages/page-strings.js';
import { tokenFormPage } from '../pages/token-form-page.js';
import { htmlResponse } from '../responses.js';
import { defineRoute } from '../route.js';

/** GET /unsubscribe?token=: a page with one button; opening it changes nothing. */
export const unsubscribePageRoute = defineRoute({
  method: 'GET',
  path: '/unsubscribe',
  operationId: 'unsubscribePage',
  summary: 'The unsubscribe page behind the link in every email (HTML): one button.',
  tag: 'pages',
  query: LinkQuerySchema,
  responses: {
    200: { description: 'The page with the unsubscribe button, or "already unsubscribed" with a link to subscribe again.', html: true },
    403: { description: 'The link is not valid.', html: true },
  },
  async handle({ request, query, deps }) {
    const subscriberId = await subscriberOfToken(query.token, LinkPurpose.unsubscribe, deps);
    const subscriber = await deps.subscriptions.get(subscriberId, deps.now());
    const language = pageLanguage(request, subscriber?.language);
    const words = pageStrings(language);
    if (subscriber?.status === 'unsubscribed') {
      // Subscribing again goes through the sign-up form and its confirmation: this link lives for years and
      // travels in headers, so it grants leaving, never joining.
      return htmlResponse(
        200,
        messagePage({
          language,
          title: words.unsubscribe.alreadyTitle,
          text: words.unsubscribe.alreadyBody(maskEmail(subscriber.email)),
          link: { href: `/?lang=${language}`, label: words.unsubscribe.subscribeAgain },
          otherLanguageHref: withLanguage('/unsubscribe', { token: query.token }, words.otherLanguage.code),
          role: 'status',
        }),
      );
    }
    return htmlResponse(
      200,
      tokenFormPage({
        language,
        title: words.unsubscribe.title,
        text: words.unsubscribe.body(maskEmail(subscriber?.email)),
        action: `/unsubscribe?token=${query.token}&lang=${language}`,
        hiddenFields: { 'List-Unsubscribe': 'One-Click' },
        submit: words.unsubscribe.submit,
        otherLanguageHref: withLanguage('/unsubscribe', { token: query.token }, words.otherLanguage.code),
      }),
    );
  },
  renderError: errorPage,
});

/**
 * POST /unsubscribe?token=: RFC 8058 one-click unsubscribe. Mail clients post `List-Unsubscribe=One-Click`
 * with no cookies and no page in between, so the signed token is the only credential and no CSRF token is
 * asked for; any form encoding is accepted. Takes effect before the answer is sent.
 */
export const unsubscribeSubmitRoute = defineRoute({
  method: 'POST',
  path: '/unsubscribe',
  operationId: 'unsubscribeOneClick',
  summary: 'One-click unsubscribe from everything (RFC 8058): body `List-Unsubscribe=One-Click`, any form encoding.',
  tag: 'pages',
  query: LinkQuerySchema,
  body: { kind: 'any', schema: z.string() },
  responses: {
    200: { description: 'Unsubscribed (also when already unsubscribed).', html: true },
    403: { description: 'The link is not valid.', html: true },
  },
  async handle({ request, query, deps }) {
    const subscriberId = await subscriberOfToken(query.token, LinkPurpose.unsubscribe, deps);
    const subscriber = await deps.subscriptions.get(subscriberId, deps.now());
    await deps.subscriptions.unsubscribe(subscriberId, deps.now());
    deps.logger.info('unsubscribed', { subscriberId });
    const language = pageLanguage(request, subscriber?.language);
    const words = pageStrings(language).unsubscribe;
    return htmlResponse(200, messagePage({ language, title: words.doneTitle, text: words.doneBody, role: 'status' }));
  },
  renderError: errorPage,
});

/** `r•••@example.org`: enough for the owner to recognise, not enough to harvest from a forwarded link. */
function maskEmail(email: string | undefined): string {
  if (!email) return '•••';
  const at = email.lastIndexOf('@');
  return `${email.slice(0, Math.min(1, at))}•••${email.slice(at)}`;
}
