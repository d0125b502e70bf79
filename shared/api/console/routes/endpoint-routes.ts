import * as z from 'zod';
import { escapeHtml } from '../../../email/html-escape.js';
import { formatMoscowDate } from '../../../email/moscow-date.js';
import type { Endpoint } from '../../../webhooks/endpoint.js';
import { EndpointOriginsSchema, EndpointRegistrationSchema } from '../../../webhooks/endpoint.js';
import {
  EndpointRegistrationError,
  enableEndpoint,
  listDeliveries,
  registerEndpoint,
  sendTestEvent,
  setEndpointOrigins,
  setEndpointWeekAhead,
  WeekAheadNotForWebhooksError,
} from '../../../webhooks/endpoint-service.js';
import type { ConsoleAppDependencies } from '../../api-dependencies.js';
import { HttpError } from '../../http-error.js';
import { htmlResponse } from '../../responses.js';
import { withCursor } from '../../with-cursor.js';
import { asValidationFailure } from '../../routes/endpoint-routes.js';
import { EndpointIdParamsSchema } from '../../routes/endpoint-schemas.js';
import { badge, CONSOLE_ROOT, consoleHref, consolePage, dataTable, definitions, link, pager, postForm, timeText, type ConsoleView } from '../console-page.js';
import { ConsolePageQuerySchema, consoleRoute, doneRedirect, noticeOf } from '../console-route.js';
import type { ConsoleNotice } from '../console-strings.js';
import { stateBadge } from './bill-routes.js';

const ENDPOINTS = `${CONSOLE_ROOT}/endpoints`;
const PER_PAGE = 25;

/** GET /admin/endpoints: every webhook, Slack and Telegram endpoint with its health and actions, and the form to add one. */
export const consoleEndpointsRoute = consoleRoute({
  method: 'GET',
  path: ENDPOINTS,
  operationId: 'consoleEndpoints',
  query: ConsolePageQuerySchema,
  async handle({ query, deps }, view) {
    return htmlResponse(200, await endpointsPage(deps, view, query));
  },
});

// Names run to 300 characters, and there may be 50 of each.
const ORIGIN_LINES_MAX_CHARS = 16_000;
/** One name per line, blank lines left out (the schema trims and checks each). */
const namesOf = (text: string) => text.split(/\r?\n/).filter((line) => line.trim() !== '');

/** The form's fields as a browser sends them: empty inputs are absent, the bills one line, committees and initiators one per line. */
const blank = (value: unknown) => (value === '' ? undefined : value);
const RegistrationFormSchema = z.object({
  kind: z.string().max(20),
  url: z.preprocess(blank, z.string().max(2048).optional()),
  chatId: z.preprocess(blank, z.string().max(100).optional()),
  ownerEmail: z.string().max(254),
  bills: z.string().max(4000).default(''),
  committees: z.string().max(ORIGIN_LINES_MAX_CHARS).default(''),
  initiators: z.string().max(ORIGIN_LINES_MAX_CHARS).default(''),
  language: z.string().max(5).default('ru'),
  frequency: z.string().max(10).default('instant'),
  weekAhead: z.string().max(5).optional(),
});

/**
 * POST /admin/endpoints: registers a webhook, Slack or Telegram endpoint, as the admin API and the CLI do (the same
 * checks: SSRF policy, Slack's hooks, a test message a Telegram chat must accept). The answer is a page, not a
 * redirect: a webhook's signing secret is shown on it once and never put in a URL. A refusal shows the form again.
 */
export const consoleRegisterEndpointRoute = consoleRoute({
  method: 'POST',
  path: ENDPOINTS,
  operationId: 'consoleRegisterEndpoint',
  query: ConsolePageQuerySchema,
  form: RegistrationFormSchema,
  async handle({ body, query, deps }, view) {
    const { words, language } = view;
    const { kind, url, chatId, ownerEmail, bills, committees, initiators, language: endpointLanguage, frequency, weekAhead } = body;
    const input = {
      kind,
      url,
      chatId,
      ownerEmail,
      language: endpointLanguage,
      frequency,
      bills: bills.split(/[\s,;]+/).filter(Boolean),
      committees: namesOf(committees),
      initiators: namesOf(initiators),
      ...(weekAhead === 'on' ? { weekAhead: true } : {}),
    };
    const registration = EndpointRegistrationSchema.safeParse(input);
    if (!registration.success) {
      const problem = registration.error.issues.map((issue) => `${issue.path.join('.') || 'form'}: ${issue.message}`).join('; ');
      return htmlResponse(400, await endpointsPage(deps, view, query, { problem, values: body }));
    }
    try {
      const { endpoint, secret } = await registerEndpoint(deps.endpointService, registration.data);
      deps.logger.info('console registered an endpoint', { endpointId: endpoint.id, kind: endpoint.kind });
      const main = [
        definitions([
          [words.endpoints.columns.endpoint, `${badge(endpoint.kind, 'neutral')} ${link(consoleHref(`${ENDPOINTS}/${endpoint.id}`, language), redactedUrl(endpoint.url))}`],
          [words.endpoints.id, `<span class="detail">${escapeHtml(endpoint.id)}</span>`],
          ...(secret ? ([[words.endpoints.secret, `<code class="secret">${escapeHtml(secret)}</code>`]] as const) : []),
        ]),
        secret ? `<p class="hint">${escapeHtml(words.endpoints.secretOnce)}</p>` : '',
        `<p>${escapeHtml(words.endpoints.testSent)}</p>`,
        `<p>${link(consoleHref(`${ENDPOINTS}/${endpoint.id}`, language), words.endpoints.open)}</p>`,
      ].join('\n');
      return htmlResponse(200, consolePage(view, { section: 'endpoints', title: words.endpoints.registered, main }));
    } catch (error) {
      if (!(error instanceof EndpointRegistrationError)) throw error;
      return htmlResponse(400, await endpointsPage(deps, view, query, { problem: `${error.field}: ${error.message}`, values: body }));
    }
  },
});

/** The endpoints page: the registration form (with what was typed and why it was refused, after a refusal) and the list. */
async function endpointsPage(
  deps: ConsoleAppDependencies,
  view: ConsoleView,
  query: { cursor?: string; done?: ConsoleNotice; n?: string },
  refused?: { problem: string; values: Partial<Record<keyof z.infer<typeof RegistrationFormSchema>, string>> },
): Promise<string> {
  const { words, language } = view;
  const page = await withCursor(() => deps.endpointService.endpoints.list({ limit: PER_PAGE, cursor: query.cursor }));
  const columns = words.endpoints.columns;
  const rows = page.items.map((endpoint) => [
    `${badge(endpoint.kind, 'neutral')} ${link(consoleHref(`${ENDPOINTS}/${endpoint.id}`, language), redactedUrl(endpoint.url))}<br><span class="detail">${escapeHtml(endpoint.id)}</span>`,
    escapeHtml(endpoint.ownerEmail),
    statusBadge(endpoint, view),
    followsText(endpoint, view),
    weekAheadText(endpoint, view),
    healthText(endpoint, view),
    actions(endpoint, view),
  ]);
  const main = [
    `<p>${escapeHtml(words.endpoints.intro)}</p>`,
    refused ? `<div class="notice problem" role="alert"><p>${escapeHtml(words.endpoints.refused(refused.problem))}</p></div>` : '',
    registrationForm(view, refused?.values ?? {}),
    dataTable(words.sections.endpoints, [columns.endpoint, columns.owner, columns.status, columns.bills, words.endpoints.weekAhead, columns.health, words.actions], rows, words.none),
    pager(words, language, ENDPOINTS, { cursor: query.cursor }, page.cursor),
  ].join('\n');
  return consolePage(view, { section: 'endpoints', title: words.sections.endpoints, main, notice: query.done ? words.notices[query.done](query.n ?? '') : undefined });
}

/** The registration form: the kind, then a URL (webhook, Slack) or a chat id (Telegram), the owner and the bills. */
function registrationForm(view: ConsoleView, values: Partial<Record<string, string>>): string {
  const { words, language } = view;
  const form = words.endpoints.form;
  const input = (name: string, label: string, hint: string, type = 'text', extra = '') =>
    `<div class="field"><label for="ep-${name}">${escapeHtml(label)}</label><p class="hint" id="ep-${name}-hint">${escapeHtml(hint)}</p>` +
    `<input type="${type}" id="ep-${name}" name="${name}" value="${escapeHtml(values[name] ?? '')}" aria-describedby="ep-${name}-hint"${extra}></div>`;
  const select = (name: string, label: string, options: Record<string, string>, chosen: string) =>
    `<div class="field"><label for="ep-${name}">${escapeHtml(label)}</label><select id="ep-${name}" name="${name}">${Object.entries(options)
      .map(([value, text]) => `<option value="${value}"${value === chosen ? ' selected' : ''}>${escapeHtml(text)}</option>`)
      .join('')}</select></div>`;
  return [
    `<details class="register"${values.kind ? ' open' : ''}><summary>${escapeHtml(form.title)}</summary>`,
    `<form method="post" action="${escapeHtml(consoleHref(ENDPOINTS, language))}">`,
    `<input type="hidden" name="csrf" value="${escapeHtml(view.csrfToken)}">`,
    select('kind', form.kind, form.kinds, values.kind ?? 'webhook'),
    input('url', form.url, form.urlHint, 'url'),
    input('chatId', form.chat, form.chatHint),
    input('ownerEmail', form.owner, form.ownerHint, 'email', ' required'),
    input('bills', form.bills, form.billsHint),
    textArea('ep-committees', 'committees', words.endpoints.committees, words.endpoints.follows.committeesHint, values.committees ?? ''),
    textArea('ep-initiators', 'initiators', words.endpoints.initiators, words.endpoints.follows.initiatorsHint, values.initiators ?? ''),
    select('language', form.language, { ru: 'русский', en: 'English' }, values.language ?? language),
    select('frequency', form.frequency, words.subscribers.frequencies, values.frequency ?? 'instant'),
    `<div class="field choice"><input type="checkbox" id="ep-weekAhead" name="weekAhead" value="on"${values.weekAhead === 'on' ? ' checked' : ''}><label for="ep-weekAhead">${escapeHtml(form.weekAhead)}</label></div>`,
    `<button type="submit">${escapeHtml(form.submit)}</button>`,
    '</form></details>',
  ].join('\n');
}

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
        [words.endpoints.committees, namesText(endpoint.committees, view)],
        [words.endpoints.initiators, namesText(endpoint.initiators, view)],
        [words.endpoints.weekAhead, weekAheadText(endpoint, view)],
      ]),
      `<div class="actions">${actions(endpoint, view)}${weekAheadToggle(endpoint, view)}</div>`,
      `<p class="hint">${escapeHtml(words.endpoints.replayHint)}</p>`,
      followsForm(endpoint, view),
      `<h2>${escapeHtml(words.endpoints.deliveriesTitle)}</h2>`,
      dataTable(words.endpoints.deliveriesTitle, [columns.when, columns.event, columns.state, columns.attempts, columns.result], rows, words.none),
      pager(words, language, `${ENDPOINTS}/${endpoint.id}`, { cursor: query.cursor }, log.cursor),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'endpoints', title: redactedUrl(endpoint.url), main, notice: noticeOf(view, query) }));
  },
});

const endpointAction = (action: 'ping' | 'disable' | 'enable', run: (deps: ConsoleAppDependencies, endpoint: Endpoint) => Promise<string>) =>
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

/**
 * POST /admin/endpoints/{endpointId}/follows: replaces the committees and initiators it follows (one per line), as the
 * admin API's PATCH does, with the same checks; a refusal is a page naming the field, and nothing changes.
 */
export const consoleEndpointFollowsRoute = consoleRoute({
  method: 'POST',
  path: `${ENDPOINTS}/{endpointId}/follows`,
  operationId: 'consoleEndpointFollows',
  params: EndpointIdParamsSchema,
  query: ConsolePageQuerySchema,
  form: z.object({ committees: z.string().max(ORIGIN_LINES_MAX_CHARS).default(''), initiators: z.string().max(ORIGIN_LINES_MAX_CHARS).default('') }),
  async handle({ params, body, deps }, view) {
    const endpoint = await requireEndpoint(deps, params.endpointId, view);
    const change = EndpointOriginsSchema.safeParse({ committees: namesOf(body.committees), initiators: namesOf(body.initiators) });
    if (!change.success) {
      const issues = change.error.issues.map((issue) => ({ field: `body.${String(issue.path[0])}`, message: issue.message }));
      throw new HttpError(400, 'validation_failed', 'invalid committees or initiators', issues);
    }
    await setEndpointOrigins(deps.endpointService, endpoint.id, change.data).catch(asValidationFailure);
    deps.logger.info('console changed what an endpoint follows', { endpointId: endpoint.id });
    return doneRedirect(`${ENDPOINTS}/${endpoint.id}`, view, 'followsSaved');
  },
});

/** POST /admin/endpoints/{endpointId}/week-ahead: turns a Slack or Telegram endpoint's Monday post on or off (409 for a webhook). */
export const consoleEndpointWeekAheadRoute = consoleRoute({
  method: 'POST',
  path: `${ENDPOINTS}/{endpointId}/week-ahead`,
  operationId: 'consoleEndpointWeekAhead',
  params: EndpointIdParamsSchema,
  query: ConsolePageQuerySchema,
  form: z.object({ weekAhead: z.enum(['on', 'off']) }),
  async handle({ params, body, deps }, view) {
    const endpoint = await requireEndpoint(deps, params.endpointId, view);
    await setEndpointWeekAhead(deps.endpointService, endpoint.id, body.weekAhead === 'on').catch((error: unknown) => {
      if (error instanceof WeekAheadNotForWebhooksError) throw new HttpError(409, 'not_slack_or_telegram', error.message);
      throw error;
    });
    return doneRedirect(`${ENDPOINTS}/${endpoint.id}`, view, body.weekAhead === 'on' ? 'weekAheadOn' : 'weekAheadOff');
  },
});

async function requireEndpoint(deps: ConsoleAppDependencies, endpointId: string, view: ConsoleView): Promise<Endpoint> {
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

/** The bills it follows, then the committees and initiators, each list on its own line. */
function followsText(endpoint: Endpoint, view: ConsoleView): string {
  const { words } = view;
  const lines = [
    escapeHtml(endpoint.bills.join(', ') || words.none),
    ...(endpoint.committees?.length ? [`<span class="detail">${escapeHtml(`${words.endpoints.committees}: ${endpoint.committees.join('; ')}`)}</span>`] : []),
    ...(endpoint.initiators?.length ? [`<span class="detail">${escapeHtml(`${words.endpoints.initiators}: ${endpoint.initiators.join('; ')}`)}</span>`] : []),
  ];
  return lines.join('<br>');
}

function namesText(names: readonly string[] | undefined, view: ConsoleView): string {
  return names?.length ? names.map((name) => escapeHtml(name)).join('<br>') : escapeHtml(view.words.none);
}

/** On, off, or why a webhook has none. */
function weekAheadText(endpoint: Endpoint, view: ConsoleView): string {
  const words = view.words.endpoints;
  if (endpoint.kind === 'webhook') return `<span class="detail">${escapeHtml(words.weekAheadWebhook)}</span>`;
  return endpoint.weekAhead ? badge(words.weekAheadOn, 'ok') : badge(words.weekAheadOff, 'neutral');
}

/** The button that turns a Slack or Telegram endpoint's week ahead the other way; webhooks have none. */
function weekAheadToggle(endpoint: Endpoint, view: ConsoleView): string {
  if (endpoint.kind === 'webhook') return '';
  const words = view.words.endpoints;
  const path = `${ENDPOINTS}/${endpoint.id}/week-ahead`;
  return endpoint.weekAhead
    ? postForm(view, path, { weekAhead: 'off' }, words.turnWeekAheadOff, 'secondary small')
    : postForm(view, path, { weekAhead: 'on' }, words.turnWeekAheadOn, 'small');
}

/** The form that replaces the committees and initiators it follows, one per line. */
function followsForm(endpoint: Endpoint, view: ConsoleView): string {
  const { words, language } = view;
  const follows = words.endpoints.follows;
  return [
    `<h2>${escapeHtml(follows.title)}</h2>`,
    `<p class="hint">${escapeHtml(follows.hint)}</p>`,
    `<form method="post" action="${escapeHtml(consoleHref(`${ENDPOINTS}/${endpoint.id}/follows`, language))}">`,
    `<input type="hidden" name="csrf" value="${escapeHtml(view.csrfToken)}">`,
    textArea('follows-committees', 'committees', words.endpoints.committees, follows.committeesHint, (endpoint.committees ?? []).join('\n')),
    textArea('follows-initiators', 'initiators', words.endpoints.initiators, follows.initiatorsHint, (endpoint.initiators ?? []).join('\n')),
    `<button type="submit">${escapeHtml(follows.submit)}</button>`,
    '</form>',
  ].join('\n');
}

/** A labelled text area with its hint, one name per line. */
function textArea(id: string, name: string, label: string, hint: string, value: string): string {
  return (
    `<div class="field"><label for="${id}">${escapeHtml(label)}</label><p class="hint" id="${id}-hint">${escapeHtml(hint)}</p>` +
    `<textarea id="${id}" name="${name}" rows="3" aria-describedby="${id}-hint">${escapeHtml(value)}</textarea></div>`
  );
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
