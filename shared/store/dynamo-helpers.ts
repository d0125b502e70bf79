import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * Pages through a query, yielding one page of items at a time, so a caller never holds more than a page
 * (fan-out to 100,000 followers reads them a page at a time).
 */
export async function* queryAll<T>(
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
): AsyncGenerator<T[]> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    if (page.Items && page.Items.length > 0) yield page.Items as T[];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

/** A conditional write that found its work already done is success for an idempotent operation. */
export function ignoreConditionFailure(error: unknown): void {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
}

/** True when the error is DynamoDB refusing a conditional write. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException;
}
