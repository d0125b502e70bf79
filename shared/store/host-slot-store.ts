import type { TableAccess } from '../access/access.js';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './dynamo-helpers.js';
import { keys } from './table-schema.js';

/** Request slots at a host, handed out once across every process: the shared half of the per-host rate limit. */
export interface HostSlotStore {
  /**
   * Claims `count` consecutive slots `gapMs` apart at `host`, none before `nowMs`; returns the first slot's time.
   * Two claimers never get the same slot.
   */
  claim(host: string, count: number, gapMs: number, nowMs: number): Promise<number>;
}

/** Attempts before a claim gives up: each lost race means another poller just claimed, so the next try succeeds. */
const MAX_ATTEMPTS = 20;

/** HostSlotStore on one item per host holding the next free slot, advanced by conditional writes. */
export class DynamoHostSlotStore implements HostSlotStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'UpdateItem'],
    keys: ['hostSlots'],
    index: [],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(host: string, count: number, gapMs: number, nowMs: number): Promise<number> {
    const Key = keys.hostSlots(host);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }));
      const seen = typeof Item?.nextFreeMs === 'number' ? Item.nextFreeMs : undefined;
      const first = Math.max(nowMs, seen ?? 0);
      try {
        await this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key,
            UpdateExpression: 'SET nextFreeMs = :next',
            ConditionExpression: seen === undefined ? 'attribute_not_exists(nextFreeMs)' : 'nextFreeMs = :seen',
            ExpressionAttributeValues: { ':next': first + count * gapMs, ...(seen === undefined ? {} : { ':seen': seen }) },
          }),
        );
        return first;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new Error(`could not claim request slots at ${host} after ${MAX_ATTEMPTS} attempts: too many pollers racing`);
  }
}
