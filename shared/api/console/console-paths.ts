/*
 * The console is a function of its own: API Gateway sends every path under its root to it and the rest to the api
 * function (infra/constructs/api.ts), and the local runtime routes requests the same way (local/http-api-server.ts).
 */

/** Where the console lives; every console path starts with it. */
export const CONSOLE_ROOT = '/admin';

/** The HTTP API route paths of the console function: its root and everything under it. */
export const CONSOLE_ROUTE_PATHS = [CONSOLE_ROOT, `${CONSOLE_ROOT}/{proxy+}`] as const;

/** Whether API Gateway sends a request for `path` to the console function ({@link CONSOLE_ROUTE_PATHS}). */
export function isConsolePath(path: string): boolean {
  return path === CONSOLE_ROOT || (path.startsWith(`${CONSOLE_ROOT}/`) && path.length > CONSOLE_ROOT.length + 1);
}
