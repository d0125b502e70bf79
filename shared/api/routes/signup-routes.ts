import * as z from 'zod';
import { BillNumberSchema } from '../../bill/bill.js';
import { PreferencesSchema, type Preferences } from '../../subscriptions/subscription-preferences.js';
import { signUp } from '../../subscriptions/subscription-service.js';
import type { ApiDependencies } from '../api-dependencies.js';
import { ErrorSchema, SignupAcceptedSchema, SignupRequestSchema } from '../api-schemas.js';
import { issueCsrfToken, isValidCsrfToken, signupNonce } from '../csrf.js';
import { assertWithinLimits } from '../follow-limits.js';
import { HttpError } from '../http-error.js';
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { errorPage } from '../pages/error-page.js';
import { messagePage } from '../pages/message-page.js';
import { pageLanguage } from '../pages/page-language.js';
import { pageStrings } from '../pages/page-strings.js';
import { signupPage } from '../pages/signup-page.js';
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

const PageQuerySchema = z.object({ lang: z.enum(['ru', 'en']).optional().catch(undefined) });

/** The sign-up form's own query: `bill` fills the form in with one bill (a bill page's "follow this bill"). */
const SignupFormQuerySchema = PageQuerySchema.extend({ bill: BillNumberSchema.optional().catch(undefined) });

const ACCEPTED_MESSAGE = 'If the address can receive email, a confirmation link has been sent to it. It works for 7 days.';

/** GET /: the sign-up form. */
export const signupFormRoute = defineRoute({
  method: 'GET',
  path: '/',
  operationId: 'signupForm',
  summary: 'The sign-up form (HTML); `?bill=` fills one bill in.',
  tag: 'pages',
  query: SignupFormQuerySchema,
  responses: { 200: { description: 'The form.', html: true } },
  async handle({ request, query, deps }) {
    const language = pageLanguage(request);
    const preferences = PreferencesSchema.parse({ language, ...(query.bill ? { bills: [query.bill] } : {}) });
    return renderSignupForm(request, deps, 200, formValuesOf(preferences), {});
  },
  renderError: errorPage,
});

/** POST /subscribe: the sign-up form's submission; answers "check your email" or the form with its mistakes. */
export const signupSubmitRoute = defineRoute({
  method: 'POST',
  path: '/subscribe',
  operationId: 'signupSubmit',
  summary: 'Submit the sign-up form (HTML form, CSRF-protected).',
  tag: 'pages',
  query: PageQuerySchema,
  body: { kind: 'form', schema: PreferencesFormSchema, maxBytes: SUBSCRIPTION_BODY_BYTES },
  responses: {
    200: { description: 'The "check your email" page.', html: true },
    400: { description: 'The form again, each mistake named.', html: true },
    403: { description: 'The form expired (CSRF check failed).', html: true },
    429: { description: 'Too many sign-ups from this client or for this address.', html: true },
  },
  async handle({ request, body, deps }) {
    const language = pageLanguage(request);
    const words = pageStrings(language);
    const nonce = request.cookies.csrf_nonce ?? '';
    if (!isValidCsrfToken(body.csrf, 'signup', nonce, deps.tokenSecrets, deps.now())) {
      throw new HttpError(403, 'csrf_failed', 'the form expired; reload it and send it again');
    }
    const reading = readPreferencesForm(body, { withEmail: true, followSomethingMessage: words.signup.followSomething, limits: deps.followLimits });
    if (!reading.ok) return renderSignupForm(request, deps, 400, reading.values, reading.errors);
    await acceptSignup(deps, request, reading.email, reading.preferences);
    return htmlResponse(
      200,
      messagePage({
        language,
        title: words.checkEmail.title,
        text: words.checkEmail.body,
        link: { href: `/?lang=${language}`, label: words.checkEmail.again },
        role: 'status',
      }),
    );
  },
  renderError: errorPage,
});

/** POST /api/subscriptions: sign-up from a program; the same double opt-in as the form. */
export const signupApiRoute = defineRoute({
  method: 'POST',
  path: '/api/subscriptions',
  operationId: 'createSubscription',
  summary: 'Sign an address up. It receives one confirmation email; nothing else until the link in it is followed.',
  tag: 'subscriptions',
  body: { kind: 'json', schema: SignupRequestSchema, maxBytes: SUBSCRIPTION_BODY_BYTES },
  responses: {
    202: { description: 'Accepted; the same answer whether the address is new or known.', json: SignupAcceptedSchema },
    400: { description: 'Invalid request; each bad field is named.', json: ErrorSchema },
    429: { description: 'Too many sign-ups from this client or for this address.', json: ErrorSchema },
  },
  async handle({ request, body, deps }) {
    const { email, ...preferences } = body;
    assertWithinLimits(preferences, deps);
    await acceptSignup(deps, request, email, preferences);
    return jsonResponse(202, { status: 'pending', message: ACCEPTED_MESSAGE });
  },
});

async function acceptSignup(
  deps: ApiDependencies,
  request: ApiRequest,
  email: string,
  preferences: Preferences,
): Promise<void> {
  const result = await signUp(deps, { email, preferences, clientIp: request.clientIp });
  if (result.kind === 'rate-limited') {
    throw new HttpError(429, 'rate_limited', 'too many sign-ups; try again later', [], {
      'retry-after': String(result.retryAfterSeconds),
    });
  }
}

async function renderSignupForm(
  request: ApiRequest,
  deps: ApiDependencies,
  status: number,
  values: PreferencesFormValues,
  errors: FormErrors,
): Promise<ApiResponse> {
  const language = pageLanguage(request);
  const { nonce, setCookie } = signupNonce(request, deps.publicBaseUrl.startsWith('https:'));
  const csrfToken = issueCsrfToken('signup', nonce, deps.tokenSecrets, deps.now());
  const response = htmlResponse(status, signupPage({ language, values, errors, csrfToken, offered: await deps.seenOrigins() }));
  return setCookie ? { ...response, cookies: [setCookie] } : response;
}
