import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiDependencies, ConsoleAppDependencies } from './api-dependencies.js';
import { requestOfEvent, resultOfResponse } from './api-gateway-event.js';
import type { AnyRoute } from './route.js';
import { createRouter } from './router.js';

/** An API Gateway HTTP API (payload 2.0) handler. */
export type HttpApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** The HTTP API handler of some routes over the dependencies they share (the api function's, or the console's). */
export function createHttpHandler<D extends ApiDependencies | ConsoleAppDependencies>(routes: readonly AnyRoute<D>[], deps: D): HttpApiHandler {
  const router = createRouter(routes, deps);
  return async (event) => resultOfResponse(await router(requestOfEvent(event)));
}
