import { STYLESHEET } from '../pages/stylesheet.js';
import { defineRoute } from '../route.js';

/** GET /style.css: the pages' one stylesheet (a file, so the CSP needs no inline styles). */
export const stylesheetRoute = defineRoute({
  method: 'GET',
  path: '/style.css',
  operationId: 'stylesheet',
  summary: 'The stylesheet of the pages.',
  tag: 'meta',
  responses: { 200: { description: 'CSS.' } },
  async handle() {
    return { status: 200, headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }, body: STYLESHEET };
  },
});
