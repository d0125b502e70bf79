import * as z from 'zod';
import { escapeHtml } from '../../../email/html-escape.js';
import type { OriginKind } from '../../../origins/bill-origin.js';
import type { CatalogOrigin } from '../../../store/origin-catalog.js';
import { standaloneOriginName } from '../../../vocabulary/origin-names.js';
import type { ConsoleAppDependencies } from '../../api-dependencies.js';
import { HttpError } from '../../http-error.js';
import { htmlResponse } from '../../responses.js';
import { withCursor } from '../../with-cursor.js';
import { CONSOLE_ROOT, consoleHref, consolePage, dataTable, definitions, link, pager, timeText, type ConsoleView } from '../console-page.js';
import { ConsolePageQuerySchema, consoleRoute } from '../console-route.js';
import { followerHeaders, followerRows } from '../follower-rows.js';

const ORIGINS = `${CONSOLE_ROOT}/origins`;
const PER_PAGE = 25;
/** Followers counted per name in the list; more shows as "100+" (the name's page lists them all). */
const COUNTED_FOLLOWERS = 100;

/** An origin's id (shared/origins/bill-origin.ts originId). */
const OriginIdParamsSchema = z.object({ originId: z.string().regex(/^o[0-9a-f]{24}$/, 'an origin id like o0123…') });

/** GET /admin/origins: every committee and initiator in the catalog, each list paged on its own, with its follower count. */
export const consoleOriginsRoute = consoleRoute({
  method: 'GET',
  path: ORIGINS,
  operationId: 'consoleOrigins',
  // `cursor` pages the committees, `initiators` the initiators.
  query: ConsolePageQuerySchema.extend({ initiators: z.string().max(2048).optional() }),
  async handle({ query, deps }, view) {
    const { words, language } = view;
    const pageQuery = { cursor: query.cursor, initiators: query.initiators };
    const [committees, initiators] = await Promise.all([originTable(deps, view, 'committee', query.cursor), originTable(deps, view, 'initiator', query.initiators)]);
    const main = [
      `<p>${escapeHtml(words.origins.intro)}</p>`,
      `<h2>${escapeHtml(words.origins.committees)}</h2>`,
      committees.table,
      pager(words, language, ORIGINS, pageQuery, committees.cursor),
      `<h2>${escapeHtml(words.origins.initiators)}</h2>`,
      initiators.table,
      pager(words, language, ORIGINS, pageQuery, initiators.cursor, 'initiators'),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'origins', title: words.sections.origins, main }));
  },
});

/** GET /admin/origins/{originId}: one committee or initiator, where it was last named, and its followers a page at a time. */
export const consoleOriginRoute = consoleRoute({
  method: 'GET',
  path: `${ORIGINS}/{originId}`,
  operationId: 'consoleOrigin',
  params: OriginIdParamsSchema,
  query: ConsolePageQuerySchema,
  async handle({ params, query, deps }, view) {
    const { words, language } = view;
    const origin = await deps.console.origins.get(params.originId);
    if (!origin) throw new HttpError(404, 'not_found', words.origins.notFound);
    const followers = await withCursor(() => deps.console.origins.followerPage(origin.originId, { limit: PER_PAGE, cursor: query.cursor }));
    const main = [
      definitions([
        [words.origins.kinds[origin.kind], escapeHtml(origin.name)],
        [words.origins.lastSeen, origin.lastSeenAt ? timeText(origin.lastSeenAt, language) : escapeHtml(words.origins.followedOnly)],
        ...(origin.lastBill ? [[words.origins.lastBill, link(consoleHref(`${CONSOLE_ROOT}/bills/${origin.lastBill}`, language), origin.lastBill)] as const] : []),
      ]),
      `<h2>${escapeHtml(words.origins.followersTitle)}</h2>`,
      dataTable(words.origins.followersTitle, followerHeaders(view), await followerRows(followers.items, deps, view), words.none),
      pager(words, language, `${ORIGINS}/${origin.originId}`, { cursor: query.cursor }, followers.cursor),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'origins', title: standaloneOriginName(origin, language), main }));
  },
});

/** A committee's or an initiator's name in the console: linked to its page, with the name as sozd writes it when that differs. */
export function originLink(origin: Pick<CatalogOrigin, 'kind' | 'name' | 'originId'>, view: Pick<ConsoleView, 'language'>): string {
  const shown = standaloneOriginName(origin, view.language);
  const written = shown === origin.name ? '' : ` <span class="detail" lang="ru">${escapeHtml(origin.name)}</span>`;
  return `${link(consoleHref(`${ORIGINS}/${origin.originId}`, view.language), shown)}${written}`;
}

async function originTable(deps: ConsoleAppDependencies, view: ConsoleView, kind: OriginKind, cursor: string | undefined): Promise<{ table: string; cursor?: string }> {
  const { words, language } = view;
  const page = await withCursor(() => deps.console.origins.page(kind, { limit: PER_PAGE, cursor }));
  const rows = await Promise.all(
    page.items.map(async (origin) => {
      const followers = await deps.console.origins.followerPage(origin.originId, { limit: COUNTED_FOLLOWERS });
      return [
        originLink(origin, view),
        origin.lastSeenAt
          ? `${timeText(origin.lastSeenAt, language)}${origin.lastBill ? `<br><span class="detail">${link(consoleHref(`${CONSOLE_ROOT}/bills/${origin.lastBill}`, language), words.origins.seenIn(origin.lastBill))}</span>` : ''}`
          : `<span class="detail">${escapeHtml(words.origins.followedOnly)}</span>`,
        escapeHtml(`${followers.items.length}${followers.cursor ? '+' : ''}`),
      ];
    }),
  );
  const columns = words.origins.columns;
  const title = kind === 'committee' ? words.origins.committees : words.origins.initiators;
  return { table: dataTable(title, [columns.name, columns.seen, columns.followers], rows, words.none), ...(page.cursor ? { cursor: page.cursor } : {}) };
}
