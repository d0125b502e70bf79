import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, openApiJson } from '../../shared/api/api-routes.js';

const DOCUMENT_PATH = new URL('../../docs/openapi.json', import.meta.url);

describe('the OpenAPI document', () => {
  it('docs/openapi.json is the document generated from the route schemas (UPDATE_OPENAPI=1 rewrites it)', () => {
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(DOCUMENT_PATH, openApiJson());

    expect(readFileSync(DOCUMENT_PATH, 'utf8')).toBe(openApiJson());
  });

  it('is OpenAPI 3.1 with one operation per route of the API function (the console is a function of its own), a HEAD beside every GET, and unique operation ids', () => {
    const document = JSON.parse(openApiJson());
    const paths = document.paths as Record<string, Record<string, { operationId: string }>>;
    const operations = Object.values(paths).flatMap((path) => Object.values(path));
    const documented = API_ROUTES;
    const gets = documented.filter((route) => route.method === 'GET');

    expect(document.openapi).toBe('3.1.0');
    expect(operations).toHaveLength(documented.length + gets.length);
    expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(documented.length + gets.length);
    expect(gets.filter((route) => paths[route.path]!.head?.operationId !== `${route.operationId}Head`)).toEqual([]);
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/admin'))).toEqual([]);
    expect(API_ROUTES.filter((route) => route.tag === 'console')).toEqual([]);
    expect(new Set(API_ROUTES.map((route) => route.operationId)).size).toBe(API_ROUTES.length);
  });

  it('says of every 409 that nothing was changed', () => {
    const document = JSON.parse(openApiJson());
    const conflicts = Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, { description: string }> }>>).flatMap(
      ([path, operations]) => Object.entries(operations).flatMap(([method, operation]) => (operation.responses['409'] ? [[`${method} ${path}`, operation.responses['409'].description]] : [])),
    );

    expect(conflicts.length).toBeGreaterThanOrEqual(4);
    expect(conflicts.filter(([, description]) => !description!.endsWith('nothing was changed.'))).toEqual([]);
  });

  it('describes the sign-up body from the same zod schema that validates it', () => {
    const document = JSON.parse(openApiJson());
    const schema = document.paths['/api/subscriptions'].post.requestBody.content['application/json'].schema;

    expect(schema.required).toEqual(['email']);
    expect(schema.properties.frequency).toEqual({ default: 'instant', type: 'string', enum: ['instant', 'daily', 'weekly'] });
    expect(schema.additionalProperties).toBe(false);
  });
});
