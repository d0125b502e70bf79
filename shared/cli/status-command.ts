import { createSqsClient } from '../aws/clients.js';
import { loadConfig, type FeedConfig } from '../config/config.js';
import type { BillRecord, SourceHealth } from '../store/bill-store.js';
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

function healthText(health: SourceHealth): string {
  if (health.ok) return 'ok';
  return `error (${plural(health.consecutiveFailures, 'consecutive failure')}): ${health.lastError ?? 'unknown error'}`;
}

/** One watched bill: `number  updated <time>  <n> events  <health>`, or `number  not polled yet`. */
export function formatBillStatus(record: BillRecord): string {
  if (!record.health.lastPolledAt) return `  ${record.number}  not polled yet`;
  const events = record.bill
    ? plural(record.bill.events.length, 'event')
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

async function readStoredState(feeds: FeedConfig[]) {
  return withStores(async ({ bills, endpoints, feeds: feedStore }) => {
    const records: BillRecord[] = [];
    for await (const page of bills.listWatched()) {
      for (const watched of page) {
        const record = await bills.get(watched.number);
        if (record) records.push(record);
      }
    }
    return {
      records: records.sort((a, b) => a.number.localeCompare(b.number)),
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
      bills: records.map(({ number, bill, missingAtSource, health }) => ({
        number,
        polled: health.lastPolledAt !== undefined,
        events: bill ? bill.events.length : null,
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
