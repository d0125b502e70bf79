import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiDependencies } from './api-dependencies.js';
import { requestOfEvent, resultOfResponse } from './api-gateway-event.js';
import { API_ROUTES } from './api-routes.js';
import { createRouter } from './router.js';

/** The API Gateway HTTP API handler of every route, over the given dependencies. */
export function createApiHandler(
  deps: ApiDependencies,
): (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2> {
  const router = createRouter(API_ROUTES, deps);
  return async (event) => resultOfResponse(await router(requestOfEvent(event)));
}
