import type { TableAccess } from '../access/access.js';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './dynamo-helpers.js';
import { DynamoAddressBook } from './address-book.js';
import { EmailAddressSchema } from './subscriber-store.js';
import { GSI1, gsi1, keys } from './table-schema.js';

/** Why an address is never mailed again. */
export interface Suppression {
  email: string;
  subscriberId: string;
  /** `bounce` (a permanent bounce) or `complaint` (marked as spam). */
  reason: 'bounce' | 'complaint';
  /** The provider's detail, e.g. the bounce sub-type or the complaint feedback type. */
  detail?: string;
  at: string;
}

/**
 * The suppression list: addresses that hard-bounced or complained. Kept apart from the profile so an address
 * stays suppressed even when it has no subscriber (a bounced confirmation email, an erased profile).
 */
export class DynamoSuppressionStore {
  /**
   * What it does on the table and where, with what the address book it builds does: the grants (actions,
   * `dynamodb:LeadingKeys`) of every function that uses it.
   */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'PutItem', 'UpdateItem'],
    keys: ['address', 'movedSubscriber', 'subscriber', 'suppression'],
    index: ['suppressions'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Suppresses an address: the list entry first (what sign-up checks), then the profile's status (what
   * sending checks). The first reason recorded is kept. The follows are the caller's to drop.
   */
  async suppress(input: Omit<Suppression, 'subscriberId'>): Promise<Suppression> {
    const email = EmailAddressSchema.parse(input.email);
    const subscriberId = await new DynamoAddressBook(this.db, this.tableName).idFor(email);
    const suppression: Suppression = { ...input, email, subscriberId };
    await this.db
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.suppression(suppression.subscriberId), ...suppression, GSI1PK: gsi1.suppressions, GSI1SK: suppression.at },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.subscriber(suppression.subscriberId),
          UpdateExpression: 'SET #status = :suppressed, suppressionReason = :reason',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':suppressed': 'suppressed', ':reason': describe(suppression) },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    return suppression;
  }

  async get(subscriberId: string): Promise<Suppression | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.suppression(subscriberId), ConsistentRead: true }),
    );
    return Item ? toSuppression(Item) : undefined;
  }

  async isSuppressed(subscriberId: string): Promise<boolean> {
    return (await this.get(subscriberId)) !== undefined;
  }

  /** The newest suppressions first, at most `limit`. */
  async listRecent(limit: number): Promise<Suppression[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI1,
        KeyConditionExpression: 'GSI1PK = :index',
        ExpressionAttributeValues: { ':index': gsi1.suppressions },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map(toSuppression);
  }
}

function describe(suppression: Suppression): string {
  return suppression.detail ? `${suppression.reason}: ${suppression.detail}` : suppression.reason;
}

function toSuppression(item: Record<string, unknown>): Suppression {
  const suppression: Suppression = {
    email: item.email as string,
    subscriberId: item.subscriberId as string,
    reason: item.reason as Suppression['reason'],
    at: item.at as string,
  };
  if (typeof item.detail === 'string') suppression.detail = item.detail;
  return suppression;
}
