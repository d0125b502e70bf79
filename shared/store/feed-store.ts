import type { TableAccess } from '../access/access.js';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SourceHealth } from './bill-store.js';
import { keys } from './table-schema.js';

/** A feed's polling state: what the next conditional GET sends, whether its baseline is taken, and its health. */
export interface FeedRecord {
  feedId: string;
  /** When the first good read recorded the feed's items without alerting; absent until then. */
  baselineAt?: string;
  etag?: string;
  lastModified?: string;
  contentHash?: string;
  title?: string;
  /** What the last good read left out (duplicate keys, unreadable items), for operators; absent when nothing. */
  lastWarning?: string;
  health: SourceHealth;
}

/** A good poll: the validators and hash of the body read (none for a 304), and whether it took the baseline. */
export interface FeedSuccess {
  at: string;
  etag?: string;
  lastModified?: string;
  contentHash?: string;
  title?: string;
  baselineTaken?: boolean;
  warning?: string;
}

/** The polling state of the configured feeds. */
export interface FeedStore {
  get(feedId: string): Promise<FeedRecord | undefined>;
  recordSuccess(feedId: string, success: FeedSuccess): Promise<void>;
  recordFailure(feedId: string, failure: { at: string; error: string }): Promise<void>;
}

/** FeedStore on the single DynamoDB table (FEED#id/STATE), health kept like a bill's. */
export class DynamoFeedStore implements FeedStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'UpdateItem'],
    keys: ['feed'],
    index: [],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(feedId: string): Promise<FeedRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.feed(feedId), ConsistentRead: true }));
    return Item ? toRecord(feedId, Item) : undefined;
  }

  async recordSuccess(feedId: string, success: FeedSuccess): Promise<void> {
    // A 304 carries no validators: the stored ones stay, so only what this read learnt is written.
    const learnt = Object.entries({
      etag: success.etag,
      lastModified: success.lastModified,
      contentHash: success.contentHash,
      title: success.title,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined);
    const sets = [
      'feedId = :feedId',
      'healthOk = :true',
      'lastPolledAt = :at',
      'lastOkAt = :at',
      'consecutiveFailures = :zero',
      ...learnt.map(([name]) => `${name} = :${name}`),
      ...(success.baselineTaken ? ['baselineAt = if_not_exists(baselineAt, :at)'] : []),
      ...(success.warning ? ['lastWarning = :warning'] : []),
    ];
    // A body read without problems clears an old warning; a 304 says nothing about the items, so it keeps it.
    const clearsWarning = success.contentHash !== undefined && !success.warning;
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.feed(feedId),
        UpdateExpression: `SET ${sets.join(', ')}${clearsWarning ? ' REMOVE lastWarning' : ''}`,
        ExpressionAttributeValues: {
          ':feedId': feedId,
          ':true': true,
          ':at': success.at,
          ':zero': 0,
          ...Object.fromEntries(learnt.map(([name, value]) => [`:${name}`, value])),
          ...(success.warning ? { ':warning': success.warning.slice(0, 1000) } : {}),
        },
      }),
    );
  }

  async recordFailure(feedId: string, failure: { at: string; error: string }): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.feed(feedId),
        UpdateExpression:
          'SET feedId = :feedId, healthOk = :false, lastPolledAt = :at, lastErrorAt = :at, lastError = :error ADD consecutiveFailures :one, errorCount :one',
        ExpressionAttributeValues: {
          ':feedId': feedId,
          ':false': false,
          ':at': failure.at,
          ':error': failure.error.slice(0, 1000),
          ':one': 1,
        },
      }),
    );
  }
}

function toRecord(feedId: string, item: Record<string, unknown>): FeedRecord {
  const text = (key: string) => (typeof item[key] === 'string' ? (item[key] as string) : undefined);
  const record: FeedRecord = {
    feedId,
    health: {
      ok: item.healthOk !== false,
      consecutiveFailures: Number(item.consecutiveFailures ?? 0),
      errorCount: Number(item.errorCount ?? 0),
    },
  };
  const optional = { baselineAt: text('baselineAt'), etag: text('etag'), lastModified: text('lastModified'), contentHash: text('contentHash'), title: text('title'), lastWarning: text('lastWarning') };
  const health = { lastPolledAt: text('lastPolledAt'), lastOkAt: text('lastOkAt'), lastErrorAt: text('lastErrorAt'), lastError: text('lastError') };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(record, { [key]: value });
  for (const [key, value] of Object.entries(health)) if (value !== undefined) Object.assign(record.health, { [key]: value });
  return record;
}
