import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { normalizeOriginName, originId, type BillOrigin } from '../origins/bill-origin.js';
import { releaseBills, watchBills } from './bill-store.js';
import { isConditionFailure, queryAll } from './dynamo-helpers.js';
import { deliveryRouteOf, type DeliveryRoute } from './follower-route-store.js';
import { indexSortKey } from './index-sort-key.js';
import type { TableAccess } from '../access/access.js';
import { FOLLOWER_PREFIX, gsi1, keys } from './table-schema.js';

/** Which "new bill" alert made a follower follow a bill, so a retry finds its own follow and routes again. */
export interface OriginFollowClaim {
  originId: string;
  alertId: string;
}

/**
 * Committees and initiators: the catalog of those seen in passports (in the ORIGINS index, for the forms to offer),
 * their followers, and the bill follows a "new bill" alert makes. Follower items of origins are written by the subscription store with the
 * rest of a subscriber's follows.
 */
export interface OriginStore {
  /** Records that a bill's passport names these origins (their latest spelling, when, which bill). */
  recordSeen(origins: readonly BillOrigin[], billNumber: string, at: string): Promise<void>;
  /** The followers of an origin with how each wants its alerts, a page at a time. */
  listFollowers(originId: string): AsyncIterable<DeliveryRoute[]>;
  /**
   * Makes a follower of an origin follow one of its bills (and watches the bill), unless it follows the bill already
   * some other way. True when the follow is this claim's (new, or written by the same alert before a retry).
   */
  followBill(billNumber: string, route: DeliveryRoute, claim: OriginFollowClaim): Promise<boolean>;
  /** Takes a bill off the watch list if nothing follows it (a new bill read only to learn its origins). */
  releaseIfUnfollowed(billNumber: string): Promise<void>;
}

/** OriginStore on the single DynamoDB table. */
export class DynamoOriginStore implements OriginStore {
  /** The partitions it reads and writes: the `dynamodb:LeadingKeys` of every function that uses it. */
  static readonly access: TableAccess = { actions: ['PutItem', 'UpdateItem', 'Query'], keys: ['origin', 'follower', 'follows'], index: ['origins'] };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recordSeen(origins: readonly BillOrigin[], billNumber: string, at: string): Promise<void> {
    for (const origin of origins) {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.origin(originId(origin.kind, origin.name)),
          UpdateExpression: 'SET originId = :id, kind = :kind, #name = :name, lastSeenAt = :at, lastBill = :bill, GSI1PK = :index, GSI1SK = :sort',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':id': originId(origin.kind, origin.name), ':kind': origin.kind, ':name': origin.name, ':at': at, ':bill': billNumber, ...catalogIndex(origin) },
        }),
      );
    }
  }

  async *listFollowers(id: string): AsyncIterable<DeliveryRoute[]> {
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.origin(id).PK, ':prefix': FOLLOWER_PREFIX },
    });
    for await (const page of pages) yield page.flatMap((item) => (typeof item.subscriberId === 'string' ? [deliveryRouteOf(item)] : []));
  }

  async followBill(billNumber: string, route: DeliveryRoute, claim: OriginFollowClaim): Promise<boolean> {
    const { subscriberId } = route;
    const claimed = { originId: claim.originId, originAlertId: claim.alertId };
    try {
      // A follow of the bill by any other road (the subscriber's own list, another origin's alert) is left as it is.
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.follower(billNumber, subscriberId), billNumber, ...route, ...claimed },
          ConditionExpression: 'attribute_not_exists(PK) OR originAlertId = :alert',
          ExpressionAttributeValues: { ':alert': claim.alertId },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
    if (route.channel === 'email') {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.follows(subscriberId, billNumber), billNumber, subscriberId, ...claimed } }));
    }
    await watchBills(this.db, this.tableName, [billNumber]);
    return true;
  }

  async releaseIfUnfollowed(billNumber: string): Promise<void> {
    await releaseBills(this.db, this.tableName, [billNumber]);
  }
}

/** The catalog item's place in the ORIGINS index: by kind, then normalised name (within DynamoDB's sort-key limit). */
export function catalogIndex(origin: BillOrigin): Record<':index' | ':sort', string> {
  return { ':index': gsi1.origins, ':sort': `${origin.kind}#${indexSortKey(normalizeOriginName(origin.name))}` };
}

/**
 * Puts followed names in the catalog if no passport named them yet (the first spelling followed is kept until one
 * does), so the forms and the console list what is followed. Subscribers and endpoints both follow through it; the
 * grant of their `originFollower` items (the ORIGIN#… partition) covers it.
 */
export async function defineOrigins(db: DynamoDBDocumentClient, tableName: string, origins: readonly BillOrigin[]): Promise<void> {
  for (const origin of origins) {
    const id = originId(origin.kind, origin.name);
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.origin(id),
        UpdateExpression: 'SET originId = :id, kind = :kind, #name = if_not_exists(#name, :name), GSI1PK = :index, GSI1SK = :sort',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':id': id, ':kind': origin.kind, ':name': origin.name, ...catalogIndex(origin) },
      }),
    );
  }
}
