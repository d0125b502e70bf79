import * as z from 'zod';
import type { FeedConfig } from '../../../config/config.js';
import { escapeHtml } from '../../../email/html-escape.js';
import type { FeedRecord } from '../../../store/feed-store.js';
import type { RecentFeedItem } from '../../../store/news-store.js';
import { HttpError } from '../../http-error.js';
import { htmlResponse } from '../../responses.js';
import { withCursor } from '../../with-cursor.js';
import { badge, CONSOLE_ROOT, consoleHref, consolePage, dataTable, definitions, healthBadge, healthDetails, link, pager, timeText, type ConsoleView } from '../console-page.js';
import { ConsolePageQuerySchema, consoleRoute } from '../console-route.js';

const FEEDS = `${CONSOLE_ROOT}/feeds`;
/** Feeds per page of the list, and the items each shows there. */
const FEEDS_PER_PAGE = 10;
const ITEMS_IN_LIST = 3;
const ITEMS_PER_PAGE = 25;

/** GET /admin/feeds: every configured feed with its health and its last items. */
export const consoleFeedsRoute = consoleRoute({
  method: 'GET',
  path: FEEDS,
  operationId: 'consoleFeeds',
  query: ConsolePageQuerySchema,
  async handle({ query, deps }, view) {
    const { words, language } = view;
    // The feeds are configuration, not table items: their pages are offsets into the configured list.
    const offset = /^\d{1,4}$/.test(query.cursor ?? '') ? Number(query.cursor) : 0;
    const feeds = deps.feeds.configured.slice(offset, offset + FEEDS_PER_PAGE);
    const sections = await Promise.all(
      feeds.map(async (feed) => {
        const [record, items] = await Promise.all([deps.feeds.store.get(feed.id), deps.console.news.listRecentForFeed(feed.id, { limit: ITEMS_IN_LIST })]);
        return [
          `<section class="feed" aria-labelledby="feed-${escapeHtml(feed.id)}">`,
          `<h2 id="feed-${escapeHtml(feed.id)}">${link(consoleHref(`${FEEDS}/${feed.id}`, language), feed.label)} ${healthOrPending(record, view)}</h2>`,
          `<p class="detail">${escapeHtml(feed.url)} · ${escapeHtml(feed.language)}${
            record ? ` · ${escapeHtml(words.health.lastPolled)}: ${timeText(record.health.lastPolledAt, language)}` : ''
          }</p>`,
          itemsTable(items.items, view, words.feeds.lastItems),
          '</section>',
        ].join('\n');
      }),
    );
    const next = offset + FEEDS_PER_PAGE < deps.feeds.configured.length ? String(offset + FEEDS_PER_PAGE) : undefined;
    const main = [
      `<p>${escapeHtml(words.feeds.intro)}</p>`,
      deps.feeds.configured.length === 0 ? `<p class="empty">${escapeHtml(words.feeds.none)}</p>` : sections.join('\n'),
      pager(words, language, FEEDS, { cursor: query.cursor }, next),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'feeds', title: words.sections.feeds, main }));
  },
});

/** GET /admin/feeds/{feedId}: one feed's polling state and its items, newest first, a page at a time. */
export const consoleFeedRoute = consoleRoute({
  method: 'GET',
  path: `${FEEDS}/{feedId}`,
  operationId: 'consoleFeed',
  params: z.object({ feedId: z.string().min(1).max(100) }),
  query: ConsolePageQuerySchema,
  async handle({ params, query, deps }, view) {
    const { words, language } = view;
    const feed: FeedConfig | undefined = deps.feeds.configured.find((candidate) => candidate.id === params.feedId);
    if (!feed) throw new HttpError(404, 'not_found', words.feeds.notFound);
    const [record, items] = await Promise.all([
      deps.feeds.store.get(feed.id),
      withCursor(() => deps.console.news.listRecentForFeed(feed.id, { limit: ITEMS_PER_PAGE, cursor: query.cursor })),
    ]);
    const main = [
      `<p class="detail">${escapeHtml(feed.url)} · ${escapeHtml(feed.language)}</p>`,
      record ? healthDetails(record.health, words, language) : `<p>${badge(words.feeds.notPolled, 'neutral')}</p>`,
      record
        ? definitions([
            [words.feeds.baseline, timeText(record.baselineAt, language)],
            ...(record.lastWarning ? ([[words.feeds.warning, escapeHtml(record.lastWarning)]] as const) : []),
          ])
        : '',
      `<h2>${escapeHtml(words.feeds.lastItems)}</h2>`,
      itemsTable(items.items, view, words.feeds.lastItems),
      pager(words, language, `${FEEDS}/${feed.id}`, { cursor: query.cursor }, items.cursor),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'feeds', title: feed.label, main }));
  },
});

function healthOrPending(record: FeedRecord | undefined, view: ConsoleView): string {
  return record ? healthBadge(record.health, view.words) : badge(view.words.feeds.notPolled, 'neutral');
}

function itemsTable(items: readonly RecentFeedItem[], view: ConsoleView, caption: string): string {
  const { words, language } = view;
  const columns = words.feeds.itemColumns;
  const rows = items.map((item) => [
    timeText(item.seenAt, language),
    item.link ? `<a href="${escapeHtml(item.link)}" rel="noreferrer">${escapeHtml(item.title)}</a>` : escapeHtml(item.title),
    timeText(item.publishedAt, language),
  ]);
  return dataTable(caption, [columns.seen, columns.title, columns.published], rows, words.none);
}
