import type { TableAccess } from '../access/access.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from './dynamo-helpers.js';
import type { Bill, Stage } from '../bill/bill.js';
import { BILL_DEFLATED, decodeBillSnapshot } from './bill-snapshot-codec.js';
import { keys } from './table-schema.js';

/** What a subscriber sees of a bill beside its number: its title and the stage it has reached, once polled. */
export interface BillSummary {
  title: string;
  /** The status text as the page writes it. */
  status?: string;
  stage?: Stage;
}

/** Reads the titles and stages of bills, for confirmation emails and preference pages. */
export interface BillSummaryReader {
  /** The summaries of the bills that have a snapshot; a bill never polled yet is absent from the map. */
  summaries(numbers: readonly string[]): Promise<Map<string, BillSummary>>;
}

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

/** The summary a snapshot carries beside its bill, so listings read a few bytes rather than the whole bill. */
export function billSummaryOf(bill: Bill): BillSummary {
  return { title: bill.title, status: bill.status, ...(bill.currentStage ? { stage: bill.currentStage } : {}) };
}

/**
 * BillSummaryReader and BillEventCountReader on the snapshot items, in batches, projecting only what is asked (the
 * title and stage; the event count): a snapshot holds the whole parsed page, and a sign-up for 200 bills or a `status`
 * of 10,000 must not carry those pages across the wire.
 */
export class DynamoBillSummaryReader implements BillSummaryReader, BillEventCountReader {
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

  async summaries(numbers: readonly string[]): Promise<Map<string, BillSummary>> {
    const found = new Map<string, BillSummary>();
    const items = await batchGetAll(this.db, {
      tableName: this.tableName,
      keys: [...new Set(numbers)].map((number) => keys.bill(number)),
      // `bill.…`: snapshots saved before the summary existed, until their next save.
      projection: '#number, summary, bill.title, bill.#status, bill.currentStage',
      names: { '#number': 'number', '#status': 'status' },
    });
    for (const item of items) addSummary(found, item);
    return found;
  }

  /**
   * A snapshot saved before the count existed has none until its next save (an unchanged bill is never saved): its
   * bill is read and counted, so the answer is exact for every snapshot whatever its age.
   */
  async eventCounts(numbers: readonly string[]): Promise<Map<string, number>> {
    // By the key, which every snapshot item has, whatever else an older save left out.
    const numberOf = new Map([...new Set(numbers)].map((number) => [keys.bill(number).PK, number]));
    const counts = new Map<string, number>();
    const uncounted: string[] = [];
    for (const item of await this.readByKey([...numberOf.values()], `#key, ${EVENT_COUNT}`)) {
      const number = numberOf.get(item.PK as string)!;
      if (typeof item[EVENT_COUNT] === 'number') counts.set(number, item[EVENT_COUNT]);
      else uncounted.push(number);
    }
    // Every layout an older save left the bill in (shared/store/bill-snapshot-codec.ts); of the map, its events alone.
    for (const item of await this.readByKey(uncounted, `#key, ${BILL_DEFLATED}, billJson, bill.events`)) {
      const number = numberOf.get(item.PK as string)!;
      const bill = decodeBillSnapshot(number, item);
      if (bill) counts.set(number, bill.events.length);
    }
    return counts;
  }

  private async readByKey(numbers: readonly string[], projection: string): Promise<Record<string, unknown>[]> {
    return batchGetAll(this.db, { tableName: this.tableName, keys: numbers.map((number) => keys.bill(number)), projection, names: { '#key': 'PK' } });
  }
}

function addSummary(found: Map<string, BillSummary>, item: Record<string, unknown>): void {
  if (typeof item.number !== 'string') return;
  const summary = item.summary as BillSummary | undefined;
  if (typeof summary?.title === 'string') {
    found.set(item.number, summary);
    return;
  }
  const bill = item.bill as { title?: unknown; status?: unknown; currentStage?: Stage } | undefined;
  if (typeof bill?.title !== 'string') return;
  found.set(item.number, {
    title: bill.title,
    ...(typeof bill.status === 'string' ? { status: bill.status } : {}),
    ...(bill.currentStage ? { stage: bill.currentStage } : {}),
  });
}
