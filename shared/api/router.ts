import type * as z from 'zod';
import type { ApiDependencies } from './api-dependencies.js';
import { HttpError, validationError } from './http-error.js';
import type { ApiRequest, ApiResponse } from './http-types.js';
import { readBody } from './request-body.js';
import { verifyApiKey } from './api-key.js';
import { errorResponse, SECURITY_HEADERS } from './responses.js';
import type { AnyRoute } from './route.js';

/** Bodies larger than this are refused before parsing: no form or JSON document of this API comes near it. */
export const MAX_BODY_BYTES = 64 * 1024;

/** What the router itself reads of a function's dependencies: the admin key and the logger. */
type RouterDependencies = Pick<ApiDependencies, 'adminApiKey' | 'logger'>;

interface CompiledRoute<D> {
  route: AnyRoute<D>;
  pattern: RegExp;
  paramNames: string[];
}

/**
 * Turns routes into one request handler: finds the route (404, or 405 with Allow), checks the size (413),
 * the API key (401), the media type (415) and every input against its schema (400 naming each bad field),
 * then runs it. Only a fault of ours is a 500; it is logged and answered without detail.
 */
export function createRouter<D extends RouterDependencies>(routes: readonly AnyRoute<D>[], deps: D): (request: ApiRequest) => Promise<ApiResponse> {
  const compiled = routes.map((route) => compile(route));
  return async (request) => {
    // HEAD is GET without the body (RFC 9110 §9.3.2): the same status and headers, so a link checker or a mail
    // client probing a link learns what GET would answer.
    const head = request.method === 'HEAD';
    const response = await route(compiled, deps, head ? { ...request, method: 'GET' } : request);
    return { ...response, headers: { ...SECURITY_HEADERS, ...response.headers }, ...(head ? { body: '' } : {}) };
  };
}

async function route<D extends RouterDependencies>(compiled: CompiledRoute<D>[], deps: D, request: ApiRequest): Promise<ApiResponse> {
  const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
  const matches = compiled.flatMap((candidate) => {
    const match = candidate.pattern.exec(path);
    return match ? [{ candidate, values: match.slice(1) }] : [];
  });
  if (matches.length === 0) return errorResponse(new HttpError(404, 'not_found', `no such resource: ${path.slice(0, 200)}`));
  const found = matches.find(({ candidate }) => candidate.route.method === request.method);
  if (!found) {
    const allow = [...new Set(matches.flatMap(({ candidate }) => (candidate.route.method === 'GET' ? ['GET', 'HEAD'] : [candidate.route.method])))].join(', ');
    return errorResponse(new HttpError(405, 'method_not_allowed', `use ${allow}`, [], { allow }));
  }
  const { route } = found.candidate;
  try {
    const maxBytes = route.body?.maxBytes ?? MAX_BODY_BYTES;
    if (request.bodyBytes > maxBytes) {
      throw new HttpError(413, 'payload_too_large', `the body is larger than ${maxBytes} bytes`);
    }
    if (route.auth === 'apiKey' && !verifyApiKey(request.headers['x-api-key'], deps.adminApiKey)) {
      throw new HttpError(401, 'unauthorized', 'a valid x-api-key header is required', [], { 'www-authenticate': 'ApiKey header="x-api-key"' });
    }
    const params = Object.fromEntries(found.candidate.paramNames.map((name, index) => [name, decodeSegment(found.values[index]!)]));
    const context = {
      request,
      deps,
      params: parse(route.params, params, 'path'),
      query: parse(route.query, request.query, 'query'),
      body: route.body ? parse(route.body.schema, readBody(request, route.body.kind), 'body') : undefined,
    };
    return await route.handle(context);
  } catch (error) {
    if (error instanceof HttpError) return route.renderError ? route.renderError(error, request) : errorResponse(error);
    deps.logger.error('request failed', { method: request.method, path: route.path, error: error as Error });
    return errorResponse(new HttpError(500, 'internal_error', 'something went wrong on our side; try again later'));
  }
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: 'body' | 'query' | 'path'): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(where, result.error);
  return result.data;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'validation_failed', 'a path segment is not valid percent-encoding', [
      { field: 'path', message: 'not valid percent-encoding' },
    ]);
  }
}

function compile<D>(route: AnyRoute<D>): CompiledRoute<D> {
  const paramNames: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!name) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(name);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), paramNames };
}
