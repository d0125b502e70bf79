import * as z from 'zod';
import { ErrorSchema } from './api-schemas.js';
import type { AnyRoute, BodyKind, ResponseSpec } from './route.js';

/** The OpenAPI 3.1 document of the routes, generated from the same zod schemas that validate the requests. */
export function buildOpenApiDocument(routes: readonly AnyRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = (paths[route.path] ??= {});
    path[route.method.toLowerCase()] = operation(route);
    if (route.method === 'GET') path.head = headOperation(operation(route));
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'duma-alerts API',
      version: '0.1.0',
      description:
        'Sign-up with double opt-in, self-service preferences behind signed links, one-click unsubscribe (RFC 8058), and an admin API under an API key. Errors are `{ error: { code, message, issues: [{ field, message }] } }`.',
    },
    tags: [
      { name: 'pages', description: 'HTML pages and their forms (ru/en by ?lang= or Accept-Language).' },
      { name: 'subscriptions', description: 'Sign-up and self-service by signed token.' },
      { name: 'admin', description: 'For a newsroom’s own tools; needs the x-api-key header.' },
      { name: 'feeds', description: 'Public bill pages and their Atom feeds and iCalendar calendars, and each subscriber’s private feed and calendar behind a revocable signed URL. GET answers carry a strong ETag, Cache-Control and Last-Modified, answer If-None-Match / If-Modified-Since with 304, and HEAD works too.' },
      { name: 'meta', description: 'This document and the stylesheet.' },
    ],
    components: { securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
    paths,
  };
}

/** HEAD answers as GET does (shared/api/router.ts), with the same status and headers and no body. */
function headOperation(get: Record<string, unknown>): Record<string, unknown> {
  const responses = get.responses as Record<string, { description: string }>;
  return {
    ...get,
    operationId: `${get.operationId as string}Head`,
    summary: `${get.summary as string} (HEAD: the status and headers of GET, no body)`,
    responses: Object.fromEntries(Object.entries(responses).map(([status, { description }]) => [status, { description }])),
  };
}

function operation(route: AnyRoute): Record<string, unknown> {
  const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth === 'apiKey' ? { security: [{ apiKey: [] }] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: requestBody(route.body.kind, route.body.schema) } : {}),
    responses: Object.fromEntries(
      Object.entries({ ...routerResponses(route), ...route.responses }).map(([status, spec]) => {
        const content = spec.json
          ? { 'application/json': { schema: jsonSchema(spec.json) } }
          : spec.html || spec.mediaType
            ? { [spec.mediaType ?? 'text/html']: { schema: { type: 'string' } } }
            : undefined;
        return [status, { description: spec.description, ...(content ? { content } : {}) }];
      }),
    ),
  };
}

/**
 * What the router answers for any route before its handler runs (router.ts): 400 for an input that fails its
 * schema, 401 without the admin key, 413 for a body over the route's limit, 415 for another media type. Pages
 * answer these as HTML, the JSON API as the error object. A route's own entries win.
 */
function routerResponses(route: AnyRoute): Record<number, ResponseSpec> {
  const as = (description: string): ResponseSpec => (route.renderError ? { description, html: true } : { description, json: ErrorSchema });
  const responses: Record<number, ResponseSpec> = {};
  if (route.params || route.query || (route.body && route.body.kind !== 'any')) responses[400] = as('Invalid request; each bad field is named.');
  if (route.auth === 'apiKey') responses[401] = as('The x-api-key header is missing or wrong.');
  if (route.body) responses[413] = as('The body is larger than this route takes.');
  if (route.body && route.body.kind !== 'any') responses[415] = as('The body is not of the media type this route takes.');
  return responses;
}

function requestBody(kind: BodyKind, schema: z.ZodType): Record<string, unknown> {
  if (kind === 'any') {
    const oneClick = { schema: { type: 'string' }, example: 'List-Unsubscribe=One-Click' };
    return { required: false, content: { 'application/x-www-form-urlencoded': oneClick, 'multipart/form-data': oneClick } };
  }
  const mediaType = kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  return { required: true, content: { [mediaType]: { schema: jsonSchema(schema) } } };
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query'): Record<string, unknown>[] {
  if (!schema) return [];
  const object = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (object.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
