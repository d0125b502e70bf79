import * as z from 'zod';
import { EmailAddressSchema } from '../../store/subscriber-store.js';
import { sendManageLink } from '../../subscriptions/subscription-service.js';
import type { ApiDependencies } from '../api-dependencies.js';
import { ErrorSchema, ManageLinkAcceptedSchema, ManageLinkRequestSchema } from '../api-schemas.js';
import { issueCsrfToken, isValidCsrfToken, signupNonce } from '../csrf.js';
import { HttpError } from '../http-error.js';
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { errorPage } from '../pages/error-page.js';
import { manageLinkPage } from '../pages/manage-link-page.js';
import { messagePage } from '../pages/message-page.js';
import { pageLanguage } from '../pages/page-language.js';
import { pageStrings } from '../pages/page-strings.js';
import type { FormErrors } from '../preferences-form.js';
import { htmlResponse, jsonResponse } from '../responses.js';
import { defineRoute } from '../route.js';

const PageQuerySchema = z.object({ lang: z.enum(['ru', 'en']).optional().catch(undefined) });
const ManageLinkFormSchema = z.object({ email: z.string().max(320).optional(), csrf: z.string().max(4096).optional() });

const SENT_MESSAGE = 'If the address is subscribed, a new preferences link has been sent to it. It works for 30 days.';

/** GET /manage-link: the "email me a new preferences link" form. */
export const manageLinkFormRoute = defineRoute({
  method: 'GET',
  path: '/manage-link',
  operationId: 'manageLinkForm',
  summary: 'The form that emails a subscriber a new preferences link (HTML).',
  tag: 'pages',
  query: PageQuerySchema,
  responses: { 200: { description: 'The form.', html: true } },
  async handle({ request, deps }) {
    return renderForm(request, deps, 200, '', {});
  },
  renderError: errorPage,
});

/** POST /manage-link: the form's submission; the same answer for every address. */
export const manageLinkSubmitRoute = defineRoute({
  method: 'POST',
  path: '/manage-link',
  operationId: 'manageLinkSubmit',
  summary: 'Ask for a new preferences link by email (HTML form, CSRF-protected); the answer is the same for every address.',
  tag: 'pages',
  query: PageQuerySchema,
  body: { kind: 'form', schema: ManageLinkFormSchema },
  responses: {
    200: { description: 'The "check your email" page.', html: true },
    400: { description: 'The form again, the mistake named.', html: true },
    403: { description: 'The form expired (CSRF check failed).', html: true },
    429: { description: 'Too many requests from this client.', html: true },
  },
  async handle({ request, body, deps }) {
    const language = pageLanguage(request);
    const words = pageStrings(language);
    if (!isValidCsrfToken(body.csrf, 'manage-link', request.cookies.csrf_nonce ?? '', deps.tokenSecrets, deps.now())) {
      throw new HttpError(403, 'csrf_failed', 'the form expired; reload it and send it again');
    }
    const email = EmailAddressSchema.safeParse(body.email ?? '');
    if (!email.success) return renderForm(request, deps, 400, body.email ?? '', { email: email.error.issues[0]?.message ?? 'not an email address' });
    await requestLink(deps, request, email.data);
    return htmlResponse(200, messagePage({ language, title: words.manageLink.sentTitle, text: words.manageLink.sentBody, role: 'status' }));
  },
  renderError: errorPage,
});

/** POST /api/subscription/link: the same from a program. */
export const manageLinkApiRoute = defineRoute({
  method: 'POST',
  path: '/api/subscription/link',
  operationId: 'requestManageLink',
  summary: 'Email a new preferences link (valid 30 days) to an address, if it is subscribed; the answer is the same for every address.',
  tag: 'subscriptions',
  body: { kind: 'json', schema: ManageLinkRequestSchema },
  responses: {
    202: { description: 'Accepted, whether or not the address is subscribed.', json: ManageLinkAcceptedSchema },
    400: { description: 'Invalid request; each bad field is named.', json: ErrorSchema },
    429: { description: 'Too many requests from this client.', json: ErrorSchema },
  },
  async handle({ request, body, deps }) {
    await requestLink(deps, request, body.email);
    return jsonResponse(202, { status: 'accepted', message: SENT_MESSAGE });
  },
});

async function requestLink(deps: ApiDependencies, request: ApiRequest, email: string): Promise<void> {
  const result = await sendManageLink(deps, { email, clientIp: request.clientIp });
  if (result.kind === 'rate-limited') {
    throw new HttpError(429, 'rate_limited', 'too many requests; try again later', [], { 'retry-after': String(result.retryAfterSeconds) });
  }
}

function renderForm(request: ApiRequest, deps: ApiDependencies, status: number, email: string, errors: FormErrors): ApiResponse {
  const language = pageLanguage(request);
  const { nonce, setCookie } = signupNonce(request, deps.publicBaseUrl.startsWith('https:'));
  const csrfToken = issueCsrfToken('manage-link', nonce, deps.tokenSecrets, deps.now());
  const response = htmlResponse(status, manageLinkPage({ language, email, errors, csrfToken }));
  return setCookie ? { ...response, cookies: [setCookie] } : response;
}
