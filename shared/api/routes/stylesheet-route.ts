import { STYLESHEET } from '../pages/stylesheet.js';
import { staticAssetRoute } from './static-asset-route.js';

/** GET /style.css: the pages' one stylesheet (a file, so the CSP needs no inline styles). */
export const stylesheetRoute = staticAssetRoute({
  path: '/style.css',
  operationId: 'stylesheet',
  summary: 'The stylesheet of the pages.',
  contentType: 'text/css; charset=utf-8',
  maxAgeSeconds: 3600,
  body: STYLESHEET,
});
