import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureTable } from '../../local/provision.js';
import { startLocalServices, type LocalServices } from '../../local/local-services.js';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import type { Bill } from '../../shared/bill/bill.js';
import { run as status } from '../../shared/cli/status-command.js';
import { parseBillPage } from '../../shared/sozd/parse-bill-page.js';
import { encodeBillSnapshot } from '../../shared/store/bill-snapshot-codec.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { keys } from '../../shared/store/table-schema.js';
import { captureIo } from './capture-io.js';

/*
 * `status` for a long watch list: the watch list a page at a time from its index, each page's event counts in
 * BatchGetItem requests projecting the count alone, and no snapshot read but those saved before the count existed.
 * Requests are counted on the wire, between the CLI's own client and dynalite.
 */

const POLLED_AT = '2026-12-02T09:00:00.000Z';
const FAILED_AT = '2026-12-02T09:30:00.000Z';
/** The requests that read the watch list and the snapshots, as the proxy records them. */
const billReads = (requests: readonly string[]) => requests.filter((line) => /^(Query GSI1 WATCHED|BatchGetItem|\w+ BILL#)/.test(line));

/** A proxy in front of dynalite recording each request as `Action what` (the partition or key, a batch's size and projection). */
async function startRecordingProxy(target: string): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push(describeRequest(String(incoming.headers['x-amz-target']).split('.')[1]!, JSON.parse(body.toString('utf8') || '{}')));
      const forwarded = request(`${target}${incoming.url}`, { method: incoming.method, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(outgoing);
      });
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function describeRequest(action: string, body: Record<string, unknown>): string {
  if (action === 'BatchGetItem') {
    const [read] = Object.values(body.RequestItems as Record<string, { Keys: unknown[]; ProjectionExpression: string }>);
    return `BatchGetItem ${read!.Keys.length} ${read!.ProjectionExpression}`;
  }
  if (action === 'Query') {
    const values = body.ExpressionAttributeValues as Record<string, { S?: string }>;
    return `Query ${body.IndexName ? `${body.IndexName} ` : ''}${values[':pk']?.S ?? values[':watched']?.S}`;
  }
  const key = (body.Key ?? body.Item) as { PK?: { S: string } } | undefined;
  return `${action} ${key?.PK?.S ?? ''}`;
}

describe('status on a long watch list', () => {
  let services: LocalServices;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let doc: ReturnType<typeof createDocumentClient>;
  let bills: DynamoBillStore;
  let tableCount = 0;
  const template = parseBillPage(buildBillPage(pageAt(lawBill, lawBill.history.length)));
  /** A bill with its first `events` events. */
  const billOf = (number: string, events: number): Bill => ({ ...template, number, events: template.events.slice(0, events) });

  /** A watched bill with a good snapshot of `events` events, saved at POLLED_AT. */
  async function saved(number: string, events: number, tier: 'active' | 'dormant' = 'active'): Promise<void> {
    await bills.watch(number);
    await bills.saveSnapshot(number, 0, { bill: billOf(number, events), contentHash: 'h', at: POLLED_AT, tier: { tier } });
  }

  beforeAll(async () => {
    services = await startLocalServices();
    Object.assign(process.env, services.env);
    delete process.env.FEEDS;
    // The test's own client goes straight to dynalite; the CLI's, made when it runs, through the proxy.
    doc = createDocumentClient();
    proxy = await startRecordingProxy(services.dynamodbEndpoint);
    process.env.AWS_ENDPOINT_URL_DYNAMODB = proxy.url;
  });

  beforeEach(async () => {
    process.env.TABLE_NAME = `status-test-${++tableCount}`;
    await ensureTable(new DynamoDBClient({ endpoint: services.dynamodbEndpoint }), process.env.TABLE_NAME);
    bills = new DynamoBillStore(doc, process.env.TABLE_NAME);
  });

  afterAll(async () => {
    doc.destroy();
    await proxy.close();
    await services.stop();
  });

  it('shows every kind of bill as before, sorted by number, reading only the snapshots saved before the count existed', async () => {
    // Arrange: counted snapshots (one filed in the dormant ring, which sorts after every number on the index), one
    // saved just before the count existed, two in the older layouts, a failing bill, one missing at the source, one
    // never polled, one failing since its first read.
    const table = process.env.TABLE_NAME!;
    await saved('100003-8', 3);
    await saved('100001-8', 6, 'dormant');
    await saved('100005-8', 2);
    await doc.send(new UpdateCommand({ TableName: table, Key: keys.bill('100005-8'), UpdateExpression: 'REMOVE eventCount' }));
    for (const [number, layout] of [
      ['100006-8', (bill: Bill) => ({ billJson: JSON.stringify(bill) })],
      ['100007-8', (bill: Bill) => ({ bill })],
    ] as const) {
      await bills.watch(number);
      const bill = billOf(number, number === '100006-8' ? 4 : 5);
      await doc.send(new PutCommand({ TableName: table, Item: { ...keys.bill(number), number, ...layout(bill), version: 1, snapshotAt: POLLED_AT } }));
      await bills.recordPollOutcome(number, { kind: 'ok', at: POLLED_AT });
    }
    await saved('100002-8', 1);
    for (let attempt = 0; attempt < 2; attempt++) await bills.recordPollOutcome('100002-8', { kind: 'error', at: FAILED_AT, error: 'fetch-network: connect ECONNREFUSED' });
    await bills.watch('100004-8');
    await bills.recordPollOutcome('100004-8', { kind: 'missing', at: POLLED_AT, retryAt: FAILED_AT });
    await bills.watch('100008-8');
    await bills.watch('100000-8');
    await bills.recordPollOutcome('100000-8', { kind: 'error', at: FAILED_AT, error: 'http-503' });
    proxy.requests.length = 0;
    const text = captureIo();
    const json = captureIo();

    // Act
    const codes = [await status([], text), await status(['--json'], json)];

    // Assert
    expect(codes).toEqual([0, 0]);
    expect(text.out().split('\n').slice(0, 11)).toEqual([
      'Watched bills (9):',
      `  100000-8  updated ${FAILED_AT}  no snapshot  error (1 consecutive failure): http-503`,
      `  100001-8  updated ${POLLED_AT}  6 events  ok`,
      `  100002-8  updated ${FAILED_AT}  1 event  error (2 consecutive failures): fetch-network: connect ECONNREFUSED`,
      `  100003-8  updated ${POLLED_AT}  3 events  ok`,
      `  100004-8  updated ${POLLED_AT}  not at the source yet  ok`,
      `  100005-8  updated ${POLLED_AT}  2 events  ok`,
      `  100006-8  updated ${POLLED_AT}  4 events  ok`,
      `  100007-8  updated ${POLLED_AT}  5 events  ok`,
      '  100008-8  not polled yet',
      `Last poll: ${FAILED_AT}`,
    ]);
    const healthy = { ok: true, lastPolledAt: POLLED_AT, lastOkAt: POLLED_AT, consecutiveFailures: 0, errorCount: 0 };
    expect((JSON.parse(json.out()) as { bills: unknown[] }).bills).toEqual([
      {
        number: '100000-8',
        polled: true,
        events: null,
        missingAtSource: false,
        health: { ok: false, lastPolledAt: FAILED_AT, lastErrorAt: FAILED_AT, lastError: 'http-503', consecutiveFailures: 1, errorCount: 1 },
      },
      { number: '100001-8', polled: true, events: 6, missingAtSource: false, health: healthy },
      {
        number: '100002-8',
        polled: true,
        events: 1,
        missingAtSource: false,
        health: { ok: false, lastPolledAt: FAILED_AT, lastOkAt: POLLED_AT, lastErrorAt: FAILED_AT, lastError: 'fetch-network: connect ECONNREFUSED', consecutiveFailures: 2, errorCount: 2 },
      },
      { number: '100003-8', polled: true, events: 3, missingAtSource: false, health: healthy },
      { number: '100004-8', polled: true, events: null, missingAtSource: true, health: healthy },
      { number: '100005-8', polled: true, events: 2, missingAtSource: false, health: healthy },
      { number: '100006-8', polled: true, events: 4, missingAtSource: false, health: healthy },
      { number: '100007-8', polled: true, events: 5, missingAtSource: false, health: healthy },
      { number: '100008-8', polled: false, events: null, missingAtSource: false, health: { ok: true, consecutiveFailures: 0, errorCount: 0 } },
    ]);
    // Each run: one page of the watch list, one batch of counts, and the bills of the three older snapshots.
    const run = ['Query GSI1 WATCHED', 'BatchGetItem 9 #key, eventCount', 'BatchGetItem 3 #key, billDeflated, billJson, bill.events'];
    expect(billReads(proxy.requests)).toEqual([...run, ...run]);
  });

  it('reads 250 watched bills in one query and three batches of counts, not a request per bill', async () => {
    // Arrange
    const numbers = Array.from({ length: 250 }, (_, index) => `${200000 + index}-8`);
    for (const [index, number] of numbers.entries()) await saved(number, 1 + (index % 10));
    proxy.requests.length = 0;
    const io = captureIo();

    // Act
    await status([], io);

    // Assert
    expect(io.out().split('\n').slice(0, 252)).toEqual([
      'Watched bills (250):',
      ...numbers.map((number, index) => `  ${number}  updated ${POLLED_AT}  ${1 + (index % 10)} event${index % 10 === 0 ? '' : 's'}  ok`),
      `Last poll: ${POLLED_AT}`,
    ]);
    expect(billReads(proxy.requests)).toEqual(['Query GSI1 WATCHED', 'BatchGetItem 100 #key, eventCount', 'BatchGetItem 100 #key, eventCount', 'BatchGetItem 50 #key, eventCount']);
  });

  it('reads a watch list longer than a page a page at a time: 1,001 bills in two queries and eleven batches of counts', async () => {
    // Arrange: watched, never polled (a write each, the cheapest bills to make).
    const numbers = Array.from({ length: 1001 }, (_, index) => `${300000 + index}-8`);
    for (let start = 0; start < numbers.length; start += 50) await Promise.all(numbers.slice(start, start + 50).map((number) => bills.watch(number)));
    proxy.requests.length = 0;
    const io = captureIo();

    // Act
    await status([], io);

    // Assert: the second page's query may go out while the first page's counts are read.
    expect(io.out().split('\n').slice(0, 1003)).toEqual(['Watched bills (1001):', ...numbers.map((number) => `  ${number}  not polled yet`), 'Last poll: never']);
    expect(billReads(proxy.requests).sort()).toEqual([
      'BatchGetItem 1 #key, eventCount',
      ...Array<string>(10).fill('BatchGetItem 100 #key, eventCount'),
      'Query GSI1 WATCHED',
      'Query GSI1 WATCHED',
    ]);
  });
});
