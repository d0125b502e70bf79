import { readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import type { Bill } from '../../shared/bill/bill.js';
import { parseBillPage, parseBillPageBytes } from '../../shared/sozd/parse-bill-page.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { DynamoBillSummaryReader } from '../../shared/store/bill-summaries.js';
import { CorruptSnapshotError } from '../../shared/store/bill-snapshot-codec.js';
import { keys } from '../../shared/store/table-schema.js';
import { DynamoWeekAheadStore } from '../../shared/store/week-ahead-store.js';
import { HAVE_REAL_PAGES, realPageNumbers, realPagePath } from '../support/real-sozd-pages.js';
import { startTestServices, type TestServices } from '../support/test-services.js';

/*
 * A bill's snapshot keeps the parsed bill as its JSON deflated into one binary attribute (`billDeflated`), with a
 * small summary beside it (listings read the summary). Snapshots saved before, with the bill as a JSON string
 * (`billJson`) or as a DynamoDB map (`bill`), are still read, and the next save rewrites them.
 */

const bill = (number: string, events = 3): Bill => parseBillPage(buildBillPage({ ...pageAt(lawBill, events), number }));
const snapshotSaved = { contentHash: 'h', at: '2026-12-02T09:00:00.000Z' };

describe('bill snapshots', () => {
  let test: TestServices;
  let bills: DynamoBillStore;
  let summaries: DynamoBillSummaryReader;
  let weekAhead: DynamoWeekAheadStore;
  const db = createDocumentClient();
  const item = async (number: string) => (await db.send(new GetCommand({ TableName: test.tableName, Key: keys.bill(number) }))).Item!;
  /** Writes a snapshot item as an older save left it: `layout` is the attributes holding the bill. */
  const putSnapshot = (number: string, layout: Record<string, unknown>) =>
    db.send(new PutCommand({ TableName: test.tableName, Item: { ...keys.bill(number), number, ...layout, version: 1, snapshotAt: snapshotSaved.at } }));

  beforeAll(async () => {
    test = await startTestServices({ maxReceiveCount: 3 });
    bills = new DynamoBillStore(db, test.tableName);
    summaries = new DynamoBillSummaryReader(db, test.tableName);
    weekAhead = new DynamoWeekAheadStore(db, test.tableName);
  });
  afterAll(async () => {
    test.sqs.destroy();
    await test.services.stop();
  });

  it('stores the bill as its zlib-deflated JSON in one binary attribute with its summary and event count, and reads back the same bill', async () => {
    // Arrange: a law's whole history, a planned event before it ends.
    const saved = bill('900101-8', lawBill.history.length - 1);

    // Act
    await bills.saveSnapshot(saved.number, 0, { bill: saved, ...snapshotSaved });
    const stored = await item(saved.number);
    const record = await bills.get(saved.number);

    // Assert: the SDK hands the binary back as a Uint8Array, which inflates to the bill's JSON.
    expect(stored.billDeflated).toBeInstanceOf(Uint8Array);
    expect(inflateSync(stored.billDeflated as Uint8Array).toString('utf8')).toBe(JSON.stringify(saved));
    expect(stored.billJson).toBeUndefined();
    expect(stored.bill).toBeUndefined();
    expect(stored.summary).toEqual({ title: saved.title, status: saved.status, stage: saved.currentStage });
    expect(stored.eventCount).toBe(saved.events.length);
    expect(record?.bill).toEqual(saved);
    expect(await summaries.summaries([saved.number])).toEqual(new Map([[saved.number, { title: saved.title, status: saved.status, stage: saved.currentStage }]]));
  });

  it.each([
    ['as a map (`bill`)', '900102-8', (saved: Bill) => ({ bill: saved })],
    ['as a JSON string (`billJson`)', '900103-8', (saved: Bill) => ({ billJson: JSON.stringify(saved), summary: { title: saved.title, status: saved.status, stage: saved.currentStage } })],
  ])('reads a snapshot saved with the bill %s, and the next save rewrites it deflated, leaving no older attribute', async (_layout, number, layout) => {
    // Arrange
    const before = bill(number);
    await putSnapshot(number, layout(before));
    const after = bill(number, 4);

    // Act
    const readBefore = await bills.get(number);
    const listedBefore = await summaries.summaries([number]);
    await bills.saveSnapshot(number, 1, { bill: after, ...snapshotSaved });
    const stored = await item(number);

    // Assert
    expect(readBefore?.bill).toEqual(before);
    expect(listedBefore.get(number)).toEqual({ title: before.title, status: before.status, stage: before.currentStage });
    expect(stored.bill).toBeUndefined();
    expect(stored.billJson).toBeUndefined();
    expect(stored.billDeflated).toBeInstanceOf(Uint8Array);
    expect(stored.version).toBe(2);
    expect((await bills.get(number))?.bill).toEqual(after);
  });

  it.each([
    ['bytes that are not zlib', { billDeflated: Buffer.from('{"events":[]}') }, /^bill 900110-8: its stored snapshot cannot be read \(incorrect header check\)$/],
    ['zlib bytes with a byte changed', { billDeflated: flipLastByte(deflateSync(JSON.stringify({ events: [] }))) }, /^bill 900110-8: its stored snapshot cannot be read \(incorrect data check\)$/],
    ['deflated text that is not JSON', { billDeflated: deflateSync('{"events":[') }, /^bill 900110-8: its stored snapshot cannot be read \(.*JSON.*\)$/],
    ['deflated JSON that is not a bill', { billDeflated: deflateSync('{}') }, /^bill 900110-8: its stored snapshot is not a bill$/],
    ['a string where the binary belongs', { billDeflated: 'eJyrVkrNSy3KLEktVrKKrgUAJOYE5A==' }, /^bill 900110-8: billDeflated is not binary$/],
    ['a JSON string that is not JSON', { billJson: '{"events":[' }, /^bill 900110-8: its stored snapshot cannot be read \(.*JSON.*\)$/],
  ])('refuses a snapshot holding %s with an error naming the bill, never an empty bill', async (_case, layout, message) => {
    // Arrange
    await putSnapshot('900110-8', layout);

    // Act
    const read = bills.get('900110-8');

    // Assert
    await expect(read).rejects.toThrow(CorruptSnapshotError);
    await expect(read).rejects.toThrow(message);
  });

  it('lists the week ahead of bills in each layout: deflated, a JSON string and a map', async () => {
    // Arrange: the third event planned next on each.
    const [deflated, json, map] = ['900121-8', '900122-8', '900123-8'].map((number) => bill(number, 2)) as [Bill, Bill, Bill];
    await bills.saveSnapshot(deflated.number, 0, { bill: deflated, ...snapshotSaved });
    await putSnapshot(json.number, { billJson: JSON.stringify(json) });
    await putSnapshot(map.number, { bill: map });

    // Act
    const listed = await weekAhead.bills([deflated.number, json.number, map.number]);

    // Assert
    const shown = (saved: Bill) => ({ number: saved.number, title: saved.title, url: saved.url, committee: saved.committee, plannedEvents: saved.plannedEvents });
    expect(deflated.plannedEvents).toHaveLength(1);
    expect([...listed].sort((a, b) => a.number.localeCompare(b.number))).toEqual([shown(deflated), shown(json), shown(map)]);
  });

  it.skipIf(!HAVE_REAL_PAGES)('saves each of the ten real sozd pages and reads back the same bill, stored in under a third of the bytes of its JSON (skipped: no ../shared/fixtures/sozd nor SOZD_FIXTURES_DIR)', async () => {
    for (const number of realPageNumbers()) {
      // Arrange
      const saved = parseBillPageBytes(readFileSync(realPagePath(number)));

      // Act
      await bills.saveSnapshot(number, 0, { bill: saved, ...snapshotSaved });
      const stored = await item(number);

      // Assert
      expect((await bills.get(number))?.bill, number).toEqual(saved);
      expect((stored.billDeflated as Uint8Array).length, number).toBeLessThan(Buffer.byteLength(JSON.stringify(saved)) / 3);
    }
  });
});

function flipLastByte(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[copy.length - 1]! ^= 0xff;
  return copy;
}
