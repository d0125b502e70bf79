import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../shared/api/api-routes.js';
import { signToken } from '../../shared/security/signed-token.js';
import { startApiTestStack, type ApiTestStack } from './api-test-stack.js';

let stack: ApiTestStack;

beforeAll(async () => {
  stack = await startApiTestStack({ SIGNUP_LIMIT_PER_IP_PER_HOUR: '100000' });
});
afterAll(async () => {
  await stack?.stop();
});

const FIELD_NAMES = ['email', 'bills', 'topics', 'language', 'timeZone', 'frequency', 'stages', 'stageMode', 'newsAlerts', 'weekAhead', 'csrf', 'token', 'lang', 'limit', 'cursor', 'status', 'changeId', 'List-Unsubscribe', '__proto__', 'constructor'];
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

interface DocumentedResponse {
  content?: Record<string, { schema: Record<string, unknown> }>;
}

/** Every operation of the published document, so routes other engineers add are fuzzed as soon as they are documented. */
const DOCUMENTED = Object.entries(openApiDocument().paths as Record<string, Record<string, { responses: Record<string, DocumentedResponse> }>>).flatMap(
  ([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      path,
      method: method.toUpperCase(),
      statuses: Object.keys(operation.responses).map(Number),
      responses: operation.responses,
    })),
);
// The document's schemas are JSON Schema 2020-12 (OpenAPI 3.1); formats are zod's own checks, so not asserted twice.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const TEMPLATES = [...new Set(DOCUMENTED.map((operation) => operation.path))].map((path) => ({
  path,
  pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

/** The operations of the document a request may have reached: the paths it matches, with its method. */
function operationsFor(method: string, rawPath: string): { matchedPath: boolean; operations: typeof DOCUMENTED } {
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;
  const paths = TEMPLATES.filter((template) => template.pattern.test(path)).map((template) => template.path);
  return { matchedPath: paths.length > 0, operations: DOCUMENTED.filter((operation) => paths.includes(operation.path) && operation.method === method) };
}

/** The statuses the document allows for a request: the operation's own, 405 for a path without that method, 404 for no path. */
function documentedStatuses(method: string, rawPath: string): number[] {
  const { matchedPath, operations } = operationsFor(method, rawPath);
  if (!matchedPath) return [404];
  return operations.length > 0 ? operations.flatMap((operation) => operation.statuses) : [405];
}

/**
 * How an answer departs from what the document says of its status, or undefined when it agrees: a JSON body valid
 * against the documented schema, an HTML page as text/html, an undocumented body absent (and HEAD never a body).
 */
function bodyMismatch(method: string, rawPath: string, status: number, contentType: string, body: string): string | undefined {
  const documented = operationsFor(method, rawPath).operations.flatMap((operation) => (operation.responses[status] ? [operation.responses[status]] : []));
  if (documented.length === 0) return undefined;
  const problems = documented.map((response): string | undefined => {
    const mediaType = contentType.split(';')[0]!.trim();
    if (method === 'HEAD') return body === '' ? undefined : 'a body on HEAD';
    const content = response.content ?? {};
    if (Object.keys(content).length === 0) return body === '' ? undefined : `an undocumented ${mediaType} body`;
    const entry = content[mediaType];
    if (!entry) return `${mediaType || 'no content type'} where the document says ${Object.keys(content).join(' or ')}`;
    if (mediaType !== 'application/json') return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return 'a body that is not JSON';
    }
    const validate = ajv.compile(entry.schema);
    return validate(parsed) ? undefined : ajv.errorsText(validate.errors);
  });
  return problems.includes(undefined) ? undefined : problems[0];
}

const requestArbitrary = fc.record({
  route: fc.constantFrom(...DOCUMENTED),
  segments: fc.array(fc.oneof(fc.string(), fc.constantFrom('1-8', `s${'a'.repeat(24)}`, `t${'b'.repeat(24)}`, '%E0%A4%A', '..')), { minLength: 2, maxLength: 2 }),
  query: fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(fc.string(), tokenArbitrary, fc.constantFrom('5', '0', '-1', 'active', 'en'))),
  contentType: fc.constantFrom(...CONTENT_TYPES),
  body: bodyArbitrary,
  base64: fc.boolean(),
  cookies: fc.array(fc.string(), { maxLength: 2 }),
  method: fc.option(fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), { nil: undefined }),
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

describe('fuzzing every documented operation with arbitrary bodies and queries (seeded, bounded)', () => {
  it('never answers 500 or above, nor a status the OpenAPI document does not list for the operation, nor a body its schema refuses', async () => {
    const failures = new Set<string>();
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (request) => {
        const event = eventOf(request);
        const result = await stack.handler(event);
        const status = result.statusCode ?? 0;
        const method = event.requestContext.http.method;
        if (status >= 500 || !documentedStatuses(method, event.rawPath).includes(status)) {
          failures.add(`${method} ${request.route.path} → ${status}`);
          return;
        }
        const mismatch = bodyMismatch(method, event.rawPath, status, String(result.headers?.['content-type'] ?? ''), result.body ?? '');
        if (mismatch) failures.add(`${method} ${request.route.path} → ${status}: ${mismatch}`);
      }),
      { numRuns: 1500, seed: 20261201 },
    );
    expect([...failures].sort()).toEqual([]);
  }, 240_000);
});
