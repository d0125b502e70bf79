import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { leaveOutbox, queryAll } from './dynamo-helpers.js';
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
 * The outbox of "new bill from …" alerts. The notice is written with the snapshot that noticed it, in the same
 * conditional write (BillStore.saveSnapshot's `originSignature`): the poller queues it for fan-out, then takes it
 * out; the sweeper queues what a crash left behind. The same road bill changes and news items travel, without
 * transactions, and without a write of its own.
 */
export interface OriginOutbox {
  /** Takes the notice out of the outbox, unless a later snapshot has put a newer one there since. */
  markQueued(notice: Pick<OriginNotice, 'billNumber' | 'signature'>, at: string): Promise<void>;
  /** Notices written before `before` (ISO) and not yet queued, a page at a time. */
  listUnqueued(before: string): AsyncIterable<OriginNotice[]>;
}

/** The snapshot item's attributes that hold its notice while it waits in the ORIGIN_OUTBOX index. */
export const ORIGIN_NOTICE_FIELDS = 'originSignature = :originSignature, originNoticedAt = :at, GSI1PK = :originOutbox, GSI1SK = :originNoticeKey';

/** The values of {@link ORIGIN_NOTICE_FIELDS} (`:at`, the snapshot's time, bound by the caller). */
export function originNoticeValues(number: string, signature: string, at: string): Record<string, string> {
  return { ':originSignature': signature, ':originOutbox': gsi1.originOutbox, ':originNoticeKey': `${at}#${number}` };
}

/** OriginOutbox on the single DynamoDB table: the snapshot items (BILL#n/SNAPSHOT) in the ORIGIN_OUTBOX index. */
export class DynamoOriginOutbox implements OriginOutbox {
  /** The partitions it reads and writes: the `dynamodb:LeadingKeys` of every function that uses it. */
  static readonly access: TableAccess = { actions: ['UpdateItem'], keys: ['bill'], index: ['originOutbox'] };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async markQueued(notice: Pick<OriginNotice, 'billNumber' | 'signature'>, at: string): Promise<void> {
    await leaveOutbox(this.db, this.tableName, keys.bill(notice.billNumber), 'originQueuedAt', at, {
      expression: 'originSignature = :signature',
      values: { ':signature': notice.signature },
    });
  }

  async *listUnqueued(before: string): AsyncIterable<OriginNotice[]> {
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :outbox AND GSI1SK < :before',
      ExpressionAttributeValues: { ':outbox': gsi1.originOutbox, ':before': before },
      // The snapshot's bill stays behind: the fan-out reads the latest one.
      ProjectionExpression: '#number, originSignature, originNoticedAt',
      ExpressionAttributeNames: { '#number': 'number' },
    });
    for await (const page of pages) {
      yield page.map((item) => ({ billNumber: String(item.number), signature: String(item.originSignature), noticedAt: String(item.originNoticedAt) }));
    }
  }
}
