import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/*
 * One table holds every item (single-table design, docs/table-design.md). Keys are strings built here only,
 * so no other module spells a key prefix.
 */

/** The sparse index: items appear in it only while they carry GSI1PK (watched bills, unqueued changes). */
export const GSI1 = 'GSI1';

/** The attribute that DynamoDB's TTL deletes by; dynalite has no TTL, so readers also filter on it. */
export const TTL_ATTRIBUTE = 'expiresAt';

export const keys = {
  bill: (number: string) => ({ PK: `BILL#${number}`, SK: 'SNAPSHOT' }),
  change: (billNumber: string, changeId: string) => ({ PK: `BILL#${billNumber}`, SK: `CHANGE#${changeId}` }),
  follower: (billNumber: string, subscriberId: string) => ({ PK: `BILL#${billNumber}`, SK: `FOLLOWER#${subscriberId}` }),
  follows: (subscriberId: string, billNumber: string) => ({ PK: `SUBSCRIBER#${subscriberId}`, SK: `FOLLOWS#${billNumber}` }),
  subscriber: (subscriberId: string) => ({ PK: `SUBSCRIBER#${subscriberId}`, SK: 'PROFILE' }),
  delivery: (changeId: string, subscriberId: string, channel: string) => ({
    PK: `DELIVERY#${changeId}`,
    SK: `${channel}#${subscriberId}`,
  }),
  pollRun: () => ({ PK: 'POLL', SK: 'LAST' }),
} as const;

/** GSI1 partitions. */
export const gsi1 = {
  watched: 'WATCHED',
  outbox: 'OUTBOX',
} as const;

export const BILL_PREFIX = 'BILL#';
export const FOLLOWER_PREFIX = 'FOLLOWER#';
export const FOLLOWS_PREFIX = 'FOLLOWS#';
export const CHANGE_PREFIX = 'CHANGE#';

/** The table definition, shared by the local runtime and tests (infra/ declares the same keys in CDK). */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'PK', AttributeType: 'S' },
      { AttributeName: 'SK', AttributeType: 'S' },
      { AttributeName: 'GSI1PK', AttributeType: 'S' },
      { AttributeName: 'GSI1SK', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: GSI1,
        KeySchema: [
          { AttributeName: 'GSI1PK', KeyType: 'HASH' },
          { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}
