import type { HttpError } from './http-error.js';
import type { ApiResponse } from './http-types.js';

/** A JSON answer. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

/** An HTML page. Pages carry signed links, so no cache keeps them. */
export function htmlResponse(status: number, body: string, headers: Record<string, string> = {}): ApiResponse {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body,
  };
}

/** The JSON form of a refusal: `{ error: { code, message, issues } }`. */
export function errorResponse(error: HttpError): ApiResponse {
  return jsonResponse(error.status, { error: { code: error.code, message: error.message, issues: error.issues } }, error.headers);
}

/**
 * Headers on every answer. `no-referrer` matters most: page URLs carry signed tokens, which a Referer header
 * would hand to any site a page links to.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};
