import { createApiHandler } from '../shared/api/create-api-handler.js';
import { apiDependencies } from '../shared/runtime/api-dependencies.js';
import { loadConfigWithSecrets } from '../shared/runtime/function-config.js';

/** API Gateway HTTP API: the web pages, the self-service and admin JSON API, /openapi.json. */
export const handler = createApiHandler(apiDependencies(await loadConfigWithSecrets()));
