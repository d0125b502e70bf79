import * as z from 'zod';
import { buildOpenApiDocument } from './openapi-document.js';
import { jsonResponse } from './responses.js';
import { defineRoute, type AnyRoute } from './route.js';
import * as admin from './routes/admin-routes.js';
import { confirmPageRoute, confirmSubmitRoute } from './routes/confirm-routes.js';
import * as endpoints from './routes/endpoint-routes.js';
import { manageLinkApiRoute, manageLinkFormRoute, manageLinkSubmitRoute } from './routes/manage-link-routes.js';
import {
  preferencesPageRoute,
  preferencesSubmitRoute,
  feedLinksResetRoute,
  subscriptionDeleteRoute,
  subscriptionPatchRoute,
  subscriptionReadRoute,
} from './routes/preference-routes.js';
import { billCalendarRoute, billFeedRoute, billPageRoute } from './routes/bill-page-routes.js';
import { seenOriginsRoute } from './routes/origin-routes.js';
import { privateCalendarRoute, privateFeedRoute } from './routes/private-feed-routes.js';
import { signupApiRoute, signupFormRoute, signupSubmitRoute } from './routes/signup-routes.js';
import { faviconRoute } from './routes/favicon-route.js';
import { stylesheetRoute } from './routes/stylesheet-route.js';
import { topicTestApiRoute, topicTesterPageRoute } from './routes/topic-test-routes.js';
import { unsubscribePageRoute, unsubscribeSubmitRoute } from './routes/unsubscribe-routes.js';

const openApiRoute = defineRoute({
  method: 'GET',
  path: '/openapi.json',
  operationId: 'openApiDocument',
  summary: 'This OpenAPI 3.1 document.',
  tag: 'meta',
  responses: { 200: { description: 'The document.', json: z.object({ openapi: z.literal('3.1.0'), paths: z.record(z.string(), z.unknown()) }) } },
  async handle() {
    return jsonResponse(200, openApiDocument(), { 'cache-control': 'public, max-age=300' });
  },
});

/** Every route the API function serves (the operator's console is a function of its own: console-routes.ts). */
export const API_ROUTES: readonly AnyRoute[] = [
  signupFormRoute,
  signupSubmitRoute,
  confirmPageRoute,
  confirmSubmitRoute,
  preferencesPageRoute,
  preferencesSubmitRoute,
  unsubscribePageRoute,
  unsubscribeSubmitRoute,
  manageLinkFormRoute,
  manageLinkSubmitRoute,
  signupApiRoute,
  manageLinkApiRoute,
  subscriptionReadRoute,
  subscriptionPatchRoute,
  subscriptionDeleteRoute,
  topicTesterPageRoute,
  topicTestApiRoute,
  seenOriginsRoute,
  billPageRoute,
  billFeedRoute,
  billCalendarRoute,
  privateFeedRoute,
  privateCalendarRoute,
  feedLinksResetRoute,
  admin.adminListSubscriptionsRoute,
  admin.adminReadSubscriptionRoute,
  admin.adminUpdateSubscriptionRoute,
  admin.adminUnsubscribeRoute,
  admin.adminListBillsRoute,
  admin.adminReadBillRoute,
  admin.adminWatchBillRoute,
  admin.adminUnwatchBillRoute,
  admin.adminSourceHealthRoute,
  admin.adminListTopicsRoute,
  admin.adminReadTopicRoute,
  admin.adminDeliveryLogRoute,
  admin.adminSuppressionsRoute,
  endpoints.adminRegisterEndpointRoute,
  endpoints.adminListEndpointsRoute,
  endpoints.adminReadEndpointRoute,
  endpoints.adminPatchEndpointRoute,
  endpoints.adminTestEndpointRoute,
  endpoints.adminEnableEndpointRoute,
  endpoints.adminRotateEndpointSecretRoute,
  endpoints.adminEndpointDeliveriesRoute,
  stylesheetRoute,
  faviconRoute,
  openApiRoute,
];

let document: Record<string, unknown> | undefined;

/** The API's OpenAPI document (built once); docs/openapi.json holds the same, checked by a test. */
export function openApiDocument(): Record<string, unknown> {
  document ??= buildOpenApiDocument(API_ROUTES);
  return document;
}

/** The document as docs/openapi.json stores it. */
export function openApiJson(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
