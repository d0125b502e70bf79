import { DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './dynamo-helpers.js';
import type { FollowerRouteReader } from './follower-route-store.js';
import { keys, type StoreKeys } from './table-schema.js';

/** Removes every trace of a dropped bill being followed, so nothing names a bill nobody watches. */
export interface DroppedBillFollows {
  /** @returns how many followers it removed. */
  forget(billNumber: string): Promise<number>;
}

// Another writer may rewrite the list between its read and the removal; a few rounds settle it.
const LIST_ATTEMPTS = 5;

/**
 * DroppedBillFollows on the single table: for each follower item of the bill, the bill leaves the subscriber's profile
 * (so the preferences page no longer lists it, and saving the page cannot follow it again) or the endpoint's list,
 * then the FOLLOWS item, then the follower item itself, last, so a crash leaves it for the retry to find.
 */
export class DynamoDroppedBillFollows implements DroppedBillFollows {
  /** The partitions it reads and writes: the `dynamodb:LeadingKeys` of every function that uses it. */
  static readonly partitions: StoreKeys = { keys: ['follower', 'follows', 'subscriber', 'endpoint'], index: [] };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly followers: FollowerRouteReader,
  ) {}

  async forget(billNumber: string): Promise<number> {
    let removed = 0;
    for await (const routes of this.followers.listRoutes(billNumber)) {
      for (const route of routes) {
        if (route.channel === 'email') {
          await this.removeFromList(keys.subscriber(route.subscriberId), billNumber);
          await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.follows(route.subscriberId, billNumber) }));
        } else {
          await this.removeFromList(keys.endpoint(route.endpointId ?? route.subscriberId), billNumber);
        }
        await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.follower(billNumber, route.subscriberId) }));
        removed++;
      }
    }
    return removed;
  }

  /** Takes the bill out of an item's `bills` list by position, on condition it is still there. */
  private async removeFromList(key: { PK: string; SK: string }, billNumber: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: key, ProjectionExpression: '#bills', ExpressionAttributeNames: { '#bills': 'bills' }, ConsistentRead: true }),
      );
      const index = Array.isArray(Item?.bills) ? (Item.bills as unknown[]).indexOf(billNumber) : -1;
      if (index < 0) return;
      try {
        await this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: key,
            UpdateExpression: `REMOVE #bills[${index}]`,
            ConditionExpression: `#bills[${index}] = :bill`,
            ExpressionAttributeNames: { '#bills': 'bills' },
            ExpressionAttributeValues: { ':bill': billNumber },
          }),
        );
        return;
      } catch (error) {
        if (!isConditionFailure(error) || attempt >= LIST_ATTEMPTS) throw error;
      }
    }
  }
}
