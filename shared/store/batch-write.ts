import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** DynamoDB takes at most 25 writes a BatchWriteItem request. */
export const DYNAMO_BATCH = 25;
const RESEND_ATTEMPTS = 8;

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * Writes every request in BatchWriteItem calls of 25, resending what DynamoDB leaves unprocessed (throttling)
 * with a short backoff. Puts are unconditional: use it only for items whose rewrite is harmless.
 * @throws Error when some writes stay unprocessed after every resend
 */
export async function batchWriteAll(db: DynamoDBDocumentClient, tableName: string, requests: readonly WriteRequest[]): Promise<void> {
  for (let start = 0; start < requests.length; start += DYNAMO_BATCH) {
    let pending = requests.slice(start, start + DYNAMO_BATCH);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const { UnprocessedItems } = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
      if (pending.length === 0) break;
      if (attempt >= RESEND_ATTEMPTS) throw new Error(`DynamoDB left ${pending.length} write(s) unprocessed after ${attempt} attempts`);
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}
