import type { ConsoleAppDependencies } from '../api-dependencies.js';
import { createHttpHandler, type HttpApiHandler } from '../http-handler.js';
import { CONSOLE_ROUTES } from './console-routes.js';

/** The HTTP API handler of the operator's console (every path under /admin), over the given dependencies. */
export function createConsoleHandler(deps: ConsoleAppDependencies): HttpApiHandler {
  return createHttpHandler(CONSOLE_ROUTES, deps);
}
