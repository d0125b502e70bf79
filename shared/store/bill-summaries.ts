import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from './dynamo-helpers.js';
import type { Bill, Stage } from '../bill/bill.js';
import { keys, type StoreKeys } from './table-schema.js';

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

/** The summary a snapshot carries beside its bill, so listings read a few bytes rather than the whole bill. */
export function billSummaryOf(bill: Bill): BillSummary {
  return { title: bill.title, status: bill.status, ...(bill.currentStage ? { stage: bill.currentStage } : {}) };
}

/**
 * BillSummaryReader on the snapshot items, projecting only the title and stage: a snapshot holds the whole
 * parsed page, and a sign-up for 200 bills must not carry 200 pages across the wire.
 */
export class DynamoBillSummaryReader implements BillSummaryReader {
  /** The partitions it reads and writes: the `dynamodb:LeadingKeys` of every function that uses it. */
  static readonly partitions: StoreKeys = { keys: ['bill'], index: [] };

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
