import type { Logger } from '@aws-lambda-powertools/logger';
import type { FeedConfig } from '../config/config.js';
import { FeedError } from '../feeds/feed-error.js';
import { feedItemIdentities } from '../feeds/feed-item-key.js';
import type { ParsedFeed } from '../feeds/feed-item.js';
import { parseFeed } from '../feeds/parse-feed.js';
import { FetchError } from '../http/fetch-error.js';
import type { PoliteFetcher } from '../http/polite-fetcher.js';
import type { MessageQueue } from '../queue/message-queue.js';
import type { FetchedResult } from '../http/fetch-result.js';
import type { FeedRecord, FeedStore } from '../store/feed-store.js';
import { newsIdFor, type NewsStore, type StoredNewsItem } from '../store/news-store.js';
import { queuePendingNews } from './alert-news-item.js';

export interface PollFeedsDependencies {
  feedStore: FeedStore;
  news: NewsStore;
  fetcher: PoliteFetcher;
  feeds: readonly FeedConfig[];
  /** Where new items go to be matched and alerted, as bill changes do (`alertQueuedNewsItem` in fan-out). */
  fanOutQueue: MessageQueue;
  now: () => Date;
  logger: Logger;
}

/** `baseline`: the feed's first good read, its items recorded without alerts. */
export type FeedPollOutcome = 'unchanged' | 'baseline' | 'read' | 'source-error';

export interface FeedPollResult {
  feedId: string;
  outcome: FeedPollOutcome;
  /** Items this poll recorded for the first time. */
  newItems: number;
  error?: string;
}

export interface FeedsPollSummary {
  startedAt: string;
  finishedAt: string;
  /** One result per configured feed, in configuration order. */
  feeds: FeedPollResult[];
  /** News items queued for fan-out to be matched and alerted this run (new ones, and any a crashed run left behind). */
  alertedItems: number;
}

/**
 * Polls one feed: a conditional GET, then each item not seen before in the feed (under any of its identities: guid,
 * normalised link, title and date) recorded once under its feed-scoped id. On the feed's first good read the items
 * are recorded without alerts (a new feed floods no one); afterwards each new item enters the news outbox, to be
 * queued for fan-out. A fetch or parse failure is recorded as the feed's health and nothing
 * else happens: no item, no alert.
 */
export async function pollFeed(deps: PollFeedsDependencies, feed: FeedConfig): Promise<FeedPollResult> {
  const at = deps.now().toISOString();
  const state = await deps.feedStore.get(feed.id);
  const sourceError = async (error: string): Promise<FeedPollResult> => {
    deps.logger.warn('feed source error', { feed: feed.id, error });
    await deps.feedStore.recordFailure(feed.id, { at, error });
    return { feedId: feed.id, outcome: 'source-error', newItems: 0, error };
  };

  const read = await readFeed(deps.fetcher, feed, state).catch((error: unknown) => {
    if (error instanceof FetchError) return `fetch-${error.reason}: ${error.message}`;
    if (error instanceof FeedError) return `feed-${error.reason}: ${error.message}`;
    throw error;
  });
  if (typeof read === 'string') return sourceError(read);
  if (read.kind === 'unchanged') {
    // Only a server answering 304 to a GET without validators gets here before a baseline: nothing was ever read.
    if (!state?.baselineAt) return sourceError('feed-no-baseline: the server answered 304 Not Modified before any good read, so no baseline yet');
    await deps.feedStore.recordSuccess(feed.id, { at });
    return { feedId: feed.id, outcome: 'unchanged', newItems: 0 };
  }
  const { fetched, parsed } = read;
  if (parsed.items.length === 0 && parsed.droppedItems > 0) {
    return sourceError(`feed-no-usable-items: all ${parsed.droppedItems} items lack both a title and a link`);
  }

  const baseline = !state?.baselineAt;
  const items = parsed.items.map((item) => ({ ...item, newsId: newsIdFor(feed.id, item.key), feedId: feed.id, feedLabel: feed.label, language: feed.language, seenAt: at }));
  const recorded = await deps.news.recorded(items.map((item) => item.newsId));
  let newItems = 0;
  let repeatedItems = 0;
  for (const item of items.filter((candidate) => !recorded.has(candidate.newsId))) {
    if (!(await claimIdentities(deps.news, item))) repeatedItems++;
    else if (await deps.news.putIfAbsent(item, { alert: !baseline })) newItems++;
  }
  // Saved last: a crash before this re-reads the body next time, and the items already written are skipped.
  await deps.feedStore.recordSuccess(feed.id, {
    at,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    contentHash: fetched.hash,
    title: parsed.title || undefined,
    baselineTaken: baseline,
    warning: feedWarning(parsed, repeatedItems),
  });
  return { feedId: feed.id, outcome: baseline ? 'baseline' : 'read', newItems };
}

/**
 * Polls every configured feed, a few at a time (the fetcher keeps its own per-host limits), then queues the new
 * items for fan-out, which raises their alerts. One feed's failure never stops the others.
 */
export async function pollFeeds(deps: PollFeedsDependencies, options: { concurrency?: number } = {}): Promise<FeedsPollSummary> {
  const startedAt = deps.now().toISOString();
  const queue = deps.feeds.map((feed, position) => ({ feed, position }));
  const results: FeedPollResult[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { feed, position } = next;
      results[position] = await pollFeed(deps, feed).catch((error: unknown) => {
        // Store failures: the feed is polled again next run; no item was half-alerted.
        deps.logger.error('feed poll failed', { feed: feed.id, error: error as Error });
        return { feedId: feed.id, outcome: 'source-error' as const, newItems: 0, error: `internal: ${(error as Error).message}` };
      });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  const alertedItems = await queuePendingNews(deps).catch((error: unknown) => {
    // The items stay in the news outbox; the next run queues them.
    deps.logger.error('queueing news items for fan-out failed; retried next run', { error: error as Error });
    return 0;
  });
  return { startedAt, finishedAt: deps.now().toISOString(), feeds: results, alertedItems };
}

/** The feed's body parsed, or `unchanged` when the server or the body's hash says so. Throws FetchError or FeedError. */
async function readFeed(
  fetcher: PoliteFetcher,
  feed: FeedConfig,
  state: FeedRecord | undefined,
): Promise<{ kind: 'unchanged' } | { kind: 'read'; fetched: FetchedResult; parsed: ParsedFeed }> {
  const fetched = await fetcher.get(feed.url, {
    etag: state?.etag,
    lastModified: state?.lastModified,
    // Only a body that was read well is remembered, so a body that failed to parse is read again.
    previousHash: state?.contentHash,
  });
  if (fetched.kind !== 'fetched') return { kind: 'unchanged' };
  return { kind: 'read', fetched, parsed: parseFeed(fetched.body, fetched.contentType, feed.url) };
}

/**
 * Claims every way the item can be recognised (`feedItemIdentities`), in turn; stops at the first another item of the
 * feed already has: the item is then one seen before under another guid or link, and is not new. Claims are
 * conditional writes on deterministic keys, so a poll that crashed half-way claims the same again.
 */
async function claimIdentities(news: NewsStore, item: StoredNewsItem): Promise<boolean> {
  for (const identity of feedItemIdentities(item)) {
    if (!(await news.claimIdentity(item.feedId, identity, item.newsId))) return false;
  }
  return true;
}

/** What the read left out, worth an operator's look though the feed is usable. */
function feedWarning(feed: ParsedFeed, repeatedItems: number): string | undefined {
  const undated = feed.items.filter((item) => !item.publishedAt).length;
  const problems = [
    ...feed.warnings,
    repeatedItems > 0 ? `${repeatedItems} items repeat an item seen before under another guid or link` : '',
    feed.duplicateItems > 0 ? `${feed.duplicateItems} items repeat an earlier item's guid` : '',
    feed.droppedItems > 0 ? `${feed.droppedItems} items have neither a title nor a link` : '',
    undated > 0 ? `${undated} items have no readable date` : '',
  ].filter(Boolean);
  return problems.length > 0 ? problems.join('; ') : undefined;
}
