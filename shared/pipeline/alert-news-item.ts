import type { Logger } from '@aws-lambda-powertools/logger';
import { extractBillNumbers } from '../feeds/extract-bill-numbers.js';
import type { BillStore } from '../store/bill-store.js';
import type { NewsStore, StoredNewsItem } from '../store/news-store.js';
import type { FollowerRouteReader } from '../store/follower-route-store.js';
import type { MessageQueue } from '../queue/message-queue.js';
import type { AlertItem } from '../topics/alert.js';
import { alertTopicMatches, type TopicAlertDependencies } from './alert-topic-matches.js';
import type { NewsFanOutMessage } from './pipeline-messages.js';
import { raiseAlert } from './topic-fan-out.js';

export interface NewsAlertDependencies extends TopicAlertDependencies {
  news: NewsStore;
  /** A mentioned bill's followers, with how each wants its alerts. */
  followers: FollowerRouteReader;
  bills: Pick<BillStore, 'watch' | 'watchOnce' | 'get'>;
  /** Feeds whose items announce new bills (config `newBills`): their bills are read once for their passports. */
  newBillFeeds: ReadonlySet<string>;
  logger: Logger;
}

/** What one news item set off. */
export interface NewsItemAlerts {
  topicAlerts: number;
  /** Bills the item mentions; each got an "in the news" alert to its followers. */
  billNumbers: string[];
  /** Bills started being watched because a topic asking for it matched. */
  watchedBills: string[];
  /** New bills of a new-bill feed, put on the watch list to be read once for their committee and initiators. */
  newBills?: string[];
}

/**
 * Raises every alert a new news item makes: one per topic its title or summary matches, and one "in the news"
 * alert per bill it mentions (recorded against the bill too), each routed to its followers as they chose (instant
 * email, a digest, Slack, a webhook for topic matches). A topic that asks for it gets the mentioned
 * bills watched. Repeatable: every id involved is deterministic.
 */
export async function alertNewsItem(deps: NewsAlertDependencies, news: StoredNewsItem): Promise<NewsItemAlerts> {
  const item: AlertItem = {
    source: 'news',
    title: news.title,
    link: news.link,
    summary: news.summary,
    publishedAt: news.publishedAt,
    sourceLabel: news.feedLabel,
    ...(news.billLinks ? { billLinks: news.billLinks } : {}),
  };
  const fields: Record<string, string> = news.summary ? { title: news.title, summary: news.summary } : { title: news.title };
  const matched = await alertTopicMatches(deps, item, { fields }, news.newsId);

  const billNumbers = extractBillNumbers([news.title, news.summary ?? '', news.link ?? '', ...(news.billLinks ?? [])].join('\n'));
  for (const billNumber of billNumbers) {
    await deps.news.linkToBill(billNumber, news);
    await raiseAlert(
      deps,
      { kind: 'bill-news', id: `news:${billNumber}:${news.newsId}`, createdAt: deps.now().toISOString(), item, billNumber },
      deps.followers.listRoutes(billNumber),
    );
  }

  const watchedBills = matched.some((entry) => entry.watchLinkedBills) ? billNumbers : [];
  for (const billNumber of watchedBills) await deps.bills.watch(billNumber);
  const newBills = deps.newBillFeeds.has(news.feedId) ? await readOnceUnknown(deps, billNumbers) : [];
  return { topicAlerts: matched.length, billNumbers, watchedBills, ...(newBills.length > 0 ? { newBills } : {}) };
}

/**
 * Bills of a new-bill feed item that the service has never seen go on the watch list to be read once: the poll reads
 * their passports (the feed item names no committee or initiator) and fan-out alerts the followers of those.
 */
async function readOnceUnknown(deps: NewsAlertDependencies, billNumbers: readonly string[]): Promise<string[]> {
  const unknown: string[] = [];
  for (const billNumber of billNumbers) {
    if (await deps.bills.get(billNumber)) continue;
    await deps.bills.watchOnce(billNumber);
    unknown.push(billNumber);
  }
  return unknown;
}

/**
 * Raises the alerts of a news item the poller queued for fan-out (`queuePendingNews`). An item that is not (or no
 * longer) recorded raises nothing: the message is logged and dropped rather than retried into the dead-letter queue.
 */
export async function alertQueuedNewsItem(deps: NewsAlertDependencies, message: NewsFanOutMessage): Promise<NewsItemAlerts | undefined> {
  const news = await deps.news.get(message.newsId);
  if (!news) {
    deps.logger.warn('queued news item not found; nothing to alert', { newsId: message.newsId });
    return undefined;
  }
  const alerts = await alertNewsItem(deps, news);
  if (alerts.topicAlerts > 0 || alerts.billNumbers.length > 0) deps.logger.info('news item alerted', { newsId: news.newsId, ...alerts });
  return alerts;
}

/**
 * Queues every item waiting in the news outbox for fan-out, as bill changes are queued, and takes each out once
 * queued. A crash in between queues it again next poll; its alerts have deterministic ids, so fan-out repeats nothing.
 * @returns how many items were queued.
 */
export async function queuePendingNews(deps: { news: NewsStore; fanOutQueue: MessageQueue; now: () => Date }): Promise<number> {
  let queued = 0;
  for await (const page of deps.news.listPending()) {
    await deps.fanOutQueue.sendAll(page.map((news): NewsFanOutMessage => ({ kind: 'news', newsId: news.newsId })));
    for (const news of page) await deps.news.markProcessed(news.newsId, deps.now().toISOString());
    queued += page.length;
  }
  return queued;
}
