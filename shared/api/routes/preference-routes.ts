import * as z from 'zod';
import { LinkPurpose, unsubscribeToken } from '../../subscriptions/subscriber-links.js';
import { describeBill } from '../../subscriptions/request-summary.js';
import { PreferencesPatchSchema } from '../../subscriptions/subscription-preferences.js';
import { readSubscription, savePreferences, type SubscriptionView } from '../../subscriptions/subscription-service.js';
import type { ApiDependencies } from '../api-dependencies.js';
import { ErrorSchema, SubscriptionSchema } from '../api-schemas.js';
import { issueCsrfToken, isValidCsrfToken, type CsrfForm } from '../csrf.js';
import { HttpError } from '../http-error.js';
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { LinkQuerySchema, subscriberOfToken } from '../link-token.js';
import { errorPage } from '../pages/error-page.js';
import { withLanguage } from '../pages/layout.js';
import { pageLanguage } from '../pages/page-language.js';
import { pageStrings } from '../pages/page-strings.js';
import { preferencesPage } from '../pages/preferences-page.js';
import {
  formValuesOf,
  PreferencesFormSchema,
  readPreferencesForm,
  SUBSCRIPTION_BODY_BYTES,
  type FormErrors,
  type PreferencesFormValues,
} from '../preferences-form.js';
import { htmlResponse, jsonResponse } from '../responses.js';
import { defineRoute } from '../route.js';
import { assertWithinLimits } from '../follow-limits.js';
import { subscriptionBody } from '../subscription-body.js';
import { privateFeedUrls } from './private-feed-routes.js';

// What every route behind a manage link may answer, written once.
const GONE_PAGE = { description: 'The subscription no longer exists.', html: true } as const;
const EXPIRED_PAGE = { description: 'The link has expired.', html: true } as const;
const INVALID_FORM = { description: 'The link is not valid or the form expired.', html: true } as const;
const TOKEN_ERRORS = {
  403: { description: 'The token is not valid.', json: ErrorSchema },
  404: { description: 'The subscription no longer exists.', json: ErrorSchema },
  410: { description: 'The token has expired.', json: ErrorSchema },
} as const;

/** GET /preferences?token=: the preferences page of the link's subscriber. */
export const preferencesPageRoute = defineRoute({
  method: 'GET',
  path: '/preferences',
  operationId: 'preferencesPage',
  summary: 'The preferences page behind a signed manage link (HTML).',
  tag: 'pages',
  query: LinkQuerySchema,
  responses: {
    200: { description: 'The preferences page.', html: true },
    403: { description: 'The link is not valid.', html: true },
    404: GONE_PAGE,
    410: EXPIRED_PAGE,
  },
  async handle({ request, query, deps }) {
    const view = await viewOfLink(query.token, deps);
    return await renderPreferences(request, deps, query.token, view, { status: 200, values: formValuesOf(view.preferences), errors: {}, saved: false });
  },
  renderError: errorPage,
});

/** POST /preferences?token=: saves the preferences form. */
export const preferencesSubmitRoute = defineRoute({
  method: 'POST',
  path: '/preferences',
  operationId: 'preferencesSubmit',
  summary: 'Save the preferences form (HTML form, CSRF-protected). Saving when unsubscribed subscribes again.',
  tag: 'pages',
  query: LinkQuerySchema,
  body: { kind: 'form', schema: PreferencesFormSchema, maxBytes: SUBSCRIPTION_BODY_BYTES },
  responses: {
    200: { description: 'Saved; the page again with a notice.', html: true },
    400: { description: 'The form again, each mistake named.', html: true },
    403: INVALID_FORM,
    404: GONE_PAGE,
    409: { description: 'The subscription is unconfirmed or suppressed and cannot be changed; nothing was changed.', html: true },
    410: EXPIRED_PAGE,
  },
  async handle({ request, query, body, deps }) {
    const view = await viewOfForm(query.token, body.csrf, 'preferences', deps);
    const words = pageStrings(pageLanguage(request, view.subscriber.language));
    const reading = readPreferencesForm(body, { withEmail: false, followSomethingMessage: words.signup.followSomething, limits: deps.followLimits });
    if (!reading.ok) {
      return await renderPreferences(request, deps, query.token, view, { status: 400, values: reading.values, errors: reading.errors, saved: false });
    }
    const saved = await savePreferences(deps, view.subscriber.id, reading.preferences, { reactivate: true });
    if (!saved) throw new HttpError(409, 'not_changeable', 'this subscription cannot be changed now');
    const updated = { subscriber: saved, preferences: reading.preferences };
    return await renderPreferences(request, deps, query.token, updated, { status: 200, values: formValuesOf(reading.preferences), errors: {}, saved: true });
  },
  renderError: errorPage,
});

/** POST /preferences/feed-links?token=: a new feed key, so every private feed and calendar URL made before stops working. */
export const feedLinksResetRoute = defineRoute({
  method: 'POST',
  path: '/preferences/feed-links',
  operationId: 'feedLinksReset',
  summary: 'Reset the private feed links (HTML form, CSRF): old URLs answer 410.',
  tag: 'pages',
  query: LinkQuerySchema,
  body: { kind: 'form', schema: z.object({ csrf: z.string().max(4096).optional() }), maxBytes: 8192 },
  responses: {
    200: { description: 'The page with the new links.', html: true },
    403: INVALID_FORM,
    404: GONE_PAGE,
    409: { description: 'Not active, so no feed; nothing was changed.', html: true },
    410: EXPIRED_PAGE,
  },
  async handle({ request, query, body, deps }) {
    const view = await viewOfForm(query.token, body.csrf, 'feed-links', deps);
    if (view.subscriber.status !== 'active') throw new HttpError(409, 'not_changeable', 'only an active subscription has a feed');
    const feedKey = await deps.subscriptions.feedKey(view.subscriber.id, { reset: true });
    if (!feedKey) throw new HttpError(404, 'not_found', 'the subscription no longer exists');
    const subscriber = { ...view.subscriber, feedKey };
    return await renderPreferences(request, deps, query.token, { ...view, subscriber }, {
      status: 200,
      values: formValuesOf(view.preferences),
      errors: {},
      saved: false,
      feedsReset: true,
    });
  },
  renderError: errorPage,
});

/** GET /api/subscription?token=: the link's subscription as JSON. */
export const subscriptionReadRoute = defineRoute({
  method: 'GET',
  path: '/api/subscription',
  operationId: 'readOwnSubscription',
  summary: 'Read the subscription a signed manage token is for.',
  tag: 'subscriptions',
  query: LinkQuerySchema,
  responses: {
    200: { description: 'The subscription.', json: SubscriptionSchema },
    ...TOKEN_ERRORS,
  },
  async handle({ query, deps }) {
    return jsonResponse(200, subscriptionBody(await viewOfLink(query.token, deps)));
  },
});

/** PATCH /api/subscription?token=: changes some preferences of the link's subscription. */
export const subscriptionPatchRoute = defineRoute({
  method: 'PATCH',
  path: '/api/subscription',
  operationId: 'updateOwnSubscription',
  summary: 'Change some preferences of the subscription a signed manage token is for; fields not given stay.',
  tag: 'subscriptions',
  query: LinkQuerySchema,
  body: { kind: 'json', schema: PreferencesPatchSchema, maxBytes: SUBSCRIPTION_BODY_BYTES },
  responses: {
    200: { description: 'The subscription as saved.', json: SubscriptionSchema },
    400: { description: 'Invalid request; each bad field is named.', json: ErrorSchema },
    ...TOKEN_ERRORS,
    409: { description: 'The subscription is unconfirmed, unsubscribed or suppressed; nothing was changed.', json: ErrorSchema },
  },
  async handle({ query, body, deps }) {
    const view = await viewOfLink(query.token, deps);
    // Checked before saving, not after: a 409 must mean nothing changed (an unsubscribed profile keeps what it had).
    const notChangeable = () => new HttpError(409, 'not_changeable', `the subscription is ${view.subscriber.status}`);
    if (view.subscriber.status !== 'active') throw notChangeable();
    const preferences = { ...view.preferences, ...body };
    assertWithinLimits(preferences, deps);
    const saved = await savePreferences(deps, view.subscriber.id, preferences, { reactivate: false });
    if (!saved) throw notChangeable();
    return jsonResponse(200, subscriptionBody({ subscriber: saved, preferences }));
  },
});

/** DELETE /api/subscription?token=: unsubscribes from everything. */
export const subscriptionDeleteRoute = defineRoute({
  method: 'DELETE',
  path: '/api/subscription',
  operationId: 'unsubscribeOwnSubscription',
  summary: 'Unsubscribe the subscription a signed manage token is for from everything, at once.',
  tag: 'subscriptions',
  query: LinkQuerySchema,
  responses: {
    204: { description: 'Unsubscribed.' },
    ...TOKEN_ERRORS,
  },
  async handle({ query, deps }) {
    const view = await viewOfLink(query.token, deps);
    await deps.subscriptions.unsubscribe(view.subscriber.id, deps.now());
    return { status: 204, headers: {}, body: '' };
  },
});

async function viewOfLink(token: string, deps: ApiDependencies): Promise<SubscriptionView> {
  const subscriberId = await subscriberOfToken(token, LinkPurpose.manage, deps);
  const view = await readSubscription(deps, subscriberId);
  if (!view) throw new HttpError(404, 'not_found', 'the subscription no longer exists');
  return view;
}

/** The subscription of a form posted from its page: the link's, once the form's CSRF token is shown to be that page's. */
async function viewOfForm(token: string, csrf: unknown, form: CsrfForm, deps: ApiDependencies): Promise<SubscriptionView> {
  const view = await viewOfLink(token, deps);
  if (!isValidCsrfToken(csrf, form, view.subscriber.id, deps.tokenSecrets, deps.now())) {
    throw new HttpError(403, 'csrf_failed', 'the form expired; reload it and send it again');
  }
  return view;
}

async function renderPreferences(
  request: ApiRequest,
  deps: ApiDependencies,
  token: string,
  view: SubscriptionView,
  state: { status: number; values: PreferencesFormValues; errors: FormErrors; saved: boolean; feedsReset?: boolean },
): Promise<ApiResponse> {
  const language = pageLanguage(request, view.subscriber.language);
  const words = pageStrings(language);
  const summaries = await deps.billSummaries.summaries(view.preferences.bills);
  const { subscriber } = view;
  // Only an active subscriber has a feed; the key is made the first time their page is shown.
  const feedKey = subscriber.status === 'active' ? (subscriber.feedKey ?? (await deps.subscriptions.feedKey(subscriber.id, { reset: false }))) : undefined;
  return htmlResponse(
    state.status,
    preferencesPage({
      language,
      email: view.subscriber.email,
      status: view.subscriber.status,
      values: state.values,
      offered: await deps.seenOrigins(),
      errors: state.errors,
      saved: state.saved,
      followedBills: view.preferences.bills.map((number) => describeBill(number, summaries.get(number), language)),
      action: `/preferences?token=${token}&lang=${language}`,
      csrfToken: issueCsrfToken('preferences', view.subscriber.id, deps.tokenSecrets, deps.now()),
      unsubscribeAction: `/unsubscribe?token=${unsubscribeToken(view.subscriber.id, deps.tokenSecrets)}&lang=${language}`,
      otherLanguageHref: withLanguage('/preferences', { token }, words.otherLanguage.code),
      ...(feedKey
        ? {
            feeds: {
              ...privateFeedUrls(deps.publicBaseUrl, subscriber.id, feedKey, deps.tokenSecrets, language),
              resetAction: `/preferences/feed-links?token=${token}&lang=${language}`,
              csrfToken: issueCsrfToken('feed-links', subscriber.id, deps.tokenSecrets, deps.now()),
              wereReset: state.feedsReset === true,
            },
          }
        : {}),
    }),
  );
}
