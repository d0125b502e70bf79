import type { TableAccess } from '../access/access.js';
import { randomUUID } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Frequency } from '../subscriptions/subscription-preferences.js';
import { batchWriteAll, type WriteRequest } from './batch-write.js';
import { isConditionFailure, queryAll } from './dynamo-helpers.js';
import { DIGEST_PENDING_PREFIX, DIGEST_SENT_PREFIX, GSI1, TTL_ATTRIBUTE, gsi1, keys } from './table-schema.js';

interface PendingDigestEntry {
  recipient: string;
  /** The change's id, or the alert's: the key that keeps it on a recipient's list, and in one digest, once. */
  changeId: string;
  /** When fan-out put it on the list: the digest due is the first digest slot after it. */
  queuedAt: string;
  frequency: Exclude<Frequency, 'instant'>;
}

/** A bill change, or (kind `alert`) a topic match or "in the news" alert, waiting for a recipient's digest. */
export type PendingDigestItem = (PendingDigestEntry & { kind?: 'change'; billNumber: string }) | (PendingDigestEntry & { kind: 'alert' });

/** A recipient with changes waiting, as the DIGEST_PENDING index lists it. */
export interface DigestRecipientMarker {
  recipient: string;
  frequency: Exclude<Frequency, 'instant'>;
  /** Rewritten by every fan-out that adds to the list, so clearing the marker can tell it missed a late addition. */
  token: string;
}

/** How long a "sent in a digest" proof is kept: far longer than any fan-out can be late. */
const SENT_PROOF_DAYS = 60;

/**
 * Per-recipient digest lists: DIGEST#<recipient>/PENDING#<changeId> (deterministic, so a change is on a recipient's
 * list at most once), SENT#<changeId> proofs (so a late duplicate is dropped, not sent in a second digest) and a
 * MARKER item in GSI1 DIGEST_PENDING so the sender finds recipients without scanning.
 */
export interface DigestStore {
  /** Adds changes to recipients' lists in BatchWriteItem calls of 25. */
  addPending(items: readonly PendingDigestItem[]): Promise<void>;
  listRecipients(): AsyncIterable<DigestRecipientMarker[]>;
  /** A recipient's waiting changes, without those already sent in a digest. */
  readPending(recipient: string, now: Date): Promise<PendingDigestItem[]>;
  /** Records the changes as sent (proofs) and takes them off the list. */
  completeDigest(recipient: string, changeIds: readonly string[], at: Date): Promise<void>;
  /** Takes changes off the list without sending (the recipient is gone or unsubscribed). */
  dropPending(recipient: string, changeIds: readonly string[]): Promise<void>;
  /** Removes the marker unless a fan-out rewrote it since it was read; true when removed. */
  clearMarker(marker: DigestRecipientMarker): Promise<boolean>;
}

/** DigestStore on the single DynamoDB table. */
export class DynamoDigestStore implements DigestStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['DeleteItem', 'Query', 'BatchWriteItem'],
    keys: ['digestMarker', 'digestPending', 'digestSent'],
    index: ['digestPending'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async addPending(items: readonly PendingDigestItem[]): Promise<void> {
    const markers = new Map<string, DigestRecipientMarker>();
    for (const item of items) markers.set(item.recipient, { recipient: item.recipient, frequency: item.frequency, token: randomUUID() });
    const requests: WriteRequest[] = [
      ...items.map((item) => ({ PutRequest: { Item: { ...keys.digestPending(item.recipient, item.changeId), ...item } } })),
      ...[...markers.values()].map((marker) => ({
        PutRequest: { Item: { ...keys.digestMarker(marker.recipient), ...marker, GSI1PK: gsi1.digestPending, GSI1SK: marker.recipient } },
      })),
    ];
    await batchWriteAll(this.db, this.tableName, requests);
  }

  async *listRecipients(): AsyncIterable<DigestRecipientMarker[]> {
    yield* queryAll<DigestRecipientMarker>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :pending',
      ExpressionAttributeValues: { ':pending': gsi1.digestPending },
      ProjectionExpression: 'recipient, frequency, #token',
      ExpressionAttributeNames: { '#token': 'token' },
    });
  }

  async readPending(recipient: string, now: Date): Promise<PendingDigestItem[]> {
    const pending: PendingDigestItem[] = [];
    const sent = new Set<string>();
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.digestMarker(recipient).PK },
      ConsistentRead: true,
    });
    const nowSeconds = Math.floor(now.getTime() / 1000);
    for await (const page of pages) {
      for (const item of page) {
        const sk = item.SK as string;
        if (sk.startsWith(DIGEST_SENT_PREFIX) && Number(item[TTL_ATTRIBUTE] ?? Infinity) > nowSeconds) sent.add(item.changeId as string);
        if (sk.startsWith(DIGEST_PENDING_PREFIX)) pending.push(toPending(item));
      }
    }
    const duplicates = pending.filter((item) => sent.has(item.changeId)).map((item) => item.changeId);
    if (duplicates.length > 0) await this.dropPending(recipient, duplicates);
    return pending.filter((item) => !sent.has(item.changeId));
  }

  async completeDigest(recipient: string, changeIds: readonly string[], at: Date): Promise<void> {
    const expiresAt = Math.floor(at.getTime() / 1000) + SENT_PROOF_DAYS * 86_400;
    // Proofs first: a crash before the deletes leaves pending items that the next read drops as already sent.
    await batchWriteAll(
      this.db,
      this.tableName,
      changeIds.map((changeId) => ({
        PutRequest: { Item: { ...keys.digestSent(recipient, changeId), changeId, sentAt: at.toISOString(), [TTL_ATTRIBUTE]: expiresAt } },
      })),
    );
    await this.dropPending(recipient, changeIds);
  }

  async dropPending(recipient: string, changeIds: readonly string[]): Promise<void> {
    await batchWriteAll(this.db, this.tableName, changeIds.map((changeId) => ({ DeleteRequest: { Key: keys.digestPending(recipient, changeId) } })));
  }

  async clearMarker(marker: DigestRecipientMarker): Promise<boolean> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.digestMarker(marker.recipient),
          ConditionExpression: '#token = :token',
          ExpressionAttributeNames: { '#token': 'token' },
          ExpressionAttributeValues: { ':token': marker.token },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

function toPending(item: Record<string, unknown>): PendingDigestItem {
  const entry: PendingDigestEntry = {
    recipient: item.recipient as string,
    changeId: item.changeId as string,
    queuedAt: item.queuedAt as string,
    frequency: item.frequency === 'weekly' ? 'weekly' : 'daily',
  };
  // Items written before alerts had digests carry no kind: they are changes.
  return item.kind === 'alert' ? { ...entry, kind: 'alert' } : { ...entry, billNumber: item.billNumber as string };
}
