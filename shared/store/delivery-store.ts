import type { TableAccess } from '../access/access.js';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, queryAll } from './dynamo-helpers.js';
import { queryPage, type PageRequest } from './query-page.js';
import type { Page } from './subscription-store.js';
import { keys } from './table-schema.js';

export type DeliveryStatus = 'sending' | 'sent' | 'skipped' | 'failed';

export interface DeliveryKey {
  changeId: string;
  subscriberId: string;
  channel: 'email';
}

/** One delivery of a change on any channel, as an operator reads it: to whom, in what state, and why. */
export interface ChangeDelivery {
  channel: string;
  /** The subscriber (email) or the endpoint (webhook, Slack). */
  recipient: string;
  status: string;
  attempts?: number;
  /** The last result of an endpoint delivery, why an email was skipped, or its last error. */
  detail?: string;
}

/** What a consumer may do with a delivery after trying to claim it. */
export type ClaimResult = 'claimed' | 'done' | 'busy';

/**
 * One record per (change, subscriber, channel): the at-most-once guard of sending. A consumer claims the
 * record with a lease before it sends and marks it sent after; a duplicate message finds it done, and a
 * consumer that crashed mid-send leaves a lease that expires, so the message's retry sends again
 * (at most one repeated email, never a lost one).
 */
export interface DeliveryStore {
  claim(key: DeliveryKey, now: Date, leaseMs: number): Promise<ClaimResult>;
  markSent(key: DeliveryKey, at: string, messageId: string): Promise<void>;
  markSkipped(key: DeliveryKey, at: string, reason: string): Promise<void>;
  /** Gives the claim back after a failed attempt so the retry need not wait for the lease. */
  release(key: DeliveryKey, at: string, error: string): Promise<void>;
  get(key: DeliveryKey): Promise<Record<string, unknown> | undefined>;
}

/** DeliveryStore on the single DynamoDB table. */
export class DynamoDeliveryStore implements DeliveryStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'UpdateItem', 'Query'],
    keys: ['delivery'],
    index: [],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key(key: DeliveryKey) {
    return keys.delivery(key.changeId, key.subscriberId, key.channel);
  }

  async claim(key: DeliveryKey, now: Date, leaseMs: number): Promise<ClaimResult> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(key),
          UpdateExpression:
            'SET #status = :sending, leaseUntil = :lease, changeId = :change, subscriberId = :subscriber, channel = :channel, firstAttemptAt = if_not_exists(firstAttemptAt, :now) ADD attempts :one',
          ConditionExpression:
            'attribute_not_exists(PK) OR (#status = :failed) OR (#status = :sending AND leaseUntil < :nowMs)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':failed': 'failed',
            ':lease': now.getTime() + leaseMs,
            ':nowMs': now.getTime(),
            ':now': now.toISOString(),
            ':change': key.changeId,
            ':subscriber': key.subscriberId,
            ':channel': key.channel,
            ':one': 1,
          },
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await this.get(key);
      return current?.status === 'sending' ? 'busy' : 'done';
    }
  }

  async markSent(key: DeliveryKey, at: string, messageId: string): Promise<void> {
    await this.finish(key, 'sent', { sentAt: at, messageId });
  }

  async markSkipped(key: DeliveryKey, at: string, reason: string): Promise<void> {
    await this.finish(key, 'skipped', { skippedAt: at, skipReason: reason });
  }

  async release(key: DeliveryKey, at: string, error: string): Promise<void> {
    await this.finish(key, 'failed', { lastErrorAt: at, lastError: error.slice(0, 1000) });
  }

  async get(key: DeliveryKey): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: this.key(key), ConsistentRead: true }));
    return Item;
  }

  /** The delivery log of one change: a record per (subscriber, channel), in the DELIVERY#changeId partition. */
  async listForChange(changeId: string, limit: number): Promise<Record<string, unknown>[]> {
    const records: Record<string, unknown>[] = [];
    const partition = keys.delivery(changeId, '', '').PK;
    for await (const page of queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': partition },
    })) {
      records.push(...page);
      if (records.length >= limit) break;
    }
    return records.slice(0, limit);
  }

  /**
   * One page of a change's deliveries on every channel (email, webhook, Slack), in channel then recipient order.
   * @throws InvalidCursorError for a cursor this listing did not hand out
   */
  async listForChangePage(changeId: string, page: PageRequest): Promise<Page<ChangeDelivery>> {
    const partition = keys.delivery(changeId, '', '').PK;
    return queryPage(this.db, { tableName: this.tableName, partition }, page, (item) => ({
      channel: String(item.channel ?? String(item.SK).split('#')[0]),
      recipient: String(item.subscriberId ?? item.endpointId ?? ''),
      status: String(item.status ?? ''),
      ...(typeof item.attempts === 'number' ? { attempts: item.attempts } : {}),
      ...(typeof (item.lastResult ?? item.skipReason ?? item.lastError) === 'string'
        ? { detail: String(item.lastResult ?? item.skipReason ?? item.lastError) }
        : {}),
    }));
  }

  private async finish(key: DeliveryKey, status: DeliveryStatus, fields: Record<string, string>): Promise<void> {
    const names = Object.keys(fields);
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(key),
        UpdateExpression: `SET #status = :status, ${names.map((name) => `${name} = :${name}`).join(', ')} REMOVE leaseUntil`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ...Object.fromEntries(names.map((name) => [`:${name}`, fields[name]])),
        },
      }),
    );
  }
}
