import type { TableAccess } from '../access/access.js';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EndpointSchema, type DisabledReason, type Endpoint } from '../webhooks/endpoint.js';
import type { SecretRotation } from '../webhooks/webhook-signature.js';
import { batchWriteAll } from './batch-write.js';
import { ignoreConditionFailure, isConditionFailure } from './dynamo-helpers.js';
import { decodeCursor, encodeCursor, type Page } from './subscription-store.js';
import { GSI1, gsi1, keys } from './table-schema.js';
import { watchBills } from './bill-store.js';
import { followedOrigins, originId } from '../origins/bill-origin.js';
import { defineOrigins } from './origin-store.js';

/** Webhook and Slack endpoints, and the follower items that let fan-out route a bill's changes to them. */
export interface EndpointStore {
  /** Writes a new endpoint and a follower item per bill it follows (channel = its kind). */
  create(endpoint: Endpoint): Promise<void>;
  get(endpointId: string): Promise<Endpoint | undefined>;
  /**
   * Every endpoint in creation order, a page at a time.
   * @throws InvalidCursorError for a cursor this listing did not hand out
   */
  list(options: { limit: number; cursor?: string }): Promise<Page<Endpoint>>;
  /** Disables an active endpoint; true only for the call that disabled it, so its owner is told once. */
  disable(endpointId: string, reason: DisabledReason, at: string): Promise<boolean>;
  /** Makes an endpoint active again with a clean failure record. */
  enable(endpointId: string): Promise<void>;
  /**
   * Replaces the committees and initiators it follows (what is not given stays), and their follower items; the bills
   * they brought stay followed. The endpoint as it now is, undefined when there is none.
   */
  setOrigins(endpointId: string, origins: EndpointOrigins): Promise<Endpoint | undefined>;
  /** Turns its Monday "week ahead" post on or off; the endpoint as it now is, undefined when there is none. */
  setWeekAhead(endpointId: string, on: boolean): Promise<Endpoint | undefined>;
  /** Notes a failed attempt; returns when the current run of failures began. */
  recordFailure(endpointId: string, at: string): Promise<string>;
  /** A success ends the run of failures. */
  recordSuccess(endpointId: string): Promise<void>;
  replaceSecrets(endpointId: string, secrets: SecretRotation): Promise<void>;
}

/** The committees and initiators an endpoint follows, as a change gives them: a list not given stays as it is. */
export type EndpointOrigins = Partial<Pick<Endpoint, 'committees' | 'initiators'>>;

/**
 * EndpointStore on the single table: ENDPOINT#id/PROFILE, BILL#n/FOLLOWER#id items with channel and endpointId, and
 * ORIGIN#o/FOLLOWER#id items for the committees and initiators it follows (routed by "new bill" fan-out).
 */
export class DynamoEndpointStore implements EndpointStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'PutItem', 'UpdateItem', 'BatchWriteItem'],
    keys: ['endpoint', 'follower', 'originFollower'],
    index: ['endpoints'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(endpoint: Endpoint): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.endpoint(endpoint.id), ...endpoint, GSI1PK: gsi1.endpoints, GSI1SK: `${endpoint.createdAt}#${endpoint.id}` },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    const follower = followerRoute(endpoint);
    await batchWriteAll(this.db, this.tableName, [
      ...endpoint.bills.map((billNumber) => ({ PutRequest: { Item: { ...keys.follower(billNumber, endpoint.id), billNumber, ...follower } } })),
      ...originFollowerPuts(endpoint),
    ]);
    await defineOrigins(this.db, this.tableName, followedOrigins(endpoint));
    await watchBills(this.db, this.tableName, endpoint.bills);
  }

  async get(endpointId: string): Promise<Endpoint | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.endpoint(endpointId), ConsistentRead: true }));
    if (!Item) return undefined;
    const parsed = EndpointSchema.safeParse(Item);
    if (!parsed.success) throw new Error(`endpoint ${endpointId} is malformed in the table: ${parsed.error.message}`);
    return parsed.data;
  }

  async list(options: { limit: number; cursor?: string }): Promise<Page<Endpoint>> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI1,
        KeyConditionExpression: 'GSI1PK = :endpoints',
        ExpressionAttributeValues: { ':endpoints': gsi1.endpoints },
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor, gsi1.endpoints),
      }),
    );
    // The index is eventually consistent and shared: an item that does not parse is left out rather than failing the list.
    const items = (page.Items ?? []).flatMap((item) => {
      const parsed = EndpointSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
    const cursor = encodeCursor(page.LastEvaluatedKey);
    return cursor ? { items, cursor } : { items };
  }

  async disable(endpointId: string, reason: DisabledReason, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.endpoint(endpointId),
          UpdateExpression: 'SET #status = :disabled, disabledReason = :reason, disabledAt = :at',
          ConditionExpression: '#status = :active',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':disabled': 'disabled', ':active': 'active', ':reason': reason, ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async enable(endpointId: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.endpoint(endpointId),
        UpdateExpression: 'SET #status = :active REMOVE disabledReason, disabledAt, failingSince',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active' },
      }),
    );
  }

  async setOrigins(endpointId: string, origins: EndpointOrigins): Promise<Endpoint | undefined> {
    const given = (['committees', 'initiators'] as const).filter((field) => origins[field] !== undefined);
    if (given.length === 0) return this.get(endpointId);
    let before: Endpoint;
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.endpoint(endpointId),
          UpdateExpression: `SET ${given.map((field) => `#${field} = :${field}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: Object.fromEntries(given.map((field) => [`#${field}`, field])),
          ExpressionAttributeValues: Object.fromEntries(given.map((field) => [`:${field}`, origins[field]])),
          ReturnValues: 'ALL_OLD',
        }),
      );
      before = EndpointSchema.parse(Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
    const after: Endpoint = { ...before, ...origins };
    const kept = new Set(followedOrigins(after).map((origin) => originId(origin.kind, origin.name)));
    const dropped = followedOrigins(before)
      .map((origin) => originId(origin.kind, origin.name))
      .filter((id) => !kept.has(id));
    await batchWriteAll(this.db, this.tableName, [...originFollowerPuts(after), ...dropped.map((id) => ({ DeleteRequest: { Key: keys.originFollower(id, endpointId) } }))]);
    await defineOrigins(this.db, this.tableName, followedOrigins(after));
    return after;
  }

  async setWeekAhead(endpointId: string, on: boolean): Promise<Endpoint | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.endpoint(endpointId),
          UpdateExpression: 'SET weekAhead = :on',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':on': on },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return EndpointSchema.parse(Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async recordFailure(endpointId: string, at: string): Promise<string> {
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.endpoint(endpointId),
        UpdateExpression: 'SET failingSince = if_not_exists(failingSince, :at)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': at },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Attributes?.failingSince as string;
  }

  async recordSuccess(endpointId: string): Promise<void> {
    // Conditional, so the common case (no failures) costs a failed condition rather than a rewrite of the item.
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.endpoint(endpointId),
          UpdateExpression: 'REMOVE failingSince',
          ConditionExpression: 'attribute_exists(failingSince)',
        }),
      )
      .catch(ignoreConditionFailure);
  }

  async replaceSecrets(endpointId: string, secrets: SecretRotation): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.endpoint(endpointId),
        UpdateExpression: 'SET secrets = :secrets',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':secrets': secrets },
      }),
    );
  }
}

/** How an endpoint's follower items route to it: as a follower of its own id, on its channel, at its frequency. */
function followerRoute(endpoint: Endpoint) {
  return { subscriberId: endpoint.id, endpointId: endpoint.id, channel: endpoint.kind, frequency: endpoint.frequency };
}

/** A follower item under each committee and initiator the endpoint follows, for "new bill" fan-out to find it by. */
function originFollowerPuts(endpoint: Endpoint) {
  return followedOrigins(endpoint).map((origin) => {
    const id = originId(origin.kind, origin.name);
    return { PutRequest: { Item: { ...keys.originFollower(id, endpoint.id), originId: id, kind: origin.kind, name: origin.name, ...followerRoute(endpoint) } } };
  });
}
