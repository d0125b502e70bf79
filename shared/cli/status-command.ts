import { createSqsClient } from '../aws/clients.js';
import { loadConfig, type FeedConfig } from '../config/config.js';
import type { BillRecord, BillStore, SourceHealth } from '../store/bill-store.js';
import type { BillEventCountReader } from '../store/bill-summaries.js';
import type { FeedRecord } from '../store/feed-store.js';
import type { Endpoint } from '../webhooks/endpoint.js';
import { allEndpoints } from './all-endpoints.js';
import { parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { formatEndpoint } from './format-endpoint.js';
import { plural } from './plural.js';
import { configuredQueues, readQueueDepths, type QueueDepth } from './queue-depths.js';
import { withStores } from './with-stores.js';

const DLQ_FLAG = '  <-- dead letters: messages that failed every retry';
/** Watched bills read a page at a time: each page's event counts are ten BatchGetItem requests. */
const WATCH_LIST_PAGE = 1000;

function healthText(health: SourceHealth): string {
  if (health.ok) return 'ok';
  return `error (${plural(health.consecutiveFailures, 'consecutive failure')}): ${health.lastError ?? 'unknown error'}`;
}

/** A watched bill as `status` shows it: its poll state from the watch list and its snapshot's number of events. */
export type BillStatus = Pick<BillRecord, 'number' | 'missingAtSource' | 'health'> & {
  /** Absent when the bill has no snapshot (no good read yet). */
  events?: number;
};

/** One watched bill: `number  updated <time>  <n> events  <health>`, or `number  not polled yet`. */
export function formatBillStatus(record: BillStatus): string {
  if (!record.health.lastPolledAt) return `  ${record.number}  not polled yet`;
  const events =
    record.events !== undefined
      ? plural(record.events, 'event')
      : record.missingAtSource
      ? 'not at the source yet'
      : 'no snapshot';
  return `  ${record.number}  updated ${record.health.lastPolledAt}  ${events}  ${healthText(record.health)}`;
}

/** One queue: `label  waiting / in flight`, a non-empty DLQ flagged. */
export function formatQueueDepth(depth: QueueDepth): string {
  // The longest label, "poll-tasks DLQ", and a space.
  const label = depth.label.padEnd(15);
  if (depth.kind === 'not-configured') return `  ${label}not configured`;
  if (depth.kind === 'unavailable') return `  ${label}unavailable: ${depth.error}`;
  const flag = depth.dlq && depth.visible + depth.inFlight > 0 ? DLQ_FLAG : '';
  return `  ${label}${depth.visible} waiting / ${depth.inFlight} in flight${flag}`;
}

/** One configured news feed: `id  polled <time|never>  <health>`. */
export function formatFeedStatus(feed: FeedConfig, record: FeedRecord | undefined): string {
  if (!record) return `  ${feed.id}  polled never`;
  return `  ${feed.id}  polled ${record.health.lastPolledAt ?? 'never'}  ${healthText(record.health)}`;
}

/** `Endpoints: 3 registered, 1 disabled (1 gone)` and a line per disabled endpoint: those receive nothing until enabled. */
export function formatEndpointStatus(endpoints: Endpoint[]): string[] {
  const disabled = endpoints.filter((endpoint) => endpoint.status === 'disabled');
  const counts = new Map<string, number>();
  for (const { disabledReason = 'unknown' } of disabled) counts.set(disabledReason, (counts.get(disabledReason) ?? 0) + 1);
  const breakdown = disabled.length > 0 ? ` (${[...counts].map(([reason, count]) => `${count} ${reason}`).join(', ')})` : '';
  return [
    `Endpoints: ${endpoints.length} registered, ${disabled.length} disabled${breakdown}`,
    ...disabled.map((endpoint) => `  ${formatEndpoint(endpoint)}`),
  ];
}

/**
 * Every watched bill's status, sorted by number: the watch list a page at a time (its index holds each state item
 * whole) and the event counts of each page in batches, read while the next page is. Bounded requests, and no snapshot
 * inflated and parsed, for a list of 10,000 bills.
 */
async function readBillStatuses(bills: Pick<BillStore, 'listWatchedStates'>, eventCounts: BillEventCountReader): Promise<BillStatus[]> {
  const pages: Promise<BillStatus[]>[] = [];
  let cursor: string | undefined;
  do {
    const page = await bills.listWatchedStates({ limit: WATCH_LIST_PAGE, cursor });
    const statuses = withEventCounts(page.items, eventCounts);
    // Awaited below with the others; until then a failure must not count as unhandled (Node would end the process).
    statuses.catch(() => {});
    pages.push(statuses);
    cursor = page.cursor;
  } while (cursor);
  return (await Promise.all(pages)).flat().sort((a, b) => a.number.localeCompare(b.number));
}

async function withEventCounts(records: readonly BillRecord[], eventCounts: BillEventCountReader): Promise<BillStatus[]> {
  const counts = await eventCounts.eventCounts(records.map((record) => record.number));
  return records.map(({ number, missingAtSource, health }) => {
    const events = counts.get(number);
    return { number, missingAtSource, health, ...(events === undefined ? {} : { events }) };
  });
}

async function readStoredState(feeds: FeedConfig[]) {
  return withStores(async ({ bills, billSummaries, endpoints, feeds: feedStore }) => {
    return {
      records: await readBillStatuses(bills, billSummaries),
      lastRun: await bills.lastPollRun(),
      endpoints: await allEndpoints(endpoints),
      feedRecords: await Promise.all(feeds.map((feed) => feedStore.get(feed.id))),
    };
  });
}

/** Whether the CLI talks to a local stack (`npm start`), which polls news feeds only when FEEDS names them. */
function feedsIdleLocally(env: NodeJS.ProcessEnv): boolean {
  return !env.FEEDS && /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
}

/** `status`: watched bills, their health, the last poll, the queue depths, disabled endpoints and news-feed health. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('status', args, { json: { type: 'boolean' } });
  const config = loadConfig();
  const feedsPolled = !feedsIdleLocally(process.env);
  const sqs = createSqsClient();
  const [{ records, lastRun, endpoints, feedRecords }, depths] = await Promise.all([
    readStoredState(config.feeds),
    readQueueDepths(sqs, configuredQueues(config)).finally(() => sqs.destroy()),
  ]);
  // ISO 8601 UTC strings sort as times.
  const lastPoll = [lastRun?.finishedAt ?? '', ...records.map((record) => record.health.lastPolledAt ?? '')].sort().at(-1) || 'never';
  if (values.json) {
    const status = {
      bills: records.map(({ number, events, missingAtSource, health }) => ({
        number,
        polled: health.lastPolledAt !== undefined,
        events: events ?? null,
        missingAtSource: missingAtSource === true,
        health,
      })),
      lastPoll: lastPoll === 'never' ? null : lastPoll,
      queues: depths,
      endpoints,
      feeds: {
        polled: feedsPolled,
        items: config.feeds.map((feed, index) => ({ id: feed.id, url: feed.url, health: feedRecords[index]?.health ?? null })),
      },
    };
    io.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `Watched bills (${records.length}):`,
    ...(records.length > 0 ? records.map(formatBillStatus) : ['  none: add one with duma-alerts watch <number>']),
    `Last poll: ${lastPoll}`,
    'Queues:',
    ...depths.map(formatQueueDepth),
    ...formatEndpointStatus(endpoints),
    ...(feedsPolled
      ? [`News feeds (${config.feeds.length}):`, ...config.feeds.map((feed, index) => formatFeedStatus(feed, feedRecords[index]))]
      : ['News feeds: not polled on this machine (the local stack polls feeds only when FEEDS is set; see the README)']),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
