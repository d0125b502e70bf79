import type { TableAccess } from '../access/access.js';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OriginKindSchema, type BillOrigin, type OriginKind } from '../origins/bill-origin.js';
import { queryAll } from './dynamo-helpers.js';
import { deliveryRouteOf, type DeliveryRoute } from './follower-route-store.js';
import { queryPage, type PageRequest } from './query-page.js';
import type { Page } from './subscription-store.js';
import { FOLLOWER_PREFIX, GSI1, gsi1, keys } from './table-schema.js';

/** A committee or initiator as the catalog keeps it. */
export interface CatalogOrigin extends BillOrigin {
  originId: string;
  /** When a bill's passport last named it; absent for a name only followed, never seen. */
  lastSeenAt?: string;
  /** The last bill that named it. */
  lastBill?: string;
}

/**
 * Reads the catalog of committees and initiators (ORIGIN#id/DEFINITION in the ORIGINS index, written by the origin
 * store from passports and by the subscription store for names followed before any passport named them): what the
 * forms offer and the public list.
 */
export interface OriginCatalogReader {
  /** Every origin a passport has named, committees then initiators, each by normalised name. */
  listSeen(): Promise<CatalogOrigin[]>;
}

/** OriginCatalogReader on the single DynamoDB table; also the console's paged reads. */
export class DynamoOriginCatalog implements OriginCatalogReader {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = { actions: ['GetItem', 'Query'], keys: ['origin'], index: ['origins'] };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listSeen(): Promise<CatalogOrigin[]> {
    const origins: CatalogOrigin[] = [];
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :index',
      // A name only a subscriber typed is theirs, not the public's: the list shows what passports named.
      FilterExpression: 'attribute_exists(lastSeenAt)',
      ExpressionAttributeValues: { ':index': gsi1.origins },
    });
    for await (const page of pages) origins.push(...page.flatMap(toCatalogOrigin));
    return origins;
  }

  /**
   * One page of the catalog of one kind, followed-only names included (the console's listing), by normalised name.
   * @throws InvalidCursorError for a cursor this listing did not hand out
   */
  async page(kind: OriginKind, page: PageRequest): Promise<Page<CatalogOrigin>> {
    return queryPage(this.db, { tableName: this.tableName, partition: gsi1.origins, index: true, sortKeyPrefix: `${kind}#` }, page, (item) =>
      toCatalogOrigin(item)[0],
    );
  }

  /** One origin of the catalog, or undefined. */
  async get(originId: string): Promise<CatalogOrigin | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.origin(originId) }));
    return Item ? toCatalogOrigin(Item)[0] : undefined;
  }

  /**
   * One page of an origin's followers with their routing (subscribers by email, endpoints by their channel).
   * @throws InvalidCursorError for a cursor this listing did not hand out
   */
  async followerPage(originId: string, page: PageRequest): Promise<Page<DeliveryRoute>> {
    return queryPage(this.db, { tableName: this.tableName, partition: keys.origin(originId).PK, sortKeyPrefix: FOLLOWER_PREFIX }, page, (item) =>
      typeof item.subscriberId === 'string' ? deliveryRouteOf(item) : undefined,
    );
  }
}

/** A catalog item, read defensively (other modules write it): one without a kind, a name or an id is left out. */
function toCatalogOrigin(item: Record<string, unknown>): CatalogOrigin[] {
  const kind = OriginKindSchema.safeParse(item.kind);
  if (!kind.success || typeof item.name !== 'string' || typeof item.originId !== 'string') return [];
  return [
    {
      originId: item.originId,
      kind: kind.data,
      name: item.name,
      ...(typeof item.lastSeenAt === 'string' ? { lastSeenAt: item.lastSeenAt } : {}),
      ...(typeof item.lastBill === 'string' ? { lastBill: item.lastBill } : {}),
    },
  ];
}
