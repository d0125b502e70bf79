import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureTable } from '../../local/provision.js';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import { parseBillPage } from '../../shared/sozd/parse-bill-page.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { DynamoPollScheduleStore } from '../../shared/store/poll-schedule-store.js';
import { startTestServices, type TestServices } from '../support/test-services.js';

/*
 * The watch list as one ring of bills per poll tier, on the real local DynamoDB: what a ring holds and in which order,
 * how a pass over a ring resumes, and that filing a bill in a tier never brings back a bill no longer watched.
 */

const AT = '2026-12-02T09:00:00.000Z';
const REVIEW = '2026-12-09T09:00:00.000Z';

describe('the poll schedule store', () => {
  let test: TestServices;
  let bills: DynamoBillStore;
  let schedule: DynamoPollScheduleStore;
  const db = createDocumentClient();
  const numbersOf = (scheduled: { number: string }[]) => scheduled.map((bill) => bill.number);

  beforeAll(async () => {
    test = await startTestServices({ maxReceiveCount: 3 });
  });
  afterAll(async () => {
    test.sqs.destroy();
    await test.services.stop();
  });
  beforeEach(async () => {
    // A table per test: each ring starts empty.
    const tableName = `t${randomBytes(4).toString('hex')}`;
    await ensureTable(new DynamoDBClient({}), tableName);
    bills = new DynamoBillStore(db, tableName);
    schedule = new DynamoPollScheduleStore(db, tableName);
  });

  async function watchIn(tier: 'active' | 'dormant' | 'resting', ...numbers: string[]): Promise<void> {
    for (const number of numbers) {
      await bills.watch(number);
      await schedule.fileInTier(number, { tier, reviewAt: REVIEW });
    }
  }

  it('gives each tier the bills filed in it, in bill-number order, and the active ring the bills not filed yet', async () => {
    // Arrange
    await watchIn('resting', '900005-8');
    await watchIn('dormant', '900004-8', '900002-8');
    await watchIn('active', '900003-8');
    await bills.watch('900001-8');

    // Act
    const active = await schedule.ring('active', undefined, 10);
    const dormant = await schedule.ring('dormant', undefined, 10);
    const resting = await schedule.ring('resting', undefined, 10);

    // Assert
    expect(active).toEqual([
      { number: '900001-8', version: 0, missingAtSource: false },
      { number: '900003-8', version: 0, missingAtSource: false, tier: 'active', tierReviewAt: REVIEW },
    ]);
    expect(dormant).toEqual([
      { number: '900002-8', version: 0, missingAtSource: false, tier: 'dormant', tierReviewAt: REVIEW },
      { number: '900004-8', version: 0, missingAtSource: false, tier: 'dormant', tierReviewAt: REVIEW },
    ]);
    expect(resting).toEqual([{ number: '900005-8', version: 0, missingAtSource: false, tier: 'resting', tierReviewAt: REVIEW }]);
  });

  it('hands out a ring a limited number of bills at a time, each batch after the last bill of the one before', async () => {
    // Arrange
    await watchIn('active', '900001-8', '900002-8', '900003-8');
    await watchIn('dormant', '900004-8', '900005-8', '900006-8');

    // Act
    const activeFirst = await schedule.ring('active', undefined, 2);
    const activeRest = await schedule.ring('active', '900002-8', 2);
    const dormantFirst = await schedule.ring('dormant', undefined, 2);
    const dormantRest = await schedule.ring('dormant', '900005-8', 2);

    // Assert
    expect([numbersOf(activeFirst), numbersOf(activeRest)]).toEqual([['900001-8', '900002-8'], ['900003-8']]);
    expect([numbersOf(dormantFirst), numbersOf(dormantRest)]).toEqual([['900004-8', '900005-8'], ['900006-8']]);
  });

  it('reads what polling needs of a ring\'s bill, without validators the server stopped sending and without a review time it has none', async () => {
    // Arrange: one bill read with validators and a review time, one read without either.
    const bill = parseBillPage(buildBillPage({ ...pageAt(lawBill, 3), number: '900001-8' }));
    await bills.watch('900001-8');
    await bills.saveSnapshot('900001-8', 0, { bill, contentHash: 'h1', etag: '"e1"', lastModified: 'Tue, 01 Dec 2026 09:00:00 GMT', at: AT, tier: { tier: 'dormant', reviewAt: REVIEW } });
    await bills.watch('900002-8');
    await bills.saveSnapshot('900002-8', 0, { bill: { ...bill, number: '900002-8' }, contentHash: 'h2', at: AT, tier: { tier: 'dormant' } });

    // Act
    const ring = await schedule.ring('dormant', undefined, 10);

    // Assert
    expect(ring).toEqual([
      { number: '900001-8', version: 1, contentHash: 'h1', etag: '"e1"', lastModified: 'Tue, 01 Dec 2026 09:00:00 GMT', healthOk: true, missingAtSource: false, tier: 'dormant', tierReviewAt: REVIEW },
      { number: '900002-8', version: 1, contentHash: 'h2', healthOk: true, missingAtSource: false, tier: 'dormant' },
    ]);
  });

  it('reads that the source does not have a bill, and its back-off', async () => {
    // Arrange
    await watchIn('active', '900001-8');
    await bills.recordPollOutcome('900001-8', { kind: 'missing', at: AT, retryAt: REVIEW });

    // Act
    const [scheduled] = await schedule.ring('active', undefined, 10);

    // Assert
    expect(scheduled).toEqual({ number: '900001-8', version: 0, healthOk: true, missingAtSource: true, missingPolls: 1, missingRetryAt: REVIEW, tier: 'active', tierReviewAt: REVIEW });
  });

  it('moves a bill filed in another tier to that ring, out of the one it was in', async () => {
    // Arrange
    await watchIn('active', '900001-8');

    // Act
    await schedule.fileInTier('900001-8', { tier: 'resting' });

    // Assert
    expect(await schedule.ring('active', undefined, 10)).toEqual([]);
    expect(await schedule.ring('resting', undefined, 10)).toEqual([{ number: '900001-8', version: 0, missingAtSource: false, tier: 'resting' }]);
  });

  it('does not file a bill that is no longer watched, or was never watched, in any ring', async () => {
    // Arrange
    await watchIn('active', '900001-8');
    await bills.unwatch('900001-8');

    // Act
    await schedule.fileInTier('900001-8', { tier: 'dormant' });
    await schedule.fileInTier('900002-8', { tier: 'dormant' });

    // Assert
    expect(await schedule.ring('dormant', undefined, 10)).toEqual([]);
    expect(await schedule.ring('active', undefined, 10)).toEqual([]);
    expect(await bills.get('900002-8')).toBeUndefined();
  });

  it('keeps each tier\'s pass: none before the first, then where it got and whether it is done', async () => {
    // Arrange
    const before = await schedule.pass('dormant');

    // Act
    await schedule.savePass({ tier: 'dormant', startedAt: AT, cursor: '900004-8', done: false });
    await schedule.savePass({ tier: 'resting', startedAt: REVIEW, done: true });

    // Assert
    expect(before).toBeUndefined();
    expect(await schedule.pass('dormant')).toEqual({ tier: 'dormant', startedAt: AT, cursor: '900004-8', done: false });
    expect(await schedule.pass('resting')).toEqual({ tier: 'resting', startedAt: REVIEW, done: true });
    expect(await schedule.pass('active')).toBeUndefined();
  });

  it('replaces a tier\'s pass with the next one, which starts again from the ring\'s start', async () => {
    // Arrange
    await schedule.savePass({ tier: 'active', startedAt: AT, cursor: '900004-8', done: true });

    // Act
    await schedule.savePass({ tier: 'active', startedAt: REVIEW, done: false });

    // Assert
    expect(await schedule.pass('active')).toEqual({ tier: 'active', startedAt: REVIEW, done: false });
  });
});
