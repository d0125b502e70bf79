import { createHash } from 'node:crypto';
import type { ApiRequest, ApiResponse } from './http-types.js';

/** How a cacheable answer may be kept: by anyone (public pages and feeds) or by the reader's own client only. */
export interface CachePolicy {
  scope: 'public' | 'private';
  maxAgeSeconds: number;
  /** When what the answer shows last changed; sent as Last-Modified and compared with If-Modified-Since. */
  lastModified?: string;
  /** Request headers the answer depends on (the language of a page without `?lang=`). */
  vary?: string;
}

/**
 * A 200 with a strong ETag (a hash of the body, so equal bodies share it whoever rendered them), Cache-Control and
 * Last-Modified; or a 304 with the same validators and no body when the request's If-None-Match names that ETag (the
 * weak comparison RFC 9110 §13.1.2 asks of GET), or, without If-None-Match, its If-Modified-Since is not older than
 * Last-Modified.
 */
export function cacheableResponse(request: ApiRequest, response: ApiResponse, policy: CachePolicy): ApiResponse {
  const etag = `"${createHash('sha256').update(response.body).digest('base64url').slice(0, 27)}"`;
  const lastModified = policy.lastModified ? httpDate(policy.lastModified) : undefined;
  const validators: Record<string, string> = {
    etag,
    'cache-control': `${policy.scope}, max-age=${policy.maxAgeSeconds}`,
    ...(lastModified ? { 'last-modified': lastModified } : {}),
    ...(policy.vary ? { vary: policy.vary } : {}),
  };
  if (notModified(request, etag, lastModified)) return { status: 304, headers: validators, body: '' };
  return { ...response, headers: { ...response.headers, ...validators } };
}

function notModified(request: ApiRequest, etag: string, lastModified: string | undefined): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === etag);
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (ifModifiedSince === undefined || lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}

/** An IMF-fixdate (RFC 9110 §5.6.7), to the second. */
function httpDate(iso: string): string | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toUTCString();
}
