import type { TableAccess } from '../access/access.js';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, queryAll } from './dynamo-helpers.js';
import { queryPage } from './query-page.js';
import { GSI1, gsi1, keys } from './table-schema.js';

/** What a delivery carries: a bill change, an alert (topic match, "in the news") or a test event. */
export type EndpointDeliveryEvent = 'bill.changed' | 'alert' | 'ping';

/** One delivery: a change (or a test event) to one endpoint. */
export interface EndpointDeliveryKey {
  changeId: string;
  endpointId: string;
  channel: 'webhook' | 'slack' | 'telegram';
}

/**
 * `sending`: an attempt holds the lease; `retrying`: waiting for its next attempt; `queued`: replayed, attempt 1 next;
 * `missed`: not sent because the endpoint was (or became) disabled, replayed when it is enabled again;
 * `failed`: every attempt failed.
 */
export type EndpointDeliveryStatus = 'sending' | 'delivered' | 'retrying' | 'queued' | 'missed' | 'failed';

/** One attempt in the log: when, what came back, how long it took. */
export interface DeliveryAttempt {
  attempt: number;
  at: string;
  /** `HTTP 200`, `timeout`, `network: …`, `blocked: …`. */
  result: string;
  durationMs: number;
}

/** A row of an endpoint's delivery log. */
export interface EndpointDeliveryRecord extends EndpointDeliveryKey {
  event: EndpointDeliveryEvent;
  billNumber?: string;
  status: EndpointDeliveryStatus;
  attempts: number;
  createdAt: string;
  lastAttemptAt?: string;
  nextAttemptAt?: string;
  lastResult?: string;
  attemptLog: DeliveryAttempt[];
}

export type AttemptClaim = 'claimed' | 'duplicate' | 'busy';

/** How an attempt ended, as the record keeps it. */
export interface AttemptOutcome {
  status: Exclude<EndpointDeliveryStatus, 'sending' | 'queued'>;
  attempt: DeliveryAttempt;
  nextAttemptAt?: string;
}

/** A page of the delivery log, newest first, and where the next page starts. */
export interface DeliveryLogPage {
  items: EndpointDeliveryRecord[];
  cursor?: string;
}

/**
 * The delivery records of webhook and Slack endpoints, on the delivery-store pattern (DELIVERY#change /
 * <channel>#<endpoint>), also indexed per endpoint by creation time for the delivery log (GSI1 DELIVERIES#<endpoint>).
 */
export interface EndpointDeliveryStore {
  /**
   * Claims attempt `attempt` of a delivery: allowed when the previous attempt is finished and asked for another, or
   * when an attempt with this number crashed and its lease ran out. A duplicate message finds the attempt taken.
   */
  claimAttempt(
    key: EndpointDeliveryKey,
    attempt: number,
    meta: { event: EndpointDeliveryEvent; billNumber?: string },
    now: Date,
    leaseMs: number,
  ): Promise<AttemptClaim>;
  finishAttempt(key: EndpointDeliveryKey, outcome: AttemptOutcome): Promise<void>;
  /** Records a delivery the endpoint did not get because it is disabled (unless it was delivered already). */
  markMissed(key: EndpointDeliveryKey, meta: { event: EndpointDeliveryEvent; billNumber?: string }, at: string, reason: string): Promise<void>;
  /**
   * Records a delivery that cannot be sent at all (what it carries is gone, or cannot be made to fit), without an
   * attempt or a claim (unless it was delivered already).
   */
  markUnsendable(key: EndpointDeliveryKey, meta: { event: EndpointDeliveryEvent; billNumber?: string }, at: string, reason: string): Promise<void>;
  /** Puts a missed or failed delivery back to attempt 1; false when it was not in such a state. */
  requeue(key: EndpointDeliveryKey): Promise<boolean>;
  get(key: EndpointDeliveryKey): Promise<EndpointDeliveryRecord | undefined>;
  /** The endpoint's deliveries, newest first. */
  listByEndpoint(endpointId: string, options?: { limit?: number; cursor?: string }): Promise<DeliveryLogPage>;
  /** The endpoint's missed and failed deliveries, a page at a time. */
  listUndelivered(endpointId: string): AsyncIterable<EndpointDeliveryRecord[]>;
}

const LOG_LIMIT = 20;

/** EndpointDeliveryStore on the single DynamoDB table. */
export class DynamoEndpointDeliveryStore implements EndpointDeliveryStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'UpdateItem'],
    keys: ['delivery'],
    index: ['deliveries'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key(key: EndpointDeliveryKey) {
    return keys.delivery(key.changeId, key.endpointId, key.channel);
  }

  /** Attributes every record carries from its first write, whichever write comes first. */
  private identity(key: EndpointDeliveryKey, meta: { event: string; billNumber?: string }, at: string) {
    return {
      expression:
        'changeId = :change, endpointId = :endpoint, channel = :channel, event = :event, createdAt = if_not_exists(createdAt, :at), GSI1PK = :log, GSI1SK = if_not_exists(GSI1SK, :logSk), attemptLog = if_not_exists(attemptLog, :empty)' +
        (meta.billNumber ? ', billNumber = :bill' : ''),
      values: {
        ':change': key.changeId,
        ':endpoint': key.endpointId,
        ':channel': key.channel,
        ':event': meta.event,
        ':at': at,
        ':log': gsi1.deliveries(key.endpointId),
        ':logSk': `${at}#${key.changeId}`,
        ':empty': [],
        ...(meta.billNumber ? { ':bill': meta.billNumber } : {}),
      },
    };
  }

  async claimAttempt(
    key: EndpointDeliveryKey,
    attempt: number,
    meta: { event: EndpointDeliveryEvent; billNumber?: string },
    now: Date,
    leaseMs: number,
  ): Promise<AttemptClaim> {
    const identity = this.identity(key, meta, now.toISOString());
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(key),
          UpdateExpression: `SET #status = :sending, attempts = :n, leaseUntil = :lease, lastAttemptAt = :at, ${identity.expression} REMOVE nextAttemptAt`,
          ConditionExpression:
            '(attribute_not_exists(PK) AND :n = :one) OR (attempts = :previous AND #status IN (:retrying, :queued)) OR (attempts = :n AND #status = :sending AND leaseUntil < :nowMs)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ...identity.values,
            ':sending': 'sending',
            ':retrying': 'retrying',
            ':queued': 'queued',
            ':n': attempt,
            ':one': 1,
            ':previous': attempt - 1,
            ':lease': now.getTime() + leaseMs,
            ':nowMs': now.getTime(),
          },
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await this.get(key);
      return current?.status === 'sending' && current.attempts === attempt ? 'busy' : 'duplicate';
    }
  }

  async finishAttempt(key: EndpointDeliveryKey, outcome: AttemptOutcome): Promise<void> {
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(key),
        UpdateExpression:
          'SET #status = :status, lastResult = :result, attemptLog = list_append(attemptLog, :entry)' +
          (outcome.nextAttemptAt ? ', nextAttemptAt = :next REMOVE leaseUntil' : ' REMOVE leaseUntil, nextAttemptAt'),
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': outcome.status,
          ':result': outcome.attempt.result,
          ':entry': [outcome.attempt],
          ...(outcome.nextAttemptAt ? { ':next': outcome.nextAttemptAt } : {}),
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const log = Attributes?.attemptLog as DeliveryAttempt[] | undefined;
    // Replays start the attempts again: only the newest are kept, so an item cannot grow without bound.
    if (log && log.length > LOG_LIMIT) {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(key),
          UpdateExpression: 'SET attemptLog = :log',
          ExpressionAttributeValues: { ':log': log.slice(-LOG_LIMIT) },
        }),
      );
    }
  }

  async markMissed(key: EndpointDeliveryKey, meta: { event: EndpointDeliveryEvent; billNumber?: string }, at: string, reason: string): Promise<void> {
    await this.markUnsent(key, meta, at, 'missed', reason);
  }

  async markUnsendable(key: EndpointDeliveryKey, meta: { event: EndpointDeliveryEvent; billNumber?: string }, at: string, reason: string): Promise<void> {
    await this.markUnsent(key, meta, at, 'failed', reason);
  }

  private async markUnsent(
    key: EndpointDeliveryKey,
    meta: { event: EndpointDeliveryEvent; billNumber?: string },
    at: string,
    status: 'missed' | 'failed',
    reason: string,
  ): Promise<void> {
    const identity = this.identity(key, meta, at);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(key),
          UpdateExpression: `SET #status = :status, lastResult = :reason, ${identity.expression} REMOVE leaseUntil, nextAttemptAt`,
          ConditionExpression: 'attribute_not_exists(#status) OR #status <> :delivered',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ...identity.values, ':status': status, ':delivered': 'delivered', ':reason': reason },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async requeue(key: EndpointDeliveryKey): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(key),
          UpdateExpression: 'SET #status = :queued, attempts = :zero REMOVE nextAttemptAt, leaseUntil',
          ConditionExpression: '#status IN (:missed, :failed)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':queued': 'queued', ':zero': 0, ':missed': 'missed', ':failed': 'failed' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async get(key: EndpointDeliveryKey): Promise<EndpointDeliveryRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: this.key(key), ConsistentRead: true }));
    return Item ? toRecord(Item) : undefined;
  }

  async listByEndpoint(endpointId: string, options: { limit?: number; cursor?: string } = {}): Promise<DeliveryLogPage> {
    return queryPage(
      this.db,
      { tableName: this.tableName, partition: gsi1.deliveries(endpointId), index: true, newestFirst: true },
      { limit: options.limit ?? 50, cursor: options.cursor },
      toRecord,
    );
  }

  async *listUndelivered(endpointId: string): AsyncIterable<EndpointDeliveryRecord[]> {
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :log',
      FilterExpression: '#status IN (:missed, :failed)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':log': gsi1.deliveries(endpointId), ':missed': 'missed', ':failed': 'failed' },
    });
    for await (const page of pages) yield page.map(toRecord);
  }
}

function toRecord(item: Record<string, unknown>): EndpointDeliveryRecord {
  const text = (name: string) => (typeof item[name] === 'string' ? (item[name] as string) : undefined);
  const record: EndpointDeliveryRecord = {
    changeId: item.changeId as string,
    endpointId: item.endpointId as string,
    channel: item.channel as EndpointDeliveryKey['channel'],
    event: item.event as EndpointDeliveryRecord['event'],
    status: item.status as EndpointDeliveryStatus,
    attempts: typeof item.attempts === 'number' ? item.attempts : 0,
    createdAt: item.createdAt as string,
    attemptLog: Array.isArray(item.attemptLog) ? (item.attemptLog as DeliveryAttempt[]) : [],
  };
  for (const name of ['billNumber', 'lastAttemptAt', 'nextAttemptAt', 'lastResult'] as const) {
    const value = text(name);
    if (value !== undefined) record[name] = value;
  }
  return record;
}
