import * as z from 'zod';
import { escapeHtml } from '../../../email/html-escape.js';
import { followedOrigins, originId } from '../../../origins/bill-origin.js';
import type { Subscriber } from '../../../store/subscriber-store.js';
import { subscriptionView, type SubscriptionView } from '../../../subscriptions/subscription-service.js';
import { SubscriberIdParamsSchema } from '../../api-schemas.js';
import { htmlResponse } from '../../responses.js';
import { withCursor } from '../../with-cursor.js';
import { badge, CONSOLE_ROOT, consoleHref, consolePage, dataTable, link, pager, postForm, type ConsoleView } from '../console-page.js';
import { ConsolePageQuerySchema, consoleRoute, doneRedirect, noticeOf } from '../console-route.js';
import { originLink } from './origin-routes.js';

const SUBSCRIBERS = `${CONSOLE_ROOT}/subscribers`;
const PER_PAGE = 25;
const STATUSES = ['pending', 'active', 'unsubscribed', 'suppressed'] as const;
const FREQUENCIES = ['instant', 'daily', 'weekly'] as const;

/** An empty select means "any"; anything else not in the list is refused like any bad input. */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.enum(values).optional());

const SearchQuerySchema = ConsolePageQuerySchema.extend({
  q: z.string().trim().max(254).optional(),
  status: optionalChoice(STATUSES),
  frequency: optionalChoice(FREQUENCIES),
  bill: z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().regex(/^\d{1,9}-\d{1,2}$/).optional()),
  id: SubscriberIdParamsSchema.shape.subscriberId.optional(),
});

/** GET /admin/subscribers: search by address, status, frequency or followed bill; each row shows preferences and suppression. */
export const consoleSubscribersRoute = consoleRoute({
  method: 'GET',
  path: SUBSCRIBERS,
  operationId: 'consoleSubscribers',
  query: SearchQuerySchema,
  async handle({ query, deps }, view) {
    const { words, language } = view;
    let found: { items: Subscriber[]; cursor?: string };
    if (query.id) {
      const one = await deps.subscriptions.get(query.id, deps.now());
      found = { items: one ? [one] : [] };
    } else {
      found = await withCursor(() =>
        deps.subscriptions.list({
          limit: PER_PAGE,
          cursor: query.cursor,
          now: deps.now(),
          ...(query.q ? { emailPrefix: query.q } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(query.frequency ? { frequency: query.frequency } : {}),
          ...(query.bill ? { bill: query.bill } : {}),
        }),
      );
    }
    const views = await Promise.all(found.items.map((subscriber) => subscriptionView(deps, subscriber)));
    const columns = words.subscribers.columns;
    const rows = views.map((subscriptionRow) => row(subscriptionRow, view));
    const filters = { q: query.q, status: query.status, frequency: query.frequency, bill: query.bill };
    const main = [
      `<p>${escapeHtml(words.subscribers.intro)}</p>`,
      searchForm(view, filters),
      dataTable(
        words.sections.subscribers,
        [columns.address, columns.status, columns.bills, columns.topics, columns.origins, columns.frequency, columns.language, columns.suppression, words.actions],
        rows,
        words.subscribers.noneFound,
      ),
      pager(words, language, SUBSCRIBERS, { ...filters, cursor: query.cursor }, found.cursor),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'subscribers', title: words.sections.subscribers, main, notice: noticeOf(view, query) }));
  },
});

/** POST /admin/subscribers/{subscriberId}/unsubscribe: stops all mail to a subscriber at once. */
export const consoleUnsubscribeRoute = consoleRoute({
  method: 'POST',
  path: `${SUBSCRIBERS}/{subscriberId}/unsubscribe`,
  operationId: 'consoleUnsubscribe',
  params: SubscriberIdParamsSchema,
  query: ConsolePageQuerySchema,
  form: z.object({}),
  async handle({ params, deps }, view) {
    const subscriber = await deps.subscriptions.get(params.subscriberId, deps.now());
    if (subscriber) await deps.subscriptions.unsubscribe(params.subscriberId, deps.now());
    return doneRedirect(SUBSCRIBERS, view, 'unsubscribed', subscriber?.email ?? params.subscriberId);
  },
});

function row({ subscriber, preferences }: SubscriptionView, view: ConsoleView): string[] {
  const { words, language } = view;
  const tone = subscriber.status === 'active' ? 'ok' : subscriber.status === 'suppressed' ? 'bad' : 'neutral';
  const bills = preferences.bills.map((bill) => link(consoleHref(`${CONSOLE_ROOT}/bills/${bill}`, language), bill)).join(', ');
  const stages = preferences.stages === 'all' ? '' : ` <span class="detail">(${escapeHtml(preferences.stages.join(', '))})</span>`;
  return [
    `${escapeHtml(subscriber.email)}<br><span class="detail">${escapeHtml(subscriber.id)}</span>`,
    badge(words.subscribers.statuses[subscriber.status], tone),
    bills || escapeHtml(words.none),
    escapeHtml(preferences.topics.join(' · ') || words.none),
    followedOrigins(preferences)
      .map((origin) => originLink({ ...origin, originId: originId(origin.kind, origin.name) }, view))
      .join('<br>') || escapeHtml(words.none),
    `${escapeHtml(words.subscribers.frequencies[preferences.frequency])}${stages}${preferences.weekAhead ? `<br><span class="detail">${escapeHtml(words.subscribers.weekAhead)}</span>` : ''}`,
    escapeHtml(`${preferences.language} · ${preferences.timeZone}`),
    subscriber.suppressionReason ? badge(subscriber.suppressionReason, 'bad') : escapeHtml(words.none),
    subscriber.status === 'active' ? postForm(view, `${SUBSCRIBERS}/${subscriber.id}/unsubscribe`, {}, words.subscribers.unsubscribe, 'secondary small') : '',
  ];
}

/** A GET form: searching changes nothing, so it carries no CSRF token and its URL can be shared. */
function searchForm(view: ConsoleView, filters: { q?: string; status?: string; frequency?: string; bill?: string }): string {
  const { words } = view;
  const select = (name: string, label: string, options: readonly string[], names: Record<string, string>, chosen?: string) =>
    `<div class="field"><label for="${name}">${escapeHtml(label)}</label><select id="${name}" name="${name}"><option value="">${escapeHtml(words.subscribers.any)}</option>${options
      .map((value) => `<option value="${value}"${value === chosen ? ' selected' : ''}>${escapeHtml(names[value] ?? value)}</option>`)
      .join('')}</select></div>`;
  return [
    `<form method="get" action="${SUBSCRIBERS}" class="toolbar" role="search">`,
    `<input type="hidden" name="lang" value="${view.language}">`,
    `<div class="field"><label for="q">${escapeHtml(words.subscribers.address)}</label><input type="text" id="q" name="q" value="${escapeHtml(filters.q ?? '')}" placeholder="${escapeHtml(words.subscribers.addressHint)}"></div>`,
    select('status', words.subscribers.status, STATUSES, words.subscribers.statuses, filters.status),
    select('frequency', words.subscribers.frequency, FREQUENCIES, words.subscribers.frequencies, filters.frequency),
    `<div class="field"><label for="bill">${escapeHtml(words.subscribers.bill)}</label><input type="text" id="bill" name="bill" value="${escapeHtml(filters.bill ?? '')}" placeholder="1075342-8"></div>`,
    `<button type="submit">${escapeHtml(words.subscribers.search)}</button>`,
    '</form>',
  ].join('');
}
