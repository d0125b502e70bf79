import * as z from 'zod';
import { escapeHtml } from '../../../email/html-escape.js';
import { formatMoscowDate } from '../../../email/moscow-date.js';
import type { Endpoint } from '../../../webhooks/endpoint.js';
import { enableEndpoint, listDeliveries, sendTestEvent } from '../../../webhooks/endpoint-service.js';
import type { ApiDependencies } from '../../api-dependencies.js';
import { HttpError } from '../../http-error.js';
import { htmlResponse } from '../../responses.js';
import { withCursor } from '../../routes/admin-routes.js';
import { EndpointIdParamsSchema } from '../../routes/endpoint-schemas.js';
import { badge, CONSOLE_ROOT, consoleHref, consolePage, dataTable, definitions, link, pager, postForm, timeText, type ConsoleView } from '../console-page.js';
import { ConsolePageQuerySchema, consoleRoute, doneRedirect, noticeOf } from '../console-route.js';
import { stateBadge } from './bill-routes.js';

const ENDPOINTS = `${CONSOLE_ROOT}/endpoints`;
const PER_PAGE = 25;

/** GET /admin/endpoints: every webhook, Slack and Telegram endpoint with its health and actions. */
export const consoleEndpointsRoute = consoleRoute({
  method: 'GET',
  path: ENDPOINTS,
  operationId: 'consoleEndpoints',
  query: ConsolePageQuerySchema,
  async handle({ query, deps }, view) {
    const { words, language } = view;
    const page = await withCursor(() => deps.endpointService.endpoints.list({ limit: PER_PAGE, cursor: query.cursor }));
    const columns = words.endpoints.columns;
    const rows = page.items.map((endpoint) => [
      `${badge(endpoint.kind, 'neutral')} ${link(consoleHref(`${ENDPOINTS}/${endpoint.id}`, language), redactedUrl(endpoint.url))}<br><span class="detail">${escapeHtml(endpoint.id)}</span>`,
      escapeHtml(endpoint.ownerEmail),
      statusBadge(endpoint, view),
      escapeHtml(endpoint.bills.join(', ') || words.none),
      healthText(endpoint, view),
      actions(endpoint, view),
    ]);
    const main = [
      `<p>${escapeHtml(words.endpoints.intro)}</p>`,
      dataTable(words.sections.endpoints, [columns.endpoint, columns.owner, columns.status, columns.bills, columns.health, words.actions], rows, words.none),
      pager(words, language, ENDPOINTS, { cursor: query.cursor }, page.cursor),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'endpoints', title: words.sections.endpoints, main, notice: noticeOf(view, query) }));
  },
});

/** GET /admin/endpoints/{endpointId}: one endpoint, its actions and its delivery log a page at a time. */
export const consoleEndpointRoute = consoleRoute({
  method: 'GET',
  path: `${ENDPOINTS}/{endpointId}`,
  operationId: 'consoleEndpoint',
  params: EndpointIdParamsSchema,
  query: ConsolePageQuerySchema,
  async handle({ params, query, deps }, view) {
    const { words, language } = view;
    const endpoint = await requireEndpoint(deps, params.endpointId, view);
    const log = await withCursor(() => listDeliveries(deps.endpointService, endpoint.id, { limit: PER_PAGE, cursor: query.cursor }));
    const columns = words.endpoints.deliveryColumns;
    const rows = log.items.map((delivery) => [
      timeText(delivery.lastAttemptAt ?? delivery.createdAt, language),
      `${escapeHtml(delivery.event)}${delivery.billNumber ? ` · ${link(consoleHref(`${CONSOLE_ROOT}/bills/${delivery.billNumber}`, language), delivery.billNumber)}` : ''}<br><span class="detail">${escapeHtml(delivery.changeId)}</span>`,
      stateBadge(delivery.status),
      escapeHtml(String(delivery.attempts)),
      `<span class="detail">${escapeHtml(delivery.lastResult ?? words.none)}</span>${delivery.nextAttemptAt ? `<br><span class="detail">→ ${timeText(delivery.nextAttemptAt, language)}</span>` : ''}`,
    ]);
    const main = [
      definitions([
        [words.endpoints.columns.endpoint, `${badge(endpoint.kind, 'neutral')} ${escapeHtml(redactedUrl(endpoint.url))}`],
        [words.endpoints.columns.owner, escapeHtml(`${endpoint.ownerEmail} · ${endpoint.language} · ${endpoint.frequency}`)],
        [words.endpoints.columns.status, statusBadge(endpoint, view)],
        [words.endpoints.columns.health, healthText(endpoint, view)],
        [words.endpoints.columns.bills, escapeHtml(endpoint.bills.join(', ') || words.none)],
      ]),
      `<div class="actions">${actions(endpoint, view)}</div>`,
      `<p class="hint">${escapeHtml(words.endpoints.replayHint)}</p>`,
      `<h2>${escapeHtml(words.endpoints.deliveriesTitle)}</h2>`,
      dataTable(words.endpoints.deliveriesTitle, [columns.when, columns.event, columns.state, columns.attempts, columns.result], rows, words.none),
      pager(words, language, `${ENDPOINTS}/${endpoint.id}`, { cursor: query.cursor }, log.cursor),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'endpoints', title: redactedUrl(endpoint.url), main, notice: noticeOf(view, query) }));
  },
});

const endpointAction = (action: 'ping' | 'disable' | 'enable', run: (deps: ApiDependencies, endpoint: Endpoint) => Promise<string>) =>
  consoleRoute({
    method: 'POST',
    path: `${ENDPOINTS}/{endpointId}/${action}`,
    operationId: `consoleEndpoint${action[0]!.toUpperCase()}${action.slice(1)}`,
    params: EndpointIdParamsSchema,
    query: ConsolePageQuerySchema,
    form: z.object({}),
    async handle({ params, deps }, view) {
      const endpoint = await requireEndpoint(deps, params.endpointId, view);
      const subject = await run(deps, endpoint);
      return doneRedirect(`${ENDPOINTS}/${endpoint.id}`, view, action === 'ping' ? 'pinged' : action === 'disable' ? 'disabled' : 'enabled', subject);
    },
  });

/** POST /admin/endpoints/{endpointId}/ping: queues a test event. */
export const consolePingEndpointRoute = endpointAction('ping', async (deps, endpoint) => sendTestEvent(deps.endpointService, endpoint.id));

/** POST /admin/endpoints/{endpointId}/disable: stops deliveries; what the endpoint misses is kept for a replay. */
export const consoleDisableEndpointRoute = endpointAction('disable', async (deps, endpoint) => {
  await deps.endpointService.endpoints.disable(endpoint.id, 'operator', deps.now().toISOString());
  return '';
});

/** POST /admin/endpoints/{endpointId}/enable: enables the endpoint (if disabled) and replays what it missed or failed. */
export const consoleEnableEndpointRoute = endpointAction('enable', async (deps, endpoint) => String(await enableEndpoint(deps.endpointService, endpoint.id)));

async function requireEndpoint(deps: ApiDependencies, endpointId: string, view: ConsoleView): Promise<Endpoint> {
  const endpoint = await deps.endpointService.endpoints.get(endpointId);
  if (!endpoint) throw new HttpError(404, 'not_found', view.words.endpoints.notFound);
  return endpoint;
}

function actions(endpoint: Endpoint, view: ConsoleView): string {
  const { words } = view;
  const path = `${ENDPOINTS}/${endpoint.id}`;
  return [
    postForm(view, `${path}/ping`, {}, words.endpoints.ping, 'small'),
    endpoint.status === 'active'
      ? `${postForm(view, `${path}/enable`, {}, words.endpoints.replay, 'small')}${postForm(view, `${path}/disable`, {}, words.endpoints.disable, 'secondary small')}`
      : postForm(view, `${path}/enable`, {}, words.endpoints.enable, 'small'),
  ].join('');
}

function statusBadge(endpoint: Endpoint, view: ConsoleView): string {
  return endpoint.status === 'active'
    ? badge(view.words.endpoints.active, 'ok')
    : badge(view.words.endpoints.disabled(endpoint.disabledReason ?? '?'), 'bad');
}

function healthText(endpoint: Endpoint, view: ConsoleView): string {
  if (endpoint.failingSince) return badge(view.words.endpoints.failingSince(formatMoscowDate(endpoint.failingSince, view.language)), 'bad');
  return endpoint.status === 'active' ? badge(view.words.endpoints.healthy, 'ok') : escapeHtml(view.words.none);
}

/**
 * An endpoint's URL without what makes it a credential: a Slack incoming-webhook path is the secret itself, and
 * webhook URLs often carry tokens in their path or query. Shows the origin and the first path segment. A Telegram
 * chat (`telegram:@name`) is shown whole: the bot's token is not part of it.
 */
export function redactedUrl(url: string): string {
  if (url.startsWith('telegram:')) return url;
  try {
    const parsed = new URL(url);
    const [first, ...rest] = parsed.pathname.split('/').filter(Boolean);
    return `${parsed.origin}/${first ?? ''}${rest.length > 0 || parsed.search ? '/…' : ''}`;
  } catch {
    return '…';
  }
}
