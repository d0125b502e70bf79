import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ignoreConditionFailure, leaveOutbox, queryAll } from './dynamo-helpers.js';
import type { TableAccess } from '../access/access.js';
import { GSI1, gsi1, keys } from './table-schema.js';

/** A bill whose committee or initiators were first read or changed, as the poller noticed it. */
export interface OriginNotice {
  billNumber: string;
  /** Fingerprint of the bill's origins (originSignature): one notice per set of origins a bill ever had. */
  signature: string;
  noticedAt: string;
}

/**
 * The outbox of "new bill from …" alerts: the poller writes a notice when a snapshot's committee or initiators differ
 * from the last one's, queues it for fan-out, then takes it out; the sweeper queues what a crash left behind. The
 * same road bill changes and news items travel, without transactions.
 */
export interface OriginOutbox {
  /** Writes the notice unless it exists (a re-poll of the same origins writes nothing new). */
  put(notice: OriginNotice): Promise<void>;
  markQueued(notice: Pick<OriginNotice, 'billNumber' | 'signature'>, at: string): Promise<void>;
  /** Notices written before `before` (ISO) and not yet queued, a page at a time. */
  listUnqueued(before: string): AsyncIterable<OriginNotice[]>;
}

/** OriginOutbox on the single DynamoDB table (BILL#n/ORIGIN#signature, in the ORIGIN_OUTBOX index until queued). */
export class DynamoOriginOutbox implements OriginOutbox {
  /** The partitions it reads and writes: the `dynamodb:LeadingKeys` of every function that uses it. */
  static readonly access: TableAccess = { actions: ['PutItem', 'UpdateItem'], keys: ['originNotice'], index: ['originOutbox'] };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(notice: OriginNotice): Promise<void> {
    await this.db
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.originNotice(notice.billNumber, notice.signature), ...notice, GSI1PK: gsi1.originOutbox, GSI1SK: `${notice.noticedAt}#${notice.billNumber}` },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      )
      .catch(ignoreConditionFailure);
  }

  async markQueued(notice: Pick<OriginNotice, 'billNumber' | 'signature'>, at: string): Promise<void> {
    await leaveOutbox(this.db, this.tableName, keys.originNotice(notice.billNumber, notice.signature), 'queuedAt', at);
  }

  async *listUnqueued(before: string): AsyncIterable<OriginNotice[]> {
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :outbox AND GSI1SK < :before',
      ExpressionAttributeValues: { ':outbox': gsi1.originOutbox, ':before': before },
    });
    for await (const page of pages) {
      yield page.map((item) => ({ billNumber: String(item.billNumber), signature: String(item.signature), noticedAt: String(item.noticedAt) }));
    }
  }
}
