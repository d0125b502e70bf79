import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, InvalidCursorError, type Page } from './subscription-store.js';
import { GSI1 } from './table-schema.js';

/** Which page of a listing to read: how many items, and the cursor the previous page handed out. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** One partition to read a page of: the table's (`PK`) or GSI1's (`GSI1PK`), optionally only sort keys with a prefix. */
export interface PartitionQuery {
  tableName: string;
  partition: string;
  index?: boolean;
  sortKeyPrefix?: string;
  newestFirst?: boolean;
}

/**
 * One page of a partition, with a cursor that is checked to stay in that partition (a forged cursor is an
 * InvalidCursorError, never a query that reaches elsewhere). Items `read` maps to undefined are left out.
 */
export async function queryPage<T>(
  db: DynamoDBDocumentClient,
  query: PartitionQuery,
  page: PageRequest,
  read: (item: Record<string, unknown>) => T | undefined,
): Promise<Page<T>> {
  const [pk, sk] = query.index ? ['GSI1PK', 'GSI1SK'] : ['PK', 'SK'];
  const result = await db.send(
    new QueryCommand({
      TableName: query.tableName,
      ...(query.index ? { IndexName: GSI1 } : {}),
      KeyConditionExpression: `${pk} = :pk${query.sortKeyPrefix ? ` AND begins_with(${sk}, :prefix)` : ''}`,
      ExpressionAttributeValues: { ':pk': query.partition, ...(query.sortKeyPrefix ? { ':prefix': query.sortKeyPrefix } : {}) },
      ScanIndexForward: !query.newestFirst,
      Limit: page.limit,
      ExclusiveStartKey: query.index ? decodeCursor(page.cursor, query.partition) : decodeTableCursor(page.cursor, query.partition),
    }),
  );
  const items = (result.Items ?? []).flatMap((item) => {
    const value = read(item);
    return value === undefined ? [] : [value];
  });
  const cursor = encodeCursor(result.LastEvaluatedKey);
  return cursor ? { items, cursor } : { items };
}

/** A table cursor is exactly `{ PK, SK }` with PK the partition being listed. */
function decodeTableCursor(cursor: string | undefined, partition: string): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key === 'object' && key !== null && Object.keys(key).sort().join() === 'PK,SK') {
      const { PK, SK } = key as Record<string, unknown>;
      if (PK === partition && typeof SK === 'string' && SK.length > 0 && SK.length <= 1024) return { PK, SK };
    }
  } catch {
    // Falls through to the same error as a well-formed but foreign key.
  }
  throw new InvalidCursorError('not a cursor from a previous page');
}
