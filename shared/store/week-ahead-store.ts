import { DeleteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PlannedEventSchema, type Bill } from '../bill/bill.js';
import type { WeekAheadBill } from '../digests/week-ahead-agenda.js';
import { EndpointSchema, type Endpoint } from '../webhooks/endpoint.js';
import { BILL_DEFLATED, CorruptSnapshotError, decodeBillSnapshot } from './bill-snapshot-codec.js';
import { batchGetAll, ignoreConditionFailure, isConditionFailure, queryAll } from './dynamo-helpers.js';
import { toSubscriber, type Subscriber } from './subscriber-store.js';
import type { TableAccess } from '../access/access.js';
import { FOLLOWS_PREFIX, GSI1, gsi1, keys, TTL_ATTRIBUTE } from './table-schema.js';

/** How long a week's record is kept: long after its week, so no late run can send that week again. */
const RECORD_DAYS = 60;

/** How a week's email ended: sent, or nothing planned (nothing sent, and the week is done all the same). */
export type WeekAheadOutcome = 'sent' | 'empty';

/**
 * Who asked for the week ahead, the bills' planned events, and one record per (recipient, ISO week):
 * WEEKAHEAD#<recipient>/WEEK#<week>, claimed with a lease before a send and marked after, so a re-run, a retried
 * invocation or two overlapping runs send a week's email once.
 */
export interface WeekAheadStore {
  /** Active subscribers who asked for the week ahead, a page at a time (the SUBSCRIBERS index, filtered). */
  subscribers(): AsyncIterable<Subscriber[]>;
  /** Endpoints that asked for the week ahead, a page at a time (the ENDPOINTS index, filtered). */
  endpoints(): AsyncIterable<Endpoint[]>;
  /**
   * The bills a subscriber follows through FOLLOWS items: beside the profile's own list, those an older CLI follow or a
   * followed committee or initiator brought ("new bill from …"), which the profile does not list.
   */
  followedBills(subscriberId: string): Promise<string[]>;
  /** The snapshots of the bills that have one: only what the week ahead shows, never the whole page. */
  bills(numbers: readonly string[]): Promise<WeekAheadBill[]>;
  /** Takes the week for this run: true unless it is done, or claimed by a run whose lease has not run out. */
  claim(recipient: string, week: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Marks the claimed week done. */
  complete(recipient: string, week: string, outcome: WeekAheadOutcome, now: Date): Promise<void>;
  /** Gives a claimed week back after a failed send, so the next run tries again. */
  release(recipient: string, week: string): Promise<void>;
}

/** WeekAheadStore on the single DynamoDB table. */
export class DynamoWeekAheadStore implements WeekAheadStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['UpdateItem', 'DeleteItem', 'BatchGetItem', 'Query'],
    keys: ['weekAhead', 'bill', 'subscriber'],
    index: ['subscribers', 'endpoints'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async *subscribers(): AsyncIterable<Subscriber[]> {
    for await (const page of this.optedIn(gsi1.subscribers)) yield page.map(toSubscriber);
  }

  async *endpoints(): AsyncIterable<Endpoint[]> {
    for await (const page of this.optedIn(gsi1.endpoints)) {
      // A bad item is left out, not allowed to stop everyone else's week.
      yield page.flatMap((item) => {
        const parsed = EndpointSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      });
    }
  }

  async followedBills(subscriberId: string): Promise<string[]> {
    const numbers: string[] = [];
    const pages = queryAll<{ billNumber?: unknown }>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.subscriber(subscriberId).PK, ':prefix': FOLLOWS_PREFIX },
      ProjectionExpression: 'billNumber',
    });
    for await (const page of pages) numbers.push(...page.flatMap((item) => (typeof item.billNumber === 'string' ? [item.billNumber] : [])));
    return numbers;
  }

  async bills(numbers: readonly string[]): Promise<WeekAheadBill[]> {
    const items = await batchGetAll(this.db, {
      tableName: this.tableName,
      keys: [...new Set(numbers)].map((number) => keys.bill(number)),
      // Every layout a snapshot may be in (shared/store/bill-snapshot-codec.ts); of the oldest, the `bill` map, only the
      // fields shown. Only recipients whose week is due get here, so each bill is read at most once a run, on Mondays.
      projection: `#number, ${BILL_DEFLATED}, billJson, bill.title, bill.#url, bill.committee, bill.plannedEvents`,
      names: { '#number': 'number', '#url': 'url' },
    });
    return items.flatMap((item) => {
      const bill = (typeof item.number === 'string' ? readableBill(item.number, item) : undefined) as Partial<Record<keyof WeekAheadBill, unknown>> | undefined;
      const planned = PlannedEventSchema.array().safeParse(bill?.plannedEvents);
      if (typeof item.number !== 'string' || typeof bill?.title !== 'string' || typeof bill.url !== 'string' || !planned.success) return [];
      return [{ number: item.number, title: bill.title, url: bill.url, plannedEvents: planned.data, ...(typeof bill.committee === 'string' ? { committee: bill.committee } : {}) }];
    });
  }

  async claim(recipient: string, week: string, now: Date, leaseMs: number): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.weekAhead(recipient, week),
          UpdateExpression: 'SET #state = :claimed, leaseUntil = :until, recipient = :recipient, week = :week, #ttl = :expires',
          // Free, an expired record (dynalite keeps them), or a claim whose run died before it could finish.
          ConditionExpression: 'attribute_not_exists(#state) OR #ttl <= :nowSeconds OR (#state = :claimed AND leaseUntil <= :now)',
          ExpressionAttributeNames: { '#state': 'state', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':claimed': 'claimed',
            ':until': new Date(now.getTime() + leaseMs).toISOString(),
            ':now': now.toISOString(),
            ':nowSeconds': Math.floor(now.getTime() / 1000),
            ':expires': Math.floor(now.getTime() / 1000) + RECORD_DAYS * 86_400,
            ':recipient': recipient,
            ':week': week,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async complete(recipient: string, week: string, outcome: WeekAheadOutcome, now: Date): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.weekAhead(recipient, week),
        UpdateExpression: 'SET #state = :outcome, doneAt = :now REMOVE leaseUntil',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':outcome': outcome, ':now': now.toISOString() },
      }),
    );
  }

  async release(recipient: string, week: string): Promise<void> {
    await this.db
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.weekAhead(recipient, week),
          ConditionExpression: '#state = :claimed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed' },
        }),
      )
      .catch(ignoreConditionFailure);
  }

  private optedIn(partition: string): AsyncIterable<Record<string, unknown>[]> {
    return queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :partition',
      FilterExpression: 'weekAhead = :yes AND #status = :active',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':partition': partition, ':yes': true, ':active': 'active' },
    });
  }
}

/**
 * The bill of a snapshot item, or undefined when its stored bill cannot be read: one damaged snapshot must not hold
 * back the week ahead of everyone who follows it; the poller reports it on every poll of the bill (its health, an
 * error log, the run's summary).
 */
function readableBill(number: string, item: Record<string, unknown>): Bill | undefined {
  try {
    return decodeBillSnapshot(number, item);
  } catch (error) {
    if (error instanceof CorruptSnapshotError) return undefined;
    throw error;
  }
}
