import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlertSchema, type Alert, type TopicMatchAlert } from '../topics/alert.js';
import { isConditionFailure } from './dynamo-helpers.js';
import { queryPage, type PageRequest } from './query-page.js';
import type { Page } from './subscription-store.js';
import { gsi1, keys, type StoreKeys } from './table-schema.js';

/** Alerts (topic matches, "in the news"), each written once under its deterministic id. */
export interface AlertStore {
  /** Writes the alert unless one with its id exists; true when this call wrote it. */
  putIfAbsent(alert: Alert): Promise<boolean>;
  get(alertId: string): Promise<Alert | undefined>;
}

/** AlertStore on the single DynamoDB table (ALERT#id/ALERT). */
export class DynamoAlertStore implements AlertStore {
  /** The partitions it reads and writes: the `dynamodb:LeadingKeys` of every function that uses it. */
  static readonly partitions: StoreKeys = { keys: ['alert'], index: ['topicMatches'] };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putIfAbsent(alert: Alert): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.alert(alert.id),
            alert: AlertSchema.parse(alert),
            createdAt: alert.createdAt,
            // A topic's matches, newest last in key order, for the operator's console.
            ...(alert.kind === 'topic-match' ? { GSI1PK: gsi1.topicMatches(alert.topic.key), GSI1SK: `${alert.createdAt}#${alert.id}` } : {}),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async get(alertId: string): Promise<Alert | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.alert(alertId) }));
    return Item ? AlertSchema.parse(Item.alert) : undefined;
  }

  /**
   * The alerts a topic raised, newest first; `topicKey` is the normalised query's key (topicKeyOfText).
   * @throws InvalidCursorError for a cursor this listing did not hand out
   */
  async listTopicMatches(topicKey: string, page: PageRequest): Promise<Page<TopicMatchAlert>> {
    return queryPage(this.db, { tableName: this.tableName, partition: gsi1.topicMatches(topicKey), index: true, newestFirst: true }, page, (item) => {
      const parsed = AlertSchema.safeParse(item.alert);
      return parsed.success && parsed.data.kind === 'topic-match' ? parsed.data : undefined;
    });
  }
}
