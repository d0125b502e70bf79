import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EndpointSchema, type DisabledReason, type Endpoint } from '../webhooks/endpoint.js';
import type { SecretRotation } from '../webhooks/webhook-signature.js';
import { batchWriteAll } from './batch-write.js';
import { ignoreConditionFailure, isConditionFailure } from './dynamo-helpers.js';
import { decodeCursor, encodeCursor, type Page } from './subscription-store.js';
import { GSI1, gsi1, keys, type StoreKeys } from './table-schema.js';
import { watchBills } from './bill-store.js';

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
  /** Turns its Monday "week ahead" post on or off; the endpoint as it now is, undefined when there is none. */
  setWeekAhead(endpointId: string, on: boolean): Promise<Endpoint | undefined>;
  /** Notes a failed attempt; returns when the current run of failures began. */
  recordFailure(endpointId: string, at: string): Promise<string>;
  /** A success ends the run of failures. */
  recordSuccess(endpointId: string): Promise<void>;
  replaceSecrets(endpointId: string, secrets: SecretRotation): Promise<void>;
}

/** EndpointStore on the single table: ENDPOINT#id/PROFILE, and BILL#n/FOLLOWER#id items with channel and endpointId. */
export class DynamoEndpointStore implements EndpointStore {
  /** The partitions it reads and writes: the `dynamodb:LeadingKeys` of every function that uses it. */
  static readonly partitions: StoreKeys = { keys: ['endpoint', 'follower'], index: ['endpoints'] };

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
    const follower = { subscriberId: endpoint.id, endpointId: endpoint.id, channel: endpoint.kind, frequency: endpoint.frequency };
    await batchWriteAll(
      this.db,
      this.tableName,
      endpoint.bills.map((billNumber) => ({ PutRequest: { Item: { ...keys.follower(billNumber, endpoint.id), billNumber, ...follower } } })),
    );
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
