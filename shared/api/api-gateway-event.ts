import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiRequest, ApiResponse } from './http-types.js';

/** An API Gateway HTTP API (payload 2.0) event as the routes' request. */
export function requestOfEvent(event: APIGatewayProxyEventV2): ApiRequest {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers[name.toLowerCase()] = value;
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: event.rawPath || '/',
    query: firstValues(event.rawQueryString ?? ''),
    headers,
    cookies: cookiesOf(event.cookies ?? []),
    body: bytes.toString('utf8'),
    bodyBytes: bytes.length,
    clientIp: event.requestContext.http.sourceIp,
  };
}

/** The routes' response as the structured result API Gateway expects (cookies apart from headers). */
export function resultOfResponse(response: ApiResponse): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: response.status,
    headers: response.headers,
    body: response.body,
    isBase64Encoded: false,
    ...(response.cookies ? { cookies: response.cookies } : {}),
  };
}

function firstValues(rawQuery: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQuery)) if (!Object.hasOwn(query, name)) query[name] = value;
  return query;
}

function cookiesOf(cookies: string[]): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const cookie of cookies.flatMap((line) => line.split(';'))) {
    const at = cookie.indexOf('=');
    if (at > 0) jar[cookie.slice(0, at).trim()] = cookie.slice(at + 1).trim();
  }
  return jar;
}
