import type { ApiDependencies } from './api-dependencies.js';
import { API_ROUTES } from './api-routes.js';
import { createHttpHandler, type HttpApiHandler } from './http-handler.js';

/** The API Gateway HTTP API handler of every route of the api function, over the given dependencies. */
export function createApiHandler(deps: ApiDependencies): HttpApiHandler {
  return createHttpHandler(API_ROUTES, deps);
}
