import { createApiHandler } from '../shared/api/create-api-handler.js';
import { apiDependencies } from '../shared/runtime/api-dependencies.js';
import { withFreshSecrets } from '../shared/runtime/function-config.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';

/** API Gateway HTTP API: the web pages, the self-service and admin JSON API, /openapi.json. */
export const handler = lambdaHandler(await withFreshSecrets((config) => createApiHandler(apiDependencies(config))));
