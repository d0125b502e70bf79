import type { TableAccess } from '../access/access.js';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BillChangeSchema, type BillChange } from '../bill/bill-change.js';
import { GSI1, gsi1, keys } from './table-schema.js';
import { batchWriteAll } from './batch-write.js';
import { isConditionFailure, queryAll } from './dynamo-helpers.js';

/**
 * The changes detected, written once each. A change sits in the outbox (GSI1 partition OUTBOX) from the
 * moment it is written until it is queued for fan-out; the sweeper re-queues what stays there too long.
 * That replaces a transaction or a stream, which dynalite lacks, and works the same on DynamoDB.
 */
export interface ChangeStore {
  /** Writes the change unless one with its id exists; true when this call wrote it. */
  putIfAbsent(change: BillChange): Promise<boolean>;
  /**
   * Takes the changes out of the outbox, recording `at` as when they were queued: in BatchWriteItem calls of 25 that
   * rewrite each item as written, without its outbox keys. Equivalent to an update per item because a change item is
   * never changed after its write but here, nor deleted; so give the changes as written (a re-queue is harmless).
   * @throws Error when DynamoDB still leaves some unwritten after its retries (they stay in the outbox, for the sweeper)
   */
  markAllQueued(changes: readonly BillChange[], at: string): Promise<void>;
  get(billNumber: string, changeId: string): Promise<BillChange | undefined>;
  /** Changes written before `before` (ISO) and not yet queued, a page at a time, as written (fit for markAllQueued). */
  listUnqueued(before: string): AsyncIterable<BillChange[]>;
}

/** ChangeStore on the single DynamoDB table. */
export class DynamoChangeStore implements ChangeStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'PutItem', 'BatchWriteItem', 'Query'],
    keys: ['change'],
    index: ['outbox'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putIfAbsent(change: BillChange): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...changeItem(change), GSI1PK: gsi1.outbox, GSI1SK: `${change.detectedAt}#${change.id}` },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async markAllQueued(changes: readonly BillChange[], at: string): Promise<void> {
    // BatchWriteItem refuses a request that names an item twice.
    const once = new Map(changes.map((change) => [`${change.billNumber}\n${change.id}`, change]));
    await batchWriteAll(this.db, this.tableName, [...once.values()].map((change) => ({ PutRequest: { Item: { ...changeItem(change), queuedAt: at } } })));
  }

  async get(billNumber: string, changeId: string): Promise<BillChange | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.change(billNumber, changeId) }),
    );
    return Item ? BillChangeSchema.parse(Item.change) : undefined;
  }

  /** Every change of one bill (its event changes and its status-only changes), in no particular order. */
  async listForBill(billNumber: string): Promise<BillChange[]> {
    const changes: BillChange[] = [];
    // One bill's changes are bounded by its history: a few hundred items at most, read a page at a time.
    for await (const page of queryAll<{ change: unknown }>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :change)',
      ExpressionAttributeValues: { ':pk': keys.change(billNumber, '').PK, ':change': keys.change(billNumber, '').SK },
      ProjectionExpression: 'change',
    })) {
      changes.push(...page.map((item) => BillChangeSchema.parse(item.change)));
    }
    return changes;
  }

  async *listUnqueued(before: string): AsyncIterable<BillChange[]> {
    const pages = queryAll<{ change: unknown }>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :outbox AND GSI1SK < :before',
      ExpressionAttributeValues: { ':outbox': gsi1.outbox, ':before': before },
    });
    for await (const page of pages) yield page.map((item) => changeAsWritten(item.change));
  }
}

/**
 * A stored change once checked, but as written, not as parsed: the sweeper hands it back to markAllQueued, which
 * rewrites the item whole, and parsing would strip a field this version does not know (a newer poller's, mid-deploy).
 */
function changeAsWritten(stored: unknown): BillChange {
  BillChangeSchema.parse(stored);
  return stored as BillChange;
}

/** A change's item outside the outbox: what every write of it has in common. */
function changeItem(change: BillChange): Record<string, unknown> {
  return { ...keys.change(change.billNumber, change.id), change, createdAt: change.detectedAt };
}
