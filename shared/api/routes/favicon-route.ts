import { staticAssetRoute } from './static-asset-route.js';

/** A small icon in the site's colours: a document with a rising arrow (a bill that moves). */
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="5" y="2" width="22" height="28" rx="3" fill="#1d3f72"/><path d="M10 22l5-5 3 3 5-6" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/><path d="M19 14h4v4" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

/** GET /favicon.svg: the pages' icon (every page links it, so no browser asks for a missing /favicon.ico). */
export const faviconRoute = staticAssetRoute({
  path: '/favicon.svg',
  operationId: 'favicon',
  summary: 'The icon of the pages.',
  contentType: 'image/svg+xml',
  maxAgeSeconds: 86400,
  body: FAVICON_SVG,
});
