import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableAccess } from '../access/access.js';
import { BILL_DEFLATED, decodeBillSnapshot } from './bill-snapshot-codec.js';
import { batchGetAll } from './dynamo-helpers.js';
import { keys } from './table-schema.js';

/**
 * The snapshot item's attribute that holds how many dated events its bill has, written with the bill by every save
 * (BillStore.saveSnapshot): `status` shows that number for each watched bill, and must not inflate and parse 10,000
 * bills to count them.
 */
export const EVENT_COUNT = 'eventCount';

/** Reads how many dated events the snapshots of bills hold, for `status`. */
export interface BillEventCountReader {
  /** Each bill's number of events in its snapshot; a bill with no snapshot (never read well yet) is absent from the map. */
  eventCounts(numbers: readonly string[]): Promise<Map<string, number>>;
}

/**
 * BillEventCountReader on the snapshot items, in batches, projecting the count alone. A snapshot saved before the
 * count existed has none until its next save (an unchanged bill is never saved): its bill is read and counted, so the
 * answer is exact for every snapshot whatever its age.
 */
export class DynamoBillEventCountReader implements BillEventCountReader {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['BatchGetItem'],
    keys: ['bill'],
    index: [],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async eventCounts(numbers: readonly string[]): Promise<Map<string, number>> {
    // By the key, which every snapshot item has, whatever else an older save left out.
    const numberOf = new Map([...new Set(numbers)].map((number) => [keys.bill(number).PK, number]));
    const counts = new Map<string, number>();
    const uncounted: string[] = [];
    for (const item of await this.read([...numberOf.values()], `#key, ${EVENT_COUNT}`)) {
      const number = numberOf.get(item.PK as string)!;
      if (typeof item[EVENT_COUNT] === 'number') counts.set(number, item[EVENT_COUNT]);
      else uncounted.push(number);
    }
    // Every layout an older save left the bill in (shared/store/bill-snapshot-codec.ts); of the map, its events alone.
    for (const item of await this.read(uncounted, `#key, ${BILL_DEFLATED}, billJson, bill.events`)) {
      const number = numberOf.get(item.PK as string)!;
      const bill = decodeBillSnapshot(number, item);
      if (bill) counts.set(number, bill.events.length);
    }
    return counts;
  }

  private async read(numbers: readonly string[], projection: string): Promise<Record<string, unknown>[]> {
    return batchGetAll(this.db, { tableName: this.tableName, keys: numbers.map((number) => keys.bill(number)), projection, names: { '#key': 'PK' } });
  }
}
