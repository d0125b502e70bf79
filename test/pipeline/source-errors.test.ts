import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/aws/clients.js';
import { pollBillSafely, type PollDependencies } from '../../shared/pipeline/poll-bills.js';
import { pollOnce } from '../support/poll-once.js';
import { keys } from '../../shared/store/table-schema.js';
import { linesWrittenBy } from '../support/captured-logs.js';
import type { MessageQueue } from '../../shared/queue/message-queue.js';
import { startPollTestWorld, type PollTestWorld } from '../support/poll-test-world.js';
import { moscowLocalOf } from '../../shared/sozd/moscow-time.js';

/*
 * Bad pages never become alerts: an error page, a changed layout, a truncated body, or a page with fewer
 * events than stored is recorded as source health and writes no change.
 */

describe('source errors', () => {
  let world: PollTestWorld;
  let page: { status: number; body: string };
  let deps: PollDependencies & { tableName: string };
  let queued: unknown[];
  const number = lawBill.page.number;

  beforeAll(async () => {
    world = await startPollTestWorld((_request, response) => response.writeHead(page.status, { 'content-type': 'text/html' }).end(page.body));
  });
  afterAll(async () => {
    await world.stop();
  });
  beforeEach(async () => {
    queued = [];
    const fanOutQueue: MessageQueue = { sendAll: async (messages) => void queued.push(...messages) };
    deps = await world.freshDependencies({ fanOutQueue, now: () => new Date() });
    // Arrange the common start: the bill is stored with its first three events.
    await deps.bills.watch(number);
    page = { status: 200, body: buildBillPage(pageAt(lawBill, 3)) };
    expect((await pollOnce(deps, { number, version: 0 })).outcome).toBe('baseline');
  });

  const cases: [string, () => { status: number; body: string }, RegExp][] = [
    ['an error page', () => ({ status: 200, body: '<html><body><h1>Страница не найдена</h1></body></html>' }), /^page-no-bill-number/],
    ['a truncated page', () => { const full = buildBillPage(pageAt(lawBill, 4)); return { status: 200, body: full.slice(0, full.indexOf('bh_histras') + 400) }; }, /^page-(truncated|no-events|layout-changed)/],
    ['a page with fewer events than stored', () => ({ status: 200, body: buildBillPage(pageAt(lawBill, 2)) }), /^fewer-events: the page shows 2 events, 3 are stored$/],
    ['a server error', () => ({ status: 503, body: 'busy' }), /^fetch-http-status/],
    ['a page of another bill', () => ({ status: 200, body: buildBillPage({ ...pageAt(lawBill, 4), number: '111-8' }) }), /^wrong-bill/],
  ];

  it.each(cases)('%s is a source error, recorded as health, and no change', async (_name, makePage, reason) => {
    // Arrange
    page = makePage();
    const stored = await deps.bills.get(number);

    // Act
    const result = await pollOnce(deps, { number, version: stored!.version, contentHash: stored!.contentHash });

    // Assert
    expect(result.outcome).toBe('source-error');
    expect(result.changes).toBe(0);
    expect(result.error).toMatch(reason);
    const after = await deps.bills.get(number);
    expect(after!.health).toMatchObject({ ok: false, consecutiveFailures: 1, errorCount: 1 });
    expect(after!.health.lastError).toMatch(reason);
    expect(after!.version).toBe(stored!.version);
    expect(queued).toEqual([]);
  });

  it('a stored snapshot that cannot be read fails the poll with an error naming the bill, and no change: never read as an empty bill', async () => {
    // Arrange: a new event on the page, and the stored bill's bytes cut short (the first byte of a zlib stream).
    page = { status: 200, body: buildBillPage(pageAt(lawBill, 4)) };
    await createDocumentClient().send(
      new UpdateCommand({ TableName: deps.tableName, Key: keys.bill(number), UpdateExpression: 'SET billDeflated = :bytes', ExpressionAttributeValues: { ':bytes': Buffer.from('x') } }),
    );
    const stored = await deps.bills.get(number).catch((error: unknown) => error);

    // Act
    let result: Awaited<ReturnType<typeof pollBillSafely>> | undefined;
    const logged = await linesWrittenBy(async () => {
      result = await pollOnce(deps, { number, version: 1 }, pollBillSafely);
    });

    // Assert
    expect(stored).toMatchObject({ name: 'CorruptSnapshotError' });
    expect(result).toEqual({ number, outcome: 'source-error', changes: 0, error: `internal: bill ${number}: its stored snapshot cannot be read (unexpected end of file)` });
    expect(logged.map((line) => [line.level, line.message])).toEqual([['ERROR', 'bill poll failed']]);
    expect(queued).toEqual([]);
    expect(await deps.changes.get(number, `${number}:${lawBill.history[3]!.id}:event`)).toBeUndefined();
    // Its health says so too, as `status` and the console show it.
    const { failing } = await deps.bills.watchedHealth();
    expect(failing.map(({ number: failed, health }) => [failed, health.lastError])).toEqual([[number, result!.error]]);
  });

  it('the next good page after an error alerts once and clears the error', async () => {
    page = { status: 503, body: 'busy' };
    await pollOnce(deps, { number, version: 1 });
    page = { status: 200, body: buildBillPage(pageAt(lawBill, 4)) };

    const result = await pollOnce(deps, { number, version: 1 });

    expect(result).toEqual({ number, outcome: 'changed', changes: 1 });
    expect(queued).toEqual([{ billNumber: number, changeIds: [`${number}:${lawBill.history[3]!.id}:event`] }]);
    expect((await deps.bills.get(number))!.health).toMatchObject({ ok: true, consecutiveFailures: 0, errorCount: 1 });
  });

  it('a bill first seen missing and found later with a long history alerts only what happened from that day on', async () => {
    // Arrange: sozd answers 404 (a number watched before sozd serves it), then the page appears with four events
    // from 2024, before the bill was first seen missing, and one dated today.
    const other = '999011-99';
    page = { status: 404, body: 'not found' };
    const missing = await pollOnce(deps, { number: other, version: 0 });
    const dates = lawBill.history.slice(0, 5).map((event, index) => (index === 4 ? moscowLocalOf(Date.now()) : event.date));
    page = { status: 200, body: buildBillPage({ ...pageAt(lawBill, 5, dates), number: other }) };

    // Act
    const found = await pollOnce(deps, { number: other, version: 0 });

    // Assert: the old events are the baseline; today's is the one alert, its stage change measured from them.
    expect(missing).toEqual({ number: other, outcome: 'missing', changes: 0 });
    expect(found).toEqual({ number: other, outcome: 'changed', changes: 1 });
    const changeId = `${other}:${lawBill.history[4]!.id}:event`;
    expect(queued).toEqual([{ billNumber: other, changeIds: [changeId] }]);
    const change = await deps.changes.get(other, changeId);
    expect(change?.facts.map((fact) => fact.type)).toEqual(['new-event', 'stage-changed']);
    const stored = await deps.bills.get(other);
    expect({ events: stored?.bill?.events.length, missingAtSource: stored?.missingAtSource, missingSince: stored?.missingSince }).toEqual({
      events: 5,
      missingAtSource: false,
      missingSince: undefined,
    });
  });
});
