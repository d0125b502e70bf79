import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys, type StoreKeys } from './table-schema.js';

/** Where one change stands on one recipient's digest list: waiting for the next digest, or gone out in one. */
export type DigestEntryState = 'pending' | 'sent';

/**
 * Reads one recipient's digest entry for one change, for the operator's console: the same items send-digests works
 * through (shared/store/digest-store.ts), read only. A proof of sending wins over a pending item left by a late
 * duplicate, as it does when the digest is sent.
 */
export class DynamoDigestEntryReader {
  /** The partitions it reads: the `dynamodb:LeadingKeys` of every function that uses it. */
  static readonly partitions: StoreKeys = { keys: ['digestPending', 'digestSent'], index: [] };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The change's state on the recipient's list; undefined when it was never put there (or was dropped). */
  async entryState(recipient: string, changeId: string): Promise<DigestEntryState | undefined> {
    const read = (Key: Record<string, string>) => this.db.send(new GetCommand({ TableName: this.tableName, Key, ProjectionExpression: 'PK' })).then(({ Item }) => Item !== undefined);
    const [sent, pending] = await Promise.all([read(keys.digestSent(recipient, changeId)), read(keys.digestPending(recipient, changeId))]);
    return sent ? 'sent' : pending ? 'pending' : undefined;
  }
}
