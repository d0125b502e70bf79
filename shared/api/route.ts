import type * as z from 'zod';
import type { ApiDependencies } from './api-dependencies.js';
import type { HttpError } from './http-error.js';
import type { ApiRequest, ApiResponse } from './http-types.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How a route reads its body: JSON, an HTML form, or anything at all (RFC 8058 one-click POSTs). */
export type BodyKind = 'json' | 'form' | 'any';

/** What a route answers, for the OpenAPI document. */
export interface ResponseSpec {
  description: string;
  /** The JSON body's schema; absent for HTML pages and empty answers. */
  json?: z.ZodType;
  html?: true;
  /** Another media type of body (a stylesheet, an icon), documented as text of that type. */
  mediaType?: string;
}

/** The validated parts of a request, as the handler receives them; `D` is what the serving function built. */
export interface RouteContext<P, Q, B, D = ApiDependencies> {
  request: ApiRequest;
  params: P;
  query: Q;
  body: B;
  deps: D;
}

/**
 * One endpoint: its path, the zod schemas of everything it reads (validated before `handle` runs, and the
 * source of the OpenAPI document), and its handler.
 */
export interface Route<P = unknown, Q = unknown, B = unknown, D = ApiDependencies> {
  method: HttpMethod;
  /** A path template, parameters in braces: `/api/admin/subscriptions/{subscriberId}`. */
  path: string;
  operationId: string;
  summary: string;
  /** `console`: the operator's HTML console, left out of the OpenAPI document. */
  tag: 'pages' | 'feeds' | 'subscriptions' | 'admin' | 'meta' | 'console';
  /** Admin routes need the `x-api-key` header. */
  auth?: 'apiKey';
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** `maxBytes`: a larger limit than the router's default, for bodies that can validly be larger. */
  body?: { kind: BodyKind; schema: z.ZodType<B>; maxBytes?: number };
  responses: Record<number, ResponseSpec>;
  handle(context: RouteContext<P, Q, B, D>): Promise<ApiResponse>;
  /** Renders refusals (bad input, bad links) the route's own way: HTML pages answer with a page. */
  renderError?: (error: HttpError, request: ApiRequest) => ApiResponse;
}

/** A route of any shape over the dependencies `D`, as the router and the OpenAPI builder hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute<D = ApiDependencies> = Route<any, any, any, D>;

/** Declares a route, inferring the handler's types from its schemas. */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined, D = ApiDependencies>(route: Route<P, Q, B, D>): AnyRoute<D> {
  return route as AnyRoute<D>;
}
