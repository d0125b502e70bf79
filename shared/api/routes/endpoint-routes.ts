import type { Endpoint } from '../../webhooks/endpoint.js';
import {
  EndpointRegistrationError,
  enableEndpoint,
  listDeliveries,
  registerEndpoint,
  rotateEndpointSecret,
  sendTestEvent,
  setEndpointOrigins,
  setEndpointWeekAhead,
  WeekAheadNotForWebhooksError,
  type EndpointServiceDependencies,
} from '../../webhooks/endpoint-service.js';
import { ErrorSchema, PageQuerySchema } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import { jsonResponse } from '../responses.js';
import { defineRoute } from '../route.js';
import { invalid, notFound, unauthorized } from './admin-routes.js';
import { withCursor } from '../with-cursor.js';
import {
  DeliveryLogQuerySchema,
  DeliveryLogSchema,
  EndpointIdParamsSchema,
  EndpointListSchema,
  EndpointPatchSchema,
  EndpointRegistrationBodySchema,
  EndpointViewSchema,
  RegisteredEndpointSchema,
  ReplaySchema,
  RotatedSecretSchema,
  RotateSecretQuerySchema,
  TestEventSchema,
  endpointView,
} from './endpoint-schemas.js';

const HOUR_MS = 3_600_000;

export const adminRegisterEndpointRoute = defineRoute({
  method: 'POST',
  path: '/api/admin/endpoints',
  operationId: 'adminRegisterEndpoint',
  summary:
    'Register a webhook, Slack or Telegram endpoint following bills, and committees or initiators (each new bill from one is sent once as `bill.new`, “new bill from …”, and followed from then on); it gets a test event at once (a Telegram chat before it is registered, so a chat the bot cannot post to is refused). A webhook’s signing secret is shown here only.',
  tag: 'admin',
  auth: 'apiKey',
  body: { kind: 'json', schema: EndpointRegistrationBodySchema },
  responses: {
    201: { description: 'Registered; the test event is queued.', json: RegisteredEndpointSchema },
    400: {
      description:
        'Invalid request, a URL the SSRF policy or Slack’s rules refuse, more committees or initiators than MAX_ORIGINS_PER_SUBSCRIBER allows, or a Telegram chat the test message did not reach (Telegram’s answer is quoted) or no Telegram bot configured; each bad field is named.',
      json: ErrorSchema,
    },
    401: unauthorized,
  },
  async handle({ body, deps }) {
    try {
      const { endpoint, secret, testEventId } = await registerEndpoint(deps.endpointService, body);
      return jsonResponse(201, { endpoint: endpointView(endpoint), ...(secret ? { secret } : {}), testEventId });
    } catch (error) {
      // The service refuses only the URL, the Telegram chat or a list over the limit once the body has passed the same schema.
      return asValidationFailure(error);
    }
  },
});

export const adminListEndpointsRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/endpoints',
  operationId: 'adminListEndpoints',
  summary: 'List webhook, Slack and Telegram endpoints in registration order, a page at a time.',
  tag: 'admin',
  auth: 'apiKey',
  query: PageQuerySchema,
  responses: { 200: { description: 'A page of endpoints.', json: EndpointListSchema }, 400: invalid, 401: unauthorized },
  async handle({ query, deps }) {
    const page = await withCursor(() => deps.endpointService.endpoints.list(query));
    return jsonResponse(200, { items: page.items.map(endpointView), ...(page.cursor ? { cursor: page.cursor } : {}) });
  },
});

export const adminReadEndpointRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/endpoints/{endpointId}',
  operationId: 'adminReadEndpoint',
  summary: 'One endpoint: its URL (or Telegram chat), bills, committees and initiators, status and, when disabled, why.',
  tag: 'admin',
  auth: 'apiKey',
  params: EndpointIdParamsSchema,
  responses: { 200: { description: 'The endpoint.', json: EndpointViewSchema }, 400: invalid, 401: unauthorized, 404: notFound },
  async handle({ params, deps }) {
    return jsonResponse(200, endpointView(await requireEndpoint(deps.endpointService, params.endpointId)));
  },
});

export const adminPatchEndpointRoute = defineRoute({
  method: 'PATCH',
  path: '/api/admin/endpoints/{endpointId}',
  operationId: 'adminPatchEndpoint',
  summary:
    'Change an endpoint’s settings; what is not given stays. `committees` and `initiators` replace the lists of committees and initiators it follows: each new bill from one of them is sent once (`bill.new`, “new bill from …”) and followed from then on (names match as a subscriber’s do; bills they brought stay followed when one is dropped). `weekAhead` turns its Monday 08:00 (its time zone) post of the followed bills’ planned events for the week on or off.',
  tag: 'admin',
  auth: 'apiKey',
  params: EndpointIdParamsSchema,
  body: { kind: 'json', schema: EndpointPatchSchema },
  responses: {
    200: { description: 'The endpoint as it now is.', json: EndpointViewSchema },
    400: { description: 'Invalid request, or more committees or initiators than MAX_ORIGINS_PER_SUBSCRIBER allows; each bad field is named, and nothing was changed.', json: ErrorSchema },
    401: unauthorized,
    404: notFound,
    409: { description: 'The week ahead was asked of a webhook endpoint (it is for Slack and Telegram); nothing was changed.', json: ErrorSchema },
  },
  async handle({ params, body, deps }) {
    const endpoint = await requireEndpoint(deps.endpointService, params.endpointId);
    const { weekAhead, ...origins } = body;
    // Refused before anything is written, so a refusal changes nothing.
    if (weekAhead && endpoint.kind === 'webhook') throw new HttpError(409, 'not_slack_or_telegram', new WeekAheadNotForWebhooksError(endpoint.id).message);
    let updated = endpoint;
    if (origins.committees !== undefined || origins.initiators !== undefined) {
      updated = await setEndpointOrigins(deps.endpointService, endpoint.id, origins).catch(asValidationFailure);
    }
    if (weekAhead !== undefined) updated = await setEndpointWeekAhead(deps.endpointService, endpoint.id, weekAhead);
    return jsonResponse(200, endpointView(updated));
  },
});

export const adminTestEndpointRoute = defineRoute({
  method: 'POST',
  path: '/api/admin/endpoints/{endpointId}/test',
  operationId: 'adminTestEndpoint',
  summary: 'Send the endpoint a test event (ping); it appears in its delivery log.',
  tag: 'admin',
  auth: 'apiKey',
  params: EndpointIdParamsSchema,
  responses: { 202: { description: 'The test event is queued.', json: TestEventSchema }, 400: invalid, 401: unauthorized, 404: notFound },
  async handle({ params, deps }) {
    await requireEndpoint(deps.endpointService, params.endpointId);
    return jsonResponse(202, { testEventId: await sendTestEvent(deps.endpointService, params.endpointId) });
  },
});

export const adminEnableEndpointRoute = defineRoute({
  method: 'POST',
  path: '/api/admin/endpoints/{endpointId}/enable',
  operationId: 'adminEnableEndpoint',
  summary: 'Enable a disabled endpoint and replay every change it missed or that failed all its attempts.',
  tag: 'admin',
  auth: 'apiKey',
  params: EndpointIdParamsSchema,
  responses: { 200: { description: 'Enabled; how many deliveries were replayed.', json: ReplaySchema }, 400: invalid, 401: unauthorized, 404: notFound },
  async handle({ params, deps }) {
    await requireEndpoint(deps.endpointService, params.endpointId);
    return jsonResponse(200, { replayed: await enableEndpoint(deps.endpointService, params.endpointId) });
  },
});

export const adminRotateEndpointSecretRoute = defineRoute({
  method: 'POST',
  path: '/api/admin/endpoints/{endpointId}/rotate-secret',
  operationId: 'adminRotateEndpointSecret',
  summary: 'Give a webhook a new signing secret (shown here only); the old one also signs for overlapHours.',
  tag: 'admin',
  auth: 'apiKey',
  params: EndpointIdParamsSchema,
  query: RotateSecretQuerySchema,
  responses: {
    200: { description: 'The new secret.', json: RotatedSecretSchema },
    400: invalid,
    401: unauthorized,
    404: notFound,
    409: { description: 'The endpoint is a Slack channel or a Telegram chat, which has no secret; nothing was changed.', json: ErrorSchema },
  },
  async handle({ params, query, deps }) {
    const endpoint = await requireEndpoint(deps.endpointService, params.endpointId);
    if (endpoint.kind !== 'webhook') throw new HttpError(409, 'not_a_webhook', `the endpoint is a ${endpoint.kind} endpoint and has no secret`);
    const secret = await rotateEndpointSecret(deps.endpointService, params.endpointId, query.overlapHours * HOUR_MS);
    const rotated = await requireEndpoint(deps.endpointService, params.endpointId);
    return jsonResponse(200, { secret, previousExpiresAt: rotated.secrets?.previousExpiresAt });
  },
});

export const adminEndpointDeliveriesRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/endpoints/{endpointId}/deliveries',
  operationId: 'adminEndpointDeliveries',
  summary: 'The endpoint’s delivery log, newest first: each change and test event, its status and every attempt.',
  tag: 'admin',
  auth: 'apiKey',
  params: EndpointIdParamsSchema,
  query: DeliveryLogQuerySchema,
  responses: { 200: { description: 'A page of the log.', json: DeliveryLogSchema }, 400: invalid, 401: unauthorized, 404: notFound },
  async handle({ params, query, deps }) {
    await requireEndpoint(deps.endpointService, params.endpointId);
    const page = await withCursor(() => listDeliveries(deps.endpointService, params.endpointId, query));
    return jsonResponse(200, page);
  },
});

/** The service's refusal of one field as the API's 400 naming it; anything else is thrown on. */
export function asValidationFailure(error: unknown): never {
  if (error instanceof EndpointRegistrationError) {
    const field = `body.${error.field}`;
    throw new HttpError(400, 'validation_failed', `invalid ${field}`, [{ field, message: error.message }]);
  }
  throw error;
}

async function requireEndpoint(service: EndpointServiceDependencies, endpointId: string): Promise<Endpoint> {
  const endpoint = await service.endpoints.get(endpointId);
  if (!endpoint) throw new HttpError(404, 'not_found', 'no such endpoint');
  return endpoint;
}
