import fc from 'fast-check';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../shared/api/api-routes.js';
import { signToken } from '../../shared/security/signed-token.js';
import { startApiTestStack, type ApiTestStack } from './api-test-stack.js';

let stack: ApiTestStack;

beforeAll(async () => {
  stack = await startApiTestStack({ SIGNUP_LIMIT_PER_IP_PER_HOUR: '100000' });
});
afterAll(async () => {
  await stack?.stop();
});

const FIELD_NAMES = ['email', 'bills', 'topics', 'language', 'timeZone', 'frequency', 'stages', 'stageMode', 'newsAlerts', 'csrf', 'token', 'lang', 'limit', 'cursor', 'status', 'changeId', 'List-Unsubscribe', '__proto__', 'constructor'];
const CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'application/json; charset=utf-8', '', 'application/xml'];

/** Tokens that verify (any purpose, any subject), so the fuzzing reaches past the signature check. */
const tokenArbitrary = fc.oneof(
  fc.string(),
  fc.tuple(fc.constantFrom('manage', 'confirm', 'unsubscribe', 'csrf'), fc.string({ minLength: 1 })).map(([purpose, sub]) =>
    signToken({ sub, purpose }, stack.tokenSecret),
  ),
);

const valueArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.constantFrom('1075342-8', 'all', 'instant', 'Europe/Moscow', 'ru', 'One-Click', 'x@example.org'),
  fc.integer(),
  fc.array(fc.oneof(fc.string(), fc.integer({ min: -2, max: 12 })), { maxLength: 4 }),
  fc.jsonValue(),
);

const bodyArbitrary = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), valueArbitrary).map((fields) => JSON.stringify(fields)),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.string()).map((fields) => new URLSearchParams(fields).toString()),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 300 }),
);

const requestArbitrary = fc.record({
  route: fc.constantFrom(...API_ROUTES),
  segments: fc.array(fc.oneof(fc.string(), fc.constantFrom('1-8', `s${'a'.repeat(24)}`, `t${'b'.repeat(24)}`, '%E0%A4%A', '..')), { minLength: 2, maxLength: 2 }),
  query: fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(fc.string(), tokenArbitrary, fc.constantFrom('5', '0', '-1', 'active', 'en'))),
  contentType: fc.constantFrom(...CONTENT_TYPES),
  body: bodyArbitrary,
  base64: fc.boolean(),
  cookies: fc.array(fc.string(), { maxLength: 2 }),
  method: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), { nil: undefined }),
});

type FuzzRequest = typeof requestArbitrary extends fc.Arbitrary<infer T> ? T : never;

function eventOf(request: FuzzRequest): APIGatewayProxyEventV2 {
  let index = 0;
  const path = request.route.path.replace(/\{\w+\}/g, () => encodeURIComponent(request.segments[index++] ?? ''));
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: new URLSearchParams(request.query).toString(),
    cookies: request.cookies,
    headers: { 'content-type': request.contentType, 'x-api-key': stack.adminApiKey },
    requestContext: { http: { method: request.method ?? request.route.method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'fuzz' } },
    body: request.base64 ? Buffer.from(request.body).toString('base64') : request.body,
    isBase64Encoded: request.base64,
  } as unknown as APIGatewayProxyEventV2;
}

describe('fuzzing every route with arbitrary bodies and queries', () => {
  it('never throws and never answers 500 or above', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (request) => {
        const event = eventOf(request);
        const result = await stack.handler(event);
        if ((result.statusCode ?? 0) >= 500) failures.push(`${event.requestContext.http.method} ${event.rawPath}?${event.rawQueryString} → ${result.statusCode}`);
        expect(result.statusCode).toBeLessThan(500);
      }),
      { numRuns: 1500 },
    );
    expect(failures).toEqual([]);
  }, 240_000);
});
