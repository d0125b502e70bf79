import type { TableAccess } from '../access/access.js';
import { createHash } from 'node:crypto';
import { BatchGetCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { FeedItemSchema } from '../feeds/feed-item.js';
import { isConditionFailure, leaveOutbox, queryAll } from './dynamo-helpers.js';
import { queryPage, type PageRequest } from './query-page.js';
import type { Page } from './subscription-store.js';
import { FEED_ITEM_PREFIX, GSI1, gsi1, keys, NEWS_PREFIX } from './table-schema.js';

const BATCH_GET = 100;

/** A news item as recorded: the feed item, which feed it came from, and when it was first seen. */
export const StoredNewsItemSchema = FeedItemSchema.extend({
  newsId: z.string().min(1),
  feedId: z.string().min(1),
  feedLabel: z.string().min(1),
  language: z.enum(['ru', 'en']),
  seenAt: z.iso.datetime(),
});
export type StoredNewsItem = z.infer<typeof StoredNewsItemSchema>;

/** What the console lists of a feed's recent items. */
const RecentFeedItemSchema = StoredNewsItemSchema.pick({ newsId: true, title: true, link: true, publishedAt: true, seenAt: true });
export type RecentFeedItem = z.infer<typeof RecentFeedItemSchema>;

/**
 * The id of an item within its feed: the same key in two feeds is two items (a guid is only unique in its feed),
 * hashed because keys are arbitrary strings (long URLs) and become part of other keys.
 */
export function newsIdFor(feedId: string, itemKey: string): string {
  return `n${createHash('sha256').update(`${feedId}\n${itemKey}`).digest('hex').slice(0, 32)}`;
}

/**
 * News items, each written once. An item that must still be queued for fan-out (which alerts it) waits in the news
 * outbox (GSI1 NEWS_OUTBOX) until that is done, so a poll that crashes half-way leaves it for the next poll.
 */
export interface NewsStore {
  /** Which of these items are already recorded. */
  recorded(newsIds: readonly string[]): Promise<Set<string>>;
  /**
   * Claims one way of recognising an item of the feed (`feedItemIdentities`) for `newsId`. True when it was free or
   * is already this item's (a poll that crashed half-way claims again); false when another item of the feed has it.
   */
  claimIdentity(feedId: string, identity: string, newsId: string): Promise<boolean>;
  /** Writes the item unless it exists; with `alert` it also enters the outbox. True when this call wrote it. */
  putIfAbsent(item: StoredNewsItem, options: { alert: boolean }): Promise<boolean>;
  get(newsId: string): Promise<StoredNewsItem | undefined>;
  /** Items in the outbox, oldest first, a page at a time. */
  listPending(): AsyncIterable<StoredNewsItem[]>;
  /** Takes the item out of the outbox once it is on the fan-out queue. */
  markProcessed(newsId: string, at: string): Promise<void>;
  /** Records that the item mentions the bill (BILL#n/NEWS#id), for the bill's page and digest entry. */
  linkToBill(billNumber: string, item: StoredNewsItem): Promise<void>;
  listForBill(billNumber: string): AsyncIterable<StoredNewsItem[]>;
  /** Whether the subscriber wants "in the news" alerts: the profile's `newsAlerts`, on unless it is false. */
  newsAlertsOn(subscriberId: string): Promise<boolean>;
}

/** NewsStore on the single DynamoDB table. */
export class DynamoNewsStore implements NewsStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'BatchGetItem'],
    keys: ['bill', 'billNews', 'feed', 'feedItem', 'feedItemSeen', 'newsItem', 'subscriber'],
    index: ['newsOutbox'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recorded(newsIds: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let start = 0; start < newsIds.length; start += BATCH_GET) {
      let keysLeft: Array<Record<string, unknown>> = [...new Set(newsIds.slice(start, start + BATCH_GET))].map(keys.newsItem);
      while (keysLeft.length > 0) {
        const { Responses, UnprocessedKeys } = await this.db.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keysLeft, ProjectionExpression: 'PK' } } }),
        );
        for (const item of Responses?.[this.tableName] ?? []) found.add(String(item.PK).slice(NEWS_PREFIX.length));
        keysLeft = UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return found;
  }

  async claimIdentity(feedId: string, identity: string, newsId: string): Promise<boolean> {
    const identityHash = createHash('sha256').update(identity).digest('hex').slice(0, 32);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.feedItemSeen(feedId, identityHash), newsId },
          ConditionExpression: 'attribute_not_exists(PK) OR newsId = :newsId',
          ExpressionAttributeValues: { ':newsId': newsId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async putIfAbsent(item: StoredNewsItem, options: { alert: boolean }): Promise<boolean> {
    const outbox = options.alert ? { GSI1PK: gsi1.newsOutbox, GSI1SK: `${item.seenAt}#${item.newsId}` } : {};
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.newsItem(item.newsId), ...outbox, item },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      // Only for the console's "last items" of the feed: a crash before it leaves the item out of that list, nothing else.
      const { newsId, title, link, publishedAt, seenAt } = item;
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.feedItem(item.feedId, seenAt, newsId), newsId, title, seenAt, ...(link ? { link } : {}), ...(publishedAt ? { publishedAt } : {}) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async get(newsId: string): Promise<StoredNewsItem | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.newsItem(newsId) }));
    return Item ? StoredNewsItemSchema.parse(Item.item) : undefined;
  }

  async *listPending(): AsyncIterable<StoredNewsItem[]> {
    const pages = queryAll<{ item: unknown }>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :outbox',
      ExpressionAttributeValues: { ':outbox': gsi1.newsOutbox },
    });
    for await (const page of pages) yield page.map((stored) => StoredNewsItemSchema.parse(stored.item));
  }

  async markProcessed(newsId: string, at: string): Promise<void> {
    await leaveOutbox(this.db, this.tableName, keys.newsItem(newsId), 'processedAt', at);
  }

  async linkToBill(billNumber: string, item: StoredNewsItem): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.billNews(billNumber, item.newsId), billNumber, item } }),
    );
  }

  async *listForBill(billNumber: string): AsyncIterable<StoredNewsItem[]> {
    const pages = queryAll<{ item: unknown }>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.bill(billNumber).PK, ':prefix': NEWS_PREFIX },
    });
    for await (const page of pages) yield page.map((stored) => StoredNewsItemSchema.parse(stored.item));
  }

  /**
   * A feed's items, newest first as first seen.
   * @throws InvalidCursorError for a cursor this listing did not hand out
   */
  async listRecentForFeed(feedId: string, page: PageRequest): Promise<Page<RecentFeedItem>> {
    return queryPage(
      this.db,
      { tableName: this.tableName, partition: keys.feed(feedId).PK, sortKeyPrefix: FEED_ITEM_PREFIX, newestFirst: true },
      page,
      (stored) => {
        const parsed = RecentFeedItemSchema.safeParse(stored);
        return parsed.success ? parsed.data : undefined;
      },
    );
  }

  async newsAlertsOn(subscriberId: string): Promise<boolean> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.subscriber(subscriberId), ProjectionExpression: 'newsAlerts' }),
    );
    // Only an explicit false turns them off: profiles written before the setting existed have none.
    return Item?.newsAlerts !== false;
  }
}
