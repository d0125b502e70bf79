import type { TableAccess } from '../access/access.js';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from './batch-write.js';
import { queryAll } from './dynamo-helpers.js';
import { GSI1, gsi1, keys } from './table-schema.js';

/** A message parked until it is due. */
export interface DueRetry {
  id: string;
  dueAt: string;
  message: unknown;
}

/**
 * Delivery attempts due later than SQS can delay a message (15 minutes): parked as items in GSI1 RETRY_DUE sorted by
 * due time, re-queued by the scheduled redrive function. `id` is the delivery and attempt, so parking twice is one item.
 */
export interface RetryDueStore {
  park(retry: DueRetry): Promise<void>;
  /** Retries due at or before `now`, oldest first, a page at a time. */
  listDue(now: Date): AsyncIterable<DueRetry[]>;
  remove(ids: readonly string[]): Promise<void>;
}

/** RetryDueStore on the single DynamoDB table. */
export class DynamoRetryDueStore implements RetryDueStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['PutItem', 'BatchWriteItem'],
    keys: ['retryDue'],
    index: ['retryDue'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async park(retry: DueRetry): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.retryDue(retry.id), ...retry, GSI1PK: gsi1.retryDue, GSI1SK: `${retry.dueAt}#${retry.id}` },
      }),
    );
  }

  async *listDue(now: Date): AsyncIterable<DueRetry[]> {
    const pages = queryAll<DueRetry>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      // '#' sorts after every character of an ISO date's end, so "<now>#~" takes every id due exactly at now.
      KeyConditionExpression: 'GSI1PK = :due AND GSI1SK <= :now',
      ExpressionAttributeValues: { ':due': gsi1.retryDue, ':now': `${now.toISOString()}#~` },
      ProjectionExpression: 'id, dueAt, message',
    });
    yield* pages;
  }

  async remove(ids: readonly string[]): Promise<void> {
    await batchWriteAll(this.db, this.tableName, ids.map((id) => ({ DeleteRequest: { Key: keys.retryDue(id) } })));
  }
}
