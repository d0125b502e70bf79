import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import { createPoliteFetcher } from '../../shared/http/polite-fetcher.js';
import { createLogger } from '../../shared/log/logger.js';
import { pollWatchedBills, type PollDependencies } from '../../shared/pipeline/poll-bills.js';
import { createSozdHttpSource } from '../../shared/sozd/sozd-http-source.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { DynamoChangeStore } from '../../shared/store/change-store.js';
import { startHttpServer, type LoopbackServer } from '../http/loopback-server.js';
import { testSettings } from '../http/test-settings.js';
import { startTestServices, type TestServices } from '../support/test-services.js';

/*
 * An unchanged poll costs no write per bill: a 304, or a 200 with the same fingerprint and validators, leaves the
 * bill's items alone; only the poll run's one summary item is written. Health and validators are written when
 * they move. Writes are counted on the real DynamoDB client (dynalite behind it).
 */

const NUMBERS = ['900001-8', '900002-8', '900003-8'];

/** The pages a test serves: per bill, its body and ETag, and whether the server honours If-None-Match. */
interface Served {
  etag: string;
  status: number;
  conditional: boolean;
}

describe('unchanged polls write nothing per bill', () => {
  let test: TestServices;
  let server: LoopbackServer;
  const served = new Map<string, Served>();
  const writes: { command: string; key: string }[] = [];
  let deps: PollDependencies;

  beforeAll(async () => {
    test = await startTestServices({ maxReceiveCount: 3 });
    server = await startHttpServer((request: IncomingMessage, response: ServerResponse) => {
      const number = request.url!.split('/').at(-1)!;
      const page = served.get(number)!;
      if (page.status !== 200) return void response.writeHead(page.status).end('busy');
      if (page.conditional && request.headers['if-none-match'] === page.etag) return void response.writeHead(304, { etag: page.etag }).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: page.etag }).end(buildBillPage({ ...pageAt(lawBill, 3), number }));
    });
    const db = createDocumentClient();
    db.middlewareStack.add(
      (next, context) => async (args) => {
        if (/^(Put|Update|Delete|BatchWrite)/.test(context.commandName ?? '')) {
          const input = args.input as { Key?: { PK: string; SK: string }; Item?: { PK: string; SK: string } };
          const key = input.Key ?? input.Item;
          writes.push({ command: context.commandName!, key: `${key?.PK}/${key?.SK}` });
        }
        return next(args);
      },
      { step: 'initialize', name: 'countWrites' },
    );
    const fetcher = createPoliteFetcher(testSettings({ timeoutMs: 5000 }));
    deps = {
      bills: new DynamoBillStore(db, test.tableName),
      changes: new DynamoChangeStore(db, test.tableName),
      fanOutQueue: { sendAll: async () => {} },
      source: createSozdHttpSource(fetcher, server.origin),
      now: () => new Date(),
      logger: createLogger('test'),
    };
  });
  afterAll(async () => {
    await server.close();
    await test.services.stop();
  });
  beforeEach(async () => {
    for (const number of NUMBERS) {
      served.set(number, { etag: '"v1"', status: 200, conditional: true });
      await deps.bills.watch(number);
    }
    await pollWatchedBills(deps);
    writes.length = 0;
  });

  it('a cycle of 304s writes only the run summary, and the run summary says when and how it went', async () => {
    const summary = await pollWatchedBills(deps);

    expect(summary.outcomes.unchanged).toBe(3);
    expect(writes.map((write) => write.key)).toEqual(['POLLRUN/LATEST']);
    expect(await deps.bills.lastPollRun()).toEqual({
      startedAt: summary.startedAt,
      finishedAt: summary.finishedAt,
      bills: 3,
      changes: 0,
      outcomes: { unchanged: 3, baseline: 0, changed: 0, 'no-new-events': 0, missing: 0, 'missing-later': 0, 'dropped-missing': 0, 'source-error': 0, conflict: 0 },
    });
  });

  it('a 200 with the same bytes and validators writes nothing per bill', async () => {
    for (const page of served.values()) page.conditional = false;

    const summary = await pollWatchedBills(deps);

    expect(summary.outcomes.unchanged).toBe(3);
    expect(writes.map((write) => write.key)).toEqual(['POLLRUN/LATEST']);
  });

  it('new validators on the same bytes are written once, then the next poll is a 304 that writes nothing', async () => {
    served.get(NUMBERS[0]!)!.etag = '"v2"';

    await pollWatchedBills(deps);
    const firstWrites = writes.splice(0);
    await pollWatchedBills(deps);

    expect(firstWrites.map((write) => write.key)).toEqual([`BILL#${NUMBERS[0]}/STATE`, 'POLLRUN/LATEST']);
    expect((await deps.bills.get(NUMBERS[0]!))?.etag).toBe('"v2"');
    expect(writes.map((write) => write.key)).toEqual(['POLLRUN/LATEST']);
  });

  it('recovery after a source error is written once; the unchanged polls after it write nothing', async () => {
    const page = served.get(NUMBERS[1]!)!;
    page.status = 503;
    await pollWatchedBills(deps);
    page.status = 200;
    writes.length = 0;

    await pollWatchedBills(deps);
    const recoveryWrites = writes.splice(0);
    await pollWatchedBills(deps);

    expect(recoveryWrites.map((write) => write.key)).toEqual([`BILL#${NUMBERS[1]}/STATE`, 'POLLRUN/LATEST']);
    expect((await deps.bills.get(NUMBERS[1]!))?.health).toMatchObject({ ok: true, consecutiveFailures: 0, errorCount: 1 });
    expect(writes.map((write) => write.key)).toEqual(['POLLRUN/LATEST']);
  });
});
