import { defineRoute, type AnyRoute } from '../route.js';

/**
 * A GET route that serves one fixed file of the pages (stylesheet, icon) with its type and a public cache lifetime:
 * files rather than inline content, so the CSP needs neither inline styles nor data: URIs.
 */
export function staticAssetRoute(asset: {
  path: string;
  operationId: string;
  summary: string;
  contentType: string;
  maxAgeSeconds: number;
  body: string;
}): AnyRoute {
  return defineRoute({
    method: 'GET',
    path: asset.path,
    operationId: asset.operationId,
    summary: asset.summary,
    tag: 'meta',
    responses: { 200: { description: asset.summary, mediaType: asset.contentType.split(';')[0]! } },
    async handle() {
      return {
        status: 200,
        headers: { 'content-type': asset.contentType, 'cache-control': `public, max-age=${asset.maxAgeSeconds}` },
        body: asset.body,
      };
    },
  });
}
