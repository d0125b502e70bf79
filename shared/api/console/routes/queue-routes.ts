import * as z from 'zod';
import { readQueueDepths, type QueueDepth } from '../../../cli/queue-depths.js';
import { escapeHtml } from '../../../email/html-escape.js';
import { peekDeadLetters, redriveDeadLetters, type DeadLetter } from '../../../queue/dead-letter-queue.js';
import type { OldestMessage } from '../../../queue/oldest-message.js';
import type { ConsoleDependencies } from '../../api-dependencies.js';
import { HttpError } from '../../http-error.js';
import { htmlResponse } from '../../responses.js';
import { badge, CONSOLE_ROOT, consolePage, dataTable, postForm, timeText, type ConsoleView } from '../console-page.js';
import { ConsoleQuerySchema, consoleRoute, doneRedirect, noticeOf } from '../console-route.js';

const QUEUES = `${CONSOLE_ROOT}/queues`;
/** Dead letters shown per queue: a look, not a dump; the redrive moves them all. */
const PEEKED = 10;
/** Messages moved per click: well inside the API's 10-second timeout. */
const REDRIVE_BATCH = 100;
const BODY_CHARS = 600;

/** GET /admin/queues: each queue's depth, and each dead-letter queue's oldest messages with a redrive button. */
export const consoleQueuesRoute = consoleRoute({
  method: 'GET',
  path: QUEUES,
  operationId: 'consoleQueues',
  query: ConsoleQuerySchema,
  async handle({ query, deps }, view) {
    const { words } = view;
    const { sqs, queues } = deps.console;
    const configured = queues.filter((queue) => queue.url !== undefined);
    const [depths, letters, ages] = await Promise.all([
      readQueueDepths(sqs, [...queues]),
      Promise.all(queues.map(async (queue) => (queue.dlq && queue.url ? peekDeadLetters(sqs, queue.url, PEEKED) : undefined))),
      deps.console.oldestMessages(configured.map((queue) => queue.url!)),
    ]);
    const oldestOf = new Map(configured.map((queue, index) => [queue.label, ages[index]!]));
    const columns = words.queues.columns;
    const rows = depths.map((depth, index) => [
      escapeHtml(depth.label),
      ...countCells(depth, view),
      oldestCell(oldestOf.get(depth.label), letters[index], deps.now(), view),
    ]);
    const deadLetterSections = depths.flatMap((depth, index) => {
      const peeked = letters[index];
      if (!depth.dlq || !peeked || peeked.length === 0) return [];
      const target = sourceOf(queues, depth.label);
      const messageColumns = words.queues.messageColumns;
      const messageRows = peeked.map((letter) => [
        timeText(letter.sentAt, view.language),
        escapeHtml(String(letter.receiveCount)),
        `<pre>${escapeHtml(letter.body.length > BODY_CHARS ? `${letter.body.slice(0, BODY_CHARS)}…` : letter.body)}</pre>`,
      ]);
      return [
        `<section aria-labelledby="dlq-${index}"><h3 id="dlq-${index}">${escapeHtml(depth.label)}</h3>`,
        dataTable(depth.label, [messageColumns.sent, messageColumns.receives, messageColumns.body], messageRows, words.queues.empty),
        peeked.length > 0 && target?.url ? `${postForm(view, `${QUEUES}/redrive`, { queue: depth.label }, words.queues.redrive(target.label))}` : '',
        '</section>',
      ];
    });
    const emptyQueues = depths.filter((depth, index) => depth.dlq && letters[index]?.length === 0).map((depth) => depth.label);
    const main = [
      `<p>${escapeHtml(words.queues.intro)}</p>`,
      dataTable(words.sections.queues, [columns.queue, columns.waiting, columns.inFlight, columns.oldest], rows, words.none),
      `<p class="hint">${escapeHtml(words.queues.oldestNote)}</p>`,
      `<h2>${escapeHtml(words.queues.deadLetters)}</h2>`,
      `<p>${escapeHtml(words.queues.deadLettersIntro)} ${escapeHtml(words.queues.redriveHint)}</p>`,
      ...deadLetterSections,
      emptyQueues.length > 0 ? `<p class="empty">${escapeHtml(words.queues.emptyQueues(emptyQueues.join(', ')))}</p>` : '',
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'queues', title: words.sections.queues, main, notice: noticeOf(view, query) }));
  },
});

/** POST /admin/queues/redrive: moves a dead-letter queue's messages back to the queue they came from. */
export const consoleRedriveRoute = consoleRoute({
  method: 'POST',
  path: `${QUEUES}/redrive`,
  operationId: 'consoleRedrive',
  query: ConsoleQuerySchema,
  form: z.object({ queue: z.string().min(1).max(100) }),
  async handle({ body, deps }, view) {
    const { sqs, queues } = deps.console;
    const dlq = queues.find((queue) => queue.dlq && queue.label === body.queue);
    const target = dlq && sourceOf(queues, dlq.label);
    if (!dlq?.url || !target?.url) throw new HttpError(404, 'not_found', 'no such dead-letter queue');
    const moved = await redriveDeadLetters(sqs, dlq.url, target.url, REDRIVE_BATCH);
    deps.logger.info('console redrive', { from: dlq.label, to: target.label, moved });
    return doneRedirect(QUEUES, view, 'redriven', String(moved));
  },
});

/** The queue a dead-letter queue serves: same label without " DLQ" (shared/cli/queue-depths.ts names them so). */
function sourceOf(queues: ConsoleDependencies['queues'], dlqLabel: string) {
  return queues.find((queue) => !queue.dlq && `${queue.label} DLQ` === dlqLabel);
}

function countCells(depth: QueueDepth, view: ConsoleView): [string, string] {
  // A dead letter waiting is something to look at; a working queue's backlog is normal.
  if (depth.kind === 'depth') return [depth.dlq && depth.visible > 0 ? badge(String(depth.visible), 'bad') : escapeHtml(String(depth.visible)), escapeHtml(String(depth.inFlight))];
  const text = depth.kind === 'not-configured' ? view.words.queues.notConfigured : view.words.queues.unavailable(depth.error);
  return [`<span class="detail">${escapeHtml(text)}</span>`, ''];
}

/**
 * A queue's oldest message: when it was sent and how long it has waited. When the source cannot say (no CloudWatch
 * datapoint for an idle queue), a dead-letter queue's is its oldest peeked message.
 */
function oldestCell(oldest: OldestMessage | undefined, letters: readonly DeadLetter[] | undefined, now: Date, view: ConsoleView): string {
  const { words, language } = view;
  const peeked = letters?.find((letter) => letter.sentAt)?.sentAt;
  const sentAt = oldest?.kind === 'sent' ? oldest.at : oldest?.kind === 'unknown' ? peeked : undefined;
  if (sentAt) {
    const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(sentAt)) / 60_000));
    return `${timeText(sentAt, language)}<br><span class="detail">${escapeHtml(words.queues.waited(minutes))}</span>`;
  }
  if (oldest?.kind === 'empty' || (letters !== undefined && letters.length === 0)) return escapeHtml(words.queues.noMessages);
  if (oldest?.kind === 'unknown') return `<span class="detail">${escapeHtml(words.queues.unavailable(oldest.reason))}</span>`;
  return escapeHtml(words.none);
}
