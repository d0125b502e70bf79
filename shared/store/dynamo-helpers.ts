import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

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

/**
 * Takes an item out of its outbox (the GSI1 partition it is listed under until handled), recording when under
 * `handledAt` (e.g. `queuedAt`). An item gone in the meantime, or one where `onlyIf` does not hold (a newer entry took its
 * place), is a no-op: outboxes are swept and retried.
 */
export async function leaveOutbox(
  db: DynamoDBDocumentClient,
  tableName: string,
  key: Record<string, string>,
  handledAt: string,
  at: string,
  onlyIf?: { expression: string; values: Record<string, unknown> },
): Promise<void> {
  await db
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET #handledAt = :at REMOVE GSI1PK, GSI1SK',
        ConditionExpression: onlyIf ? `attribute_exists(PK) AND ${onlyIf.expression}` : 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#handledAt': handledAt },
        ExpressionAttributeValues: { ':at': at, ...onlyIf?.values },
      }),
    )
    .catch(ignoreConditionFailure);
}

// BatchGetItem takes at most 100 keys a request.
const BATCH_GET_LIMIT = 100;
const MAX_BATCH_GET_ATTEMPTS = 6;

/**
 * Reads items by key in BatchGetItem calls of 100, retrying unprocessed keys with a backoff; items that do not exist
 * are absent from the result, whose order is DynamoDB's.
 * @throws when DynamoDB still leaves keys unprocessed after six tries
 */
export async function batchGetAll(
  db: DynamoDBDocumentClient,
  input: { tableName: string; keys: readonly Record<string, unknown>[]; projection: string; names: Record<string, string> },
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let start = 0; start < input.keys.length; start += BATCH_GET_LIMIT) {
    let pending: Record<string, unknown>[] = input.keys.slice(start, start + BATCH_GET_LIMIT);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const answer = await db.send(
        new BatchGetCommand({
          RequestItems: { [input.tableName]: { Keys: pending, ProjectionExpression: input.projection, ExpressionAttributeNames: input.names } },
        }),
      );
      items.push(...(answer.Responses?.[input.tableName] ?? []));
      pending = answer.UnprocessedKeys?.[input.tableName]?.Keys ?? [];
      if (pending.length > 0 && attempt >= MAX_BATCH_GET_ATTEMPTS) throw new Error(`DynamoDB left ${pending.length} reads unprocessed`);
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
  return items;
}
