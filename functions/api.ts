import { createApiHandler } from '../shared/api/create-api-handler.js';
import { loadConfig } from '../shared/config/config.js';
import { apiDependencies } from '../shared/runtime/dependencies.js';

/** API Gateway HTTP API: the web pages, the self-service and admin JSON API, /openapi.json. */
export const handler = createApiHandler(apiDependencies(loadConfig()));
