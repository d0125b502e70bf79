import * as z from 'zod';
import { BillNumberSchema, type BillEvent } from '../../../bill/bill.js';
import type { BillChange, ChangeFact } from '../../../bill/bill-change.js';
import { eventChangeId } from '../../../bill/diff-bills.js';
import { POLL_TIERS, type PollTier } from '../../../bill/poll-tier.js';
import { parseDigestRecipientKey, digestRecipientKey } from '../../../digests/digest-recipient.js';
import { nextPoll } from '../../../pipeline/next-poll.js';
import type { TierPass } from '../../../store/poll-schedule-store.js';
import { stageName, type Language } from '../../../bill/stages.js';
import { escapeHtml } from '../../../email/html-escape.js';
import type { BillRecord } from '../../../store/bill-store.js';
import { billPagePath } from '../../../syndication/public-urls.js';
import type { ConsoleAppDependencies } from '../../api-dependencies.js';
import { HttpError } from '../../http-error.js';
import { htmlResponse } from '../../responses.js';
import { withCursor } from '../../with-cursor.js';
import {
  badge,
  CONSOLE_ROOT,
  consoleHref,
  consolePage,
  dataTable,
  definitions,
  healthBadge,
  healthDetails,
  link,
  pager,
  postForm,
  timeText,
  type ConsoleView,
} from '../console-page.js';
import { ConsolePageQuerySchema, consoleRoute, doneRedirect, noticeOf } from '../console-route.js';
import type { ConsoleStrings } from '../console-strings.js';

const BILLS_PER_PAGE = 25;
const EVENTS_PER_PAGE = 20;
/** Deliveries read per event for its summary; the change's own page lists every one. */
const SUMMARY_DELIVERIES = 100;
const DELIVERIES_PER_PAGE = 50;
const BillParamsSchema = z.object({ billNumber: BillNumberSchema });
const BILLS = `${CONSOLE_ROOT}/bills`;

/** GET /admin/bills: the watch list, a page at a time, and a form to watch a bill. */
export const consoleBillsRoute = consoleRoute({
  method: 'GET',
  path: BILLS,
  operationId: 'consoleBills',
  query: ConsolePageQuerySchema,
  async handle({ query, deps }, view) {
    const { words, language } = view;
    const [page, lastRun, passes] = await Promise.all([
      withCursor(() => deps.bills.listWatchedPage({ limit: BILLS_PER_PAGE, cursor: query.cursor })),
      deps.bills.lastPollRun(),
      tierPasses(deps),
    ]);
    const records = (await Promise.all(page.items.map((number) => deps.bills.get(number)))).filter((record) => record !== undefined);
    const schedule = (record: BillRecord) => nextPollText(deps, record, passes, lastRun?.startedAt, view);
    const columns = words.bills.columns;
    const rows = records.map((record) => [
      `<span class="nowrap">${link(consoleHref(`${BILLS}/${record.number}`, language), record.number)}</span>${
        record.bill ? `<br>${link(publicBillHref(record.number, language), words.bills.publicPage)}` : ''
      }`,
      record.bill ? `<span class="title">${escapeHtml(record.bill.title)}</span>` : `<span class="detail">${escapeHtml(words.bills.notParsed)}</span>`,
      escapeHtml(record.bill?.currentStage ? stageName(record.bill.currentStage, language) : words.none),
      escapeHtml(record.bill?.status || words.none),
      lastEvent(record, language, words),
      timeText(record.health.lastPolledAt, language),
      schedule(record),
      healthBadge(record.health, words),
      postForm(view, `${BILLS}/${record.number}/unwatch`, {}, words.bills.remove, 'secondary small'),
    ]);
    const main = [
      `<p>${escapeHtml(words.bills.intro)}</p>`,
      definitions([
        [
          words.bills.lastRun,
          lastRun
            ? `${timeText(lastRun.finishedAt, language)} — ${escapeHtml(words.bills.runSummary(lastRun.bills, lastRun.changes, runOutcomes(lastRun.outcomes, words.bills.outcomes)))}`
            : escapeHtml(words.never),
        ],
      ]),
      `<form method="post" action="${escapeHtml(consoleHref(BILLS, language))}" class="toolbar">`,
      `<input type="hidden" name="csrf" value="${escapeHtml(view.csrfToken)}">`,
      `<div class="field"><label for="number">${escapeHtml(words.bills.addLabel)}</label>`,
      `<p class="hint" id="number-hint">${escapeHtml(words.bills.addHint)}</p>`,
      `<input type="text" id="number" name="number" required pattern="\\d{1,9}-\\d{1,2}" aria-describedby="number-hint" inputmode="numeric"></div>`,
      `<button type="submit">${escapeHtml(words.bills.add)}</button></form>`,
      dataTable(
        words.sections.bills,
        [columns.number, columns.title, columns.stage, columns.status, columns.lastEvent, columns.lastPolled, columns.nextPoll, columns.health, words.actions],
        rows,
        words.none,
      ),
      pager(words, language, BILLS, { cursor: query.cursor }, page.cursor),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'bills', title: words.sections.bills, main, notice: noticeOf(view, query) }));
  },
});

/** POST /admin/bills: puts a bill on the watch list (idempotent). */
export const consoleWatchBillRoute = consoleRoute({
  method: 'POST',
  path: BILLS,
  operationId: 'consoleWatchBill',
  query: ConsolePageQuerySchema,
  form: z.object({ number: BillNumberSchema }),
  async handle({ body, deps }, view) {
    await deps.bills.watch(body.number);
    return doneRedirect(BILLS, view, 'watched', body.number);
  },
});

/** POST /admin/bills/{billNumber}/unwatch: takes a bill off the watch list; its history stays. */
export const consoleUnwatchBillRoute = consoleRoute({
  method: 'POST',
  path: `${BILLS}/{billNumber}/unwatch`,
  operationId: 'consoleUnwatchBill',
  params: BillParamsSchema,
  query: ConsolePageQuerySchema,
  form: z.object({}),
  async handle({ params, deps }, view) {
    await deps.bills.unwatch(params.billNumber);
    return doneRedirect(BILLS, view, 'unwatched', params.billNumber);
  },
});

/** GET /admin/bills/{billNumber}: the bill, its source health, and its timeline with the alerts each event caused. */
export const consoleBillRoute = consoleRoute({
  method: 'GET',
  path: `${BILLS}/{billNumber}`,
  operationId: 'consoleBill',
  params: BillParamsSchema,
  query: ConsolePageQuerySchema,
  async handle({ params, query, deps }, view) {
    const { words, language } = view;
    const record = await deps.bills.get(params.billNumber);
    if (!record) throw new HttpError(404, 'not_found', words.bills.notFound);
    const offset = pageOffset(query.cursor);
    const [changes, lastRun, passes] = await Promise.all([deps.console.changes.listForBill(record.number), deps.bills.lastPollRun(), tierPasses(deps)]);
    const entries = timelineEntries(record, changes);
    const rows = await Promise.all(entries.slice(offset, offset + EVENTS_PER_PAGE).map((entry) => timelineRow(deps, record.number, entry, view)));
    const columns = words.bills.timelineColumns;
    const bill = record.bill;
    const main = [
      definitions([
        [words.bills.columns.title, escapeHtml(bill?.title ?? words.bills.notParsed)],
        [words.bills.columns.stage, escapeHtml(bill?.currentStage ? stageName(bill.currentStage, language) : words.none)],
        [words.bills.columns.status, escapeHtml(bill?.status || words.none)],
        ...(bill?.lawNumber ? ([[words.bills.lawNumber, escapeHtml(bill.lawNumber)]] as const) : []),
        [words.bills.watchList, record.watched ? badge(words.bills.watched, 'ok') : badge(words.bills.notWatched, 'neutral')],
        ...(bill ? ([[words.bills.publicPage, link(publicBillHref(record.number, language), billPagePath(record.number))]] as const) : []),
        ...(bill ? ([[words.bills.sozd, `<a href="${escapeHtml(bill.url)}" rel="noreferrer">${escapeHtml(bill.url)}</a>`]] as const) : []),
      ]),
      healthDetails(record.health, words, language),
      record.watched ? definitions([[words.bills.columns.nextPoll, nextPollText(deps, record, passes, lastRun?.startedAt, view)]]) : '',
      record.watched ? postForm(view, `${BILLS}/${record.number}/unwatch`, {}, words.bills.remove, 'secondary') : '',
      `<h2>${escapeHtml(words.bills.timeline)}</h2>`,
      `<p>${escapeHtml(words.bills.timelineIntro)}</p>`,
      dataTable(words.bills.timeline, [columns.date, columns.event, columns.stage, columns.change, columns.alerts], rows, words.bills.noEvents),
      pager(words, language, `${BILLS}/${record.number}`, { cursor: query.cursor }, offset + EVENTS_PER_PAGE < entries.length ? String(offset + EVENTS_PER_PAGE) : undefined),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'bills', title: words.bills.billTitle(record.number), main }));
  },
});

/** GET /admin/bills/{billNumber}/changes/{changeId}: every delivery of one change, per channel and recipient. */
export const consoleChangeRoute = consoleRoute({
  method: 'GET',
  path: `${BILLS}/{billNumber}/changes/{changeId}`,
  operationId: 'consoleChange',
  params: BillParamsSchema.extend({ changeId: z.string().min(1).max(300) }),
  query: ConsolePageQuerySchema,
  async handle({ params, query, deps }, view) {
    const { words, language } = view;
    const change = await deps.console.changes.get(params.billNumber, params.changeId);
    if (!change) throw new HttpError(404, 'not_found', 'no such change');
    const page = await withCursor(() => deps.deliveries.listForChangePage(change.id, { limit: DELIVERIES_PER_PAGE, cursor: query.cursor }));
    const columns = words.change.columns;
    const emails = new Map(
      await Promise.all(
        page.items
          .filter((delivery) => delivery.channel === 'email')
          .map(async (delivery) => [delivery.recipient, (await deps.subscriptions.get(delivery.recipient, deps.now()))?.email] as const),
      ),
    );
    const title = change.event ? words.change.title(change.event.eventNumber, change.billNumber) : words.change.statusTitle(change.billNumber);
    const rows = page.items.map((delivery) => [
      escapeHtml(delivery.channel),
      recipientLink(delivery.channel, delivery.recipient, emails.get(delivery.recipient), language),
      stateBadge(delivery.status),
      escapeHtml(delivery.attempts === undefined ? words.none : String(delivery.attempts)),
      `<span class="detail">${escapeHtml(delivery.detail ?? '')}</span>`,
    ]);
    const main = [
      definitions([
        [words.bills.columns.number, link(consoleHref(`${BILLS}/${change.billNumber}`, language), change.billNumber)],
        [words.bills.timelineColumns.event, escapeHtml(change.event ? `${change.event.eventNumber} ${change.event.name}` : words.none)],
        [words.bills.timelineColumns.change, escapeHtml(change.facts.map((fact) => factText(fact, words, language)).join('; '))],
        [words.change.id, `<span class="detail">${escapeHtml(change.id)}</span>`],
      ]),
      `<p>${escapeHtml(words.change.intro)}</p>`,
      dataTable(title, [columns.channel, columns.recipient, columns.state, columns.attempts, columns.detail], rows, words.bills.noDeliveries),
      pager(words, language, `${BILLS}/${change.billNumber}/changes/${encodeURIComponent(change.id)}`, { cursor: query.cursor }, page.cursor),
      `<h2>${escapeHtml(words.change.digestsTitle)}</h2>`,
      `<p>${escapeHtml(words.change.digestsIntro)}</p>`,
      await digestTable(deps, change, view),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'bills', title, main }));
  },
});

/** A line of a bill's timeline: a dated event (with the change it made, if it alerted) or a status-only change. */
type TimelineEntry = { kind: 'event'; event: BillEvent; change?: BillChange } | { kind: 'status'; change: BillChange };

/**
 * The bill's timeline, newest first: each dated event of its snapshot with the change it made, and each change that
 * came without an event (a status change, an archive), dated when it was seen.
 */
function timelineEntries(record: BillRecord, changes: readonly BillChange[]): TimelineEntry[] {
  const byId = new Map(changes.map((change) => [change.id, change]));
  const entries: { at: string; entry: TimelineEntry }[] = [
    // Newest first already, so that events of one day keep their order through the (stable) sort.
    ...[...(record.bill?.events ?? [])].reverse().map((event) => {
      const change = byId.get(eventChangeId(record.number, event.id));
      return { at: event.date, entry: { kind: 'event' as const, event, ...(change ? { change } : {}) } };
    }),
    ...changes.filter((change) => change.kind === 'status').map((change) => ({ at: change.detectedAt, entry: { kind: 'status' as const, change } })),
  ];
  // Dates compare as instants; an event's day-only date sorts before a status change seen later that day.
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).map(({ entry }) => entry);
}

/** One row of the timeline: the event or status change, the change it made (if it alerted), and its alerts by channel and state. */
async function timelineRow(deps: ConsoleAppDependencies, billNumber: string, entry: TimelineEntry, view: ConsoleView): Promise<string[]> {
  const { words, language } = view;
  const change = entry.change;
  let changeCell = `<span class="detail">${escapeHtml(words.bills.baseline)}</span>`;
  let alertsCell = escapeHtml(words.none);
  if (change) {
    changeCell = escapeHtml(change.facts.map((fact) => factText(fact, words, language)).join('; '));
    const deliveries = await deps.deliveries.listForChangePage(change.id, { limit: SUMMARY_DELIVERIES });
    const counts = new Map<string, Map<string, number>>();
    for (const delivery of deliveries.items) {
      const byState = counts.get(delivery.channel) ?? new Map<string, number>();
      byState.set(delivery.status, (byState.get(delivery.status) ?? 0) + 1);
      counts.set(delivery.channel, byState);
    }
    const summary = [...counts.entries()].map(
      ([channel, byState]) => `<li><strong>${escapeHtml(channel)}</strong> ${[...byState.entries()].map(([state, count]) => `${count}&nbsp;${stateBadge(state)}`).join(' ')}</li>`,
    );
    const more = link(consoleHref(`${BILLS}/${billNumber}/changes/${encodeURIComponent(change.id)}`, language), words.bills.allDeliveries);
    alertsCell = summary.length > 0 ? `<ul class="counts">${summary.join('')}</ul>${more}` : `${escapeHtml(words.bills.noDeliveries)} · ${more}`;
  }
  if (entry.kind === 'status') {
    return [timeText(entry.change.detectedAt, language), `<span class="detail">${escapeHtml(words.bills.statusOnly)}</span>`, escapeHtml(words.none), changeCell, alertsCell];
  }
  return [
    timeText(entry.event.date, language),
    `<span class="event-number">${escapeHtml(entry.event.eventNumber)}</span> ${escapeHtml(entry.event.name)}`,
    escapeHtml(stageName(entry.event.stage, language)),
    changeCell,
    alertsCell,
  ];
}

/** Each tier's current pass (one read each), for every bill's next poll on a page. */
async function tierPasses(deps: ConsoleAppDependencies): Promise<Partial<Record<PollTier, TierPass>>> {
  const passes = await Promise.all(POLL_TIERS.map(async (tier) => [tier, await deps.console.schedule.pass(tier)] as const));
  return Object.fromEntries(passes.filter(([, pass]) => pass !== undefined));
}

/** When a watched bill is polled next, with its tier; a dash for a bill off the watch list. */
function nextPollText(deps: ConsoleAppDependencies, record: BillRecord, passes: Partial<Record<PollTier, TierPass>>, lastRunAt: string | undefined, view: ConsoleView): string {
  const { words, language } = view;
  if (!record.watched) return escapeHtml(words.none);
  const next = nextPoll({ number: record.number, tier: record.pollTier, missingRetryAt: record.missingRetryAt }, passes, deps.console.polling, lastRunAt, deps.now());
  const tier = next.tier ? `<br><span class="detail">${escapeHtml(words.bills.tiers[next.tier])}</span>` : '';
  return `${escapeHtml(words.bills.nextPoll[next.kind])} ${timeText(next.at, language)}${tier}`;
}

/** Largest number of digest followers whose entry for one change the change's page reads. */
const DIGEST_FOLLOWERS = 50;

/**
 * The change's place on each digest follower's list (daily and weekly email subscribers, Slack and Telegram
 * channels): waiting for the next digest, sent in one, or not on the list (it followed later, or its stage filter
 * left the change out).
 */
async function digestTable(deps: ConsoleAppDependencies, change: BillChange, view: ConsoleView): Promise<string> {
  const { words, language } = view;
  const recipients: { key: string; frequency: string }[] = [];
  for await (const page of deps.console.followers.listRoutes(change.billNumber)) {
    for (const route of page) {
      if (route.frequency === 'instant' || route.channel === 'webhook') continue;
      recipients.push({ key: digestRecipientKey(route.channel, route.endpointId ?? route.subscriberId), frequency: route.frequency });
    }
    if (recipients.length >= DIGEST_FOLLOWERS) break;
  }
  const shown = recipients.slice(0, DIGEST_FOLLOWERS);
  const rows = await Promise.all(
    shown.map(async ({ key, frequency }) => {
      const recipient = parseDigestRecipientKey(key)!;
      const email = recipient.channel === 'email' ? (await deps.subscriptions.get(recipient.id, deps.now()))?.email : undefined;
      const state = await deps.console.digestEntries.entryState(key, change.id);
      return [
        escapeHtml(recipient.channel),
        recipientLink(recipient.channel, recipient.id, email, language),
        escapeHtml(frequency === 'daily' ? words.subscribers.frequencies.daily : words.subscribers.frequencies.weekly),
        state ? badge(words.change.digestStates[state], state === 'sent' ? 'ok' : 'warn') : badge(words.change.digestStates.absent, 'neutral'),
      ];
    }),
  );
  const columns = words.change.columns;
  const note = recipients.length > DIGEST_FOLLOWERS ? `<p class="hint">${escapeHtml(words.change.digestsFirst(DIGEST_FOLLOWERS))}</p>` : '';
  return dataTable(words.change.digestsTitle, [columns.channel, columns.recipient, words.subscribers.frequency, columns.state], rows, words.change.noDigests) + note;
}

/** The bill's public page, in the console's language. */
function publicBillHref(number: string, language: Language): string {
  return `${billPagePath(number)}?lang=${language}`;
}

/** A delivery state, coloured by whether it needs a look. */
export function stateBadge(state: string): string {
  const tone = ['sent', 'delivered'].includes(state) ? 'ok' : ['failed', 'missed'].includes(state) ? 'bad' : ['skipped'].includes(state) ? 'neutral' : 'warn';
  return badge(state, tone);
}

function recipientLink(channel: string, recipient: string, email: string | undefined, language: Language): string {
  if (channel === 'email') return link(consoleHref(`${CONSOLE_ROOT}/subscribers`, language, { id: recipient }), email ?? recipient);
  return link(consoleHref(`${CONSOLE_ROOT}/endpoints/${recipient}`, language), recipient);
}

function factText(fact: ChangeFact, words: ConsoleStrings, language: Language): string {
  switch (fact.type) {
    case 'new-event':
      return words.bills.newEvent;
    case 'stage-changed':
      return words.bills.stageChange(fact.from ? stageName(fact.from, language) : words.none, stageName(fact.to, language));
    case 'status-changed':
      return words.bills.statusChange(fact.from, fact.to);
    case 'law-number-assigned':
      return words.bills.lawAssigned(fact.lawNumber);
    case 'published':
      return words.bills.published;
  }
}

function lastEvent(record: BillRecord, language: Language, words: ConsoleStrings): string {
  const event = record.bill?.events.at(-1);
  return event ? `${timeText(event.date, language)}<br><span class="detail">${escapeHtml(event.name)}</span>` : escapeHtml(words.none);
}

/** The timeline's pages are offsets into the snapshot's events (one item, already read). */
function pageOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,6}$/.test(cursor)) throw new HttpError(400, 'validation_failed', 'invalid query.cursor', [{ field: 'query.cursor', message: 'not a page of this timeline' }]);
  return Number(cursor);
}

/** The ways the last run's polls ended, in the page's words, leaving out those no bill ended in. */
function runOutcomes(outcomes: Record<string, number>, labels: Record<string, string>): string {
  return Object.entries(outcomes)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${labels[outcome] ?? outcome}: ${count}`)
    .join(', ');
}
