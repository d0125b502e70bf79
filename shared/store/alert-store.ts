import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlertSchema, type Alert } from '../topics/alert.js';
import { isConditionFailure } from './dynamo-helpers.js';
import { keys } from './table-schema.js';

/** Alerts (topic matches, "in the news"), each written once under its deterministic id. */
export interface AlertStore {
  /** Writes the alert unless one with its id exists; true when this call wrote it. */
  putIfAbsent(alert: Alert): Promise<boolean>;
  get(alertId: string): Promise<Alert | undefined>;
}

/** AlertStore on the single DynamoDB table (ALERT#id/ALERT). */
export class DynamoAlertStore implements AlertStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putIfAbsent(alert: Alert): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.alert(alert.id), alert: AlertSchema.parse(alert), createdAt: alert.createdAt },
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
}
