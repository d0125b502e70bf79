import type { TableAccess } from '../access/access.js';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PollTier, TierAssignment } from '../bill/poll-tier.js';
import type { WatchedBill } from './bill-store.js';
import { TIER_FIELDS, tierValues, WATCHED_BILL_PROJECTION, watchedBillOf } from './bill-store.js';
import { ignoreConditionFailure } from './dynamo-helpers.js';
import { GSI1, gsi1, keys, watchedSortKey, WATCHED_RING_PREFIX } from './table-schema.js';

/** A watched bill as a poll run reads it from its tier's ring. `tier` is absent for a bill not filed yet. */
export type ScheduledBill = WatchedBill & { tier?: PollTier; tierReviewAt?: string };

/**
 * One pass of a tier over its ring of bills: started at `startedAt`, handed out up to `cursor` (a bill number),
 * `done` once the ring's end was reached. The next pass starts one tier interval after this one started.
 */
export interface TierPass {
  tier: PollTier;
  startedAt: string;
  cursor?: string;
  done: boolean;
}

/** The watch list as rings, one per poll tier, and how far each tier's pass has got. */
export interface PollScheduleStore {
  /** Up to `limit` bills of `tier`'s ring after bill `after` (from its start when absent), in ring order. */
  ring(tier: PollTier, after: string | undefined, limit: number): Promise<ScheduledBill[]>;
  pass(tier: PollTier): Promise<TierPass | undefined>;
  savePass(pass: TierPass): Promise<void>;
  /** Files a still-watched bill in a tier's ring (a bill unwatched meanwhile stays out of every ring). */
  fileInTier(number: string, assignment: TierAssignment): Promise<void>;
}

const PROJECTION = `${WATCHED_BILL_PROJECTION}, pollTier, tierReviewAt`;

/**
 * The rings are ranges of GSI1's WATCHED partition (see watchedSortKey): reading the next bills of a tier is one
 * Query from the pass's cursor, never a scan of the watch list.
 */
export class DynamoPollScheduleStore implements PollScheduleStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'PutItem', 'UpdateItem'],
    keys: ['pollPass', 'billState'],
    index: ['watched'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async ring(tier: PollTier, after: string | undefined, limit: number): Promise<ScheduledBill[]> {
    const range =
      tier === 'active'
        ? { condition: 'GSI1SK < :ringEnd', values: { ':ringEnd': WATCHED_RING_PREFIX } }
        : { condition: 'begins_with(GSI1SK, :ring)', values: { ':ring': watchedSortKey(tier, '') } };
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI1,
        KeyConditionExpression: `GSI1PK = :watched AND ${range.condition}`,
        ExpressionAttributeValues: { ':watched': gsi1.watched, ...range.values },
        ExpressionAttributeNames: { '#number': 'number', '#version': 'version' },
        ProjectionExpression: PROJECTION,
        Limit: limit,
        ...(after ? { ExclusiveStartKey: { GSI1PK: gsi1.watched, GSI1SK: watchedSortKey(tier, after), ...keys.billState(after) } } : {}),
      }),
    );
    return Items.map(({ pollTier, tierReviewAt, ...bill }) => ({
      ...watchedBillOf(bill),
      ...(pollTier ? { tier: pollTier as PollTier } : {}),
      ...(tierReviewAt ? { tierReviewAt: tierReviewAt as string } : {}),
    }));
  }

  async pass(tier: PollTier): Promise<TierPass | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.pollPass(tier), ConsistentRead: true }));
    if (!Item) return undefined;
    return { tier, startedAt: Item.startedAt as string, done: Item.done === true, ...(Item.cursor ? { cursor: Item.cursor as string } : {}) };
  }

  async savePass(pass: TierPass): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.pollPass(pass.tier), ...pass } }));
  }

  async fileInTier(number: string, assignment: TierAssignment): Promise<void> {
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.billState(number),
          UpdateExpression: `SET ${TIER_FIELDS}`,
          ConditionExpression: 'watched = :true',
          ExpressionAttributeValues: { ...tierValues(number, assignment), ':true': true },
        }),
      )
      .catch(ignoreConditionFailure);
  }
}
