import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, openApiJson } from '../../shared/api/api-routes.js';

const DOCUMENT_PATH = new URL('../../docs/openapi.json', import.meta.url);

describe('the OpenAPI document', () => {
  it('docs/openapi.json is the document generated from the route schemas (UPDATE_OPENAPI=1 rewrites it)', () => {
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(DOCUMENT_PATH, openApiJson());

    expect(readFileSync(DOCUMENT_PATH, 'utf8')).toBe(openApiJson());
  });

  it('is OpenAPI 3.1 with one operation per route but the console pages, and unique operation ids', () => {
    const document = JSON.parse(openApiJson());
    const operations = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap((path) => Object.values(path));
    const documented = API_ROUTES.filter((route) => route.tag !== 'console');

    expect(document.openapi).toBe('3.1.0');
    expect(operations).toHaveLength(documented.length);
    expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(documented.length);
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/admin'))).toEqual([]);
    expect(new Set(API_ROUTES.map((route) => route.operationId)).size).toBe(API_ROUTES.length);
  });

  it('describes the sign-up body from the same zod schema that validates it', () => {
    const document = JSON.parse(openApiJson());
    const schema = document.paths['/api/subscriptions'].post.requestBody.content['application/json'].schema;

    expect(schema.required).toEqual(['email']);
    expect(schema.properties.frequency).toEqual({ default: 'instant', type: 'string', enum: ['instant', 'daily', 'weekly'] });
    expect(schema.additionalProperties).toBe(false);
  });
});
