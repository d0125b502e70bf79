import type { TableAccess } from '../access/access.js';
import { createHash } from 'node:crypto';
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './dynamo-helpers.js';
import { keys, TTL_ATTRIBUTE } from './table-schema.js';

/** A limit of `limit` actions per fixed window of `windowSeconds`. */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counters that hold across Lambda instances: fixed-window rate limits and cool-downs in DynamoDB,
 * decided by conditional writes so concurrent requests cannot both slip under a limit.
 * Subjects (addresses, IPs) are stored hashed: the table keeps no list of who asked.
 */
export class DynamoRateLimitStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['PutItem', 'UpdateItem'],
    keys: ['cooldown', 'rateWindow'],
    index: [],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Counts one action of `subject` in the current window; refused once the window holds `limit`. */
  async hit(scope: string, subject: string, rule: RateLimit, now: Date): Promise<RateDecision> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
    const windowEnd = windowStart + rule.windowSeconds;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.rateWindow(scope, hashSubject(subject), windowStart),
          UpdateExpression: 'ADD hits :one SET #ttl = :expiresAt',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':one': 1, ':limit': rule.limit, ':expiresAt': windowEnd },
        }),
      );
      return { allowed: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { allowed: false, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
    }
  }

  /**
   * Starts a cool-down of `seconds` for `subject` unless one is running: true when the action may happen now.
   * Unlike a fixed window this never lets two actions through back to back across a window boundary.
   */
  async startCooldown(scope: string, subject: string, seconds: number, now: Date): Promise<boolean> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.cooldown(scope, hashSubject(subject)), [TTL_ATTRIBUTE]: nowSeconds + seconds },
          ConditionExpression: 'attribute_not_exists(PK) OR #ttl <= :now',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': nowSeconds },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
    }
  }
}

function hashSubject(subject: string): string {
  return createHash('sha256').update(subject).digest('base64url').slice(0, 32);
}
