import type { TableAccess } from '../access/access.js';
import { type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './dynamo-helpers.js';
import { deliveryRouteOf, type DeliveryRoute } from './follower-route-store.js';
import { queryPage, type PageRequest } from './query-page.js';
import type { Page } from './subscription-store.js';
import { FOLLOWER_PREFIX, GSI1, gsi1, keys } from './table-schema.js';

/** A topic as matching sees it: the query text and whether bills its matches link to get watched. */
export interface StoredTopic {
  topicId: string;
  query: string;
  /** Optional per topic: start tracking the bills that matching news items link to. Absent = off. */
  watchLinkedBills: boolean;
}

/**
 * Topics for matching, read from the items subscriptions write (TOPIC#t/QUERY in the TOPICS index, and
 * TOPIC#t/FOLLOWER#id per confirmed follower, with its channel, frequency and stage filter).
 */
export interface TopicStore {
  /** Every topic definition, a page at a time. */
  listTopics(): AsyncIterable<StoredTopic[]>;
  /** The followers of a topic with how each wants its alerts (channel, frequency, stages), a page at a time. */
  listFollowers(topicId: string): AsyncIterable<DeliveryRoute[]>;
}

/** TopicStore on the single DynamoDB table. */
export class DynamoTopicStore implements TopicStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['Query'],
    keys: ['topic'],
    index: ['topics'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async *listTopics(): AsyncIterable<StoredTopic[]> {
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :topics',
      ExpressionAttributeValues: { ':topics': gsi1.topics },
    });
    for await (const page of pages) {
      // Items are written by another module; one without a query string is skipped rather than trusted.
      yield page.flatMap((item) =>
        typeof item.topicId === 'string' && typeof item.query === 'string'
          ? [{ topicId: item.topicId, query: item.query, watchLinkedBills: item.watchLinkedBills === true }]
          : [],
      );
    }
  }

  /**
   * One page of a topic's followers with their routing, for listings that show a page at a time.
   * @throws InvalidCursorError for a cursor this listing did not hand out
   */
  async followerPage(topicId: string, page: PageRequest): Promise<Page<DeliveryRoute>> {
    return queryPage(this.db, { tableName: this.tableName, partition: keys.topic(topicId).PK, sortKeyPrefix: FOLLOWER_PREFIX }, page, (item) =>
      typeof item.subscriberId === 'string' ? deliveryRouteOf(item) : undefined,
    );
  }

  async *listFollowers(topicId: string): AsyncIterable<DeliveryRoute[]> {
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.topic(topicId).PK, ':prefix': FOLLOWER_PREFIX },
      ProjectionExpression: '#subscriber, #channel, #endpoint, #frequency, #stages',
      ExpressionAttributeNames: {
        '#subscriber': 'subscriberId',
        '#channel': 'channel',
        '#endpoint': 'endpointId',
        '#frequency': 'frequency',
        '#stages': 'stages',
      },
    });
    for await (const page of pages) {
      yield page.flatMap((item) => (typeof item.subscriberId === 'string' ? [deliveryRouteOf(item)] : []));
    }
  }
}
