import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import type { Bill } from '../../shared/bill/bill.js';
import { parseBillPage } from '../../shared/sozd/parse-bill-page.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { DynamoBillSummaryReader } from '../../shared/store/bill-summaries.js';
import { keys } from '../../shared/store/table-schema.js';
import { startTestServices, type TestServices } from '../support/test-services.js';

/*
 * A bill's snapshot keeps the parsed bill as one JSON string with a small summary beside it (listings read the
 * summary). Snapshots saved before, with the bill as a DynamoDB map, are still read, and the next save rewrites them.
 */

const bill = (number: string, events = 3): Bill => parseBillPage(buildBillPage({ ...pageAt(lawBill, events), number }));
const snapshotSaved = { contentHash: 'h', at: '2026-12-02T09:00:00.000Z' };

describe('bill snapshots', () => {
  let test: TestServices;
  let bills: DynamoBillStore;
  let summaries: DynamoBillSummaryReader;
  const db = createDocumentClient();
  const item = async (number: string) => (await db.send(new GetCommand({ TableName: test.tableName, Key: keys.bill(number) }))).Item!;

  beforeAll(async () => {
    test = await startTestServices({ maxReceiveCount: 3 });
    bills = new DynamoBillStore(db, test.tableName);
    summaries = new DynamoBillSummaryReader(db, test.tableName);
  });
  afterAll(async () => {
    test.sqs.destroy();
    await test.services.stop();
  });

  it('stores the bill as one JSON string with its summary, and reads back the same bill', async () => {
    // Arrange
    const saved = bill('900101-8');

    // Act
    await bills.saveSnapshot(saved.number, 0, { bill: saved, ...snapshotSaved });
    const stored = await item(saved.number);
    const record = await bills.get(saved.number);

    // Assert
    expect(typeof stored.billJson).toBe('string');
    expect(stored.bill).toBeUndefined();
    expect(stored.summary).toEqual({ title: saved.title, status: saved.status, stage: saved.currentStage });
    expect(record?.bill).toEqual(saved);
    expect(await summaries.summaries([saved.number])).toEqual(new Map([[saved.number, { title: saved.title, status: saved.status, stage: saved.currentStage }]]));
  });

  it('reads a snapshot saved with the bill as a map, and rewrites it as JSON on the next save', async () => {
    // Arrange: the item as saves before the JSON form wrote it.
    const before = bill('900102-8');
    await db.send(new PutCommand({ TableName: test.tableName, Item: { ...keys.bill(before.number), number: before.number, bill: before, version: 1, snapshotAt: snapshotSaved.at } }));
    const after = bill('900102-8', 4);

    // Act
    const readBefore = await bills.get(before.number);
    const listedBefore = await summaries.summaries([before.number]);
    await bills.saveSnapshot(before.number, 1, { bill: after, ...snapshotSaved });
    const stored = await item(before.number);

    // Assert
    expect(readBefore?.bill).toEqual(before);
    expect(listedBefore.get(before.number)).toEqual({ title: before.title, status: before.status, stage: before.currentStage });
    expect(stored.bill).toBeUndefined();
    expect(stored.version).toBe(2);
    expect((await bills.get(before.number))?.bill).toEqual(after);
  });
});
