import { createConsoleHandler } from '../shared/api/console/create-console-handler.js';
import { consoleDependencies } from '../shared/runtime/console-dependencies.js';
import { withFreshSecrets } from '../shared/runtime/function-config.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';

/** API Gateway HTTP API, paths under /admin: the operator's console (HTML, behind the operator's session). */
export const handler = lambdaHandler(await withFreshSecrets((config) => createConsoleHandler(consoleDependencies(config))));
