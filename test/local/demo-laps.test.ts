import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { firstDemoLap, followDemoLap, runDemo } from '../../local/demo.js';
import { ensureTable } from '../../local/provision.js';
import { DEMO_BILLS } from '../../local/simulator/demo-bills.js';
import { startDumaSimulator, type DumaSimulator } from '../../local/simulator/duma-simulator.js';
import { loadConfig } from '../../shared/config/config.js';
import { createStores } from '../../shared/runtime/stores.js';
import { startTestServices, type TestServices } from '../support/test-services.js';

/*
 * `npm run demo` follows each lap's new bill numbers as the simulator starts them again; the bills of a lap that is
 * over leave the watch list, so `status` and the poller see the laps in play, not every lap since the demo began.
 * Stopped (Ctrl-C) and started again on the same .data/demo/, it goes on with new numbers: the bills of the laps it
 * followed are in its table with their histories, and served again from their first event they would look to the
 * poller like pages that lost events (source errors, and no alert for laps).
 */

describe("the demo's laps", () => {
  let test: TestServices;
  let stores: ReturnType<typeof createStores>;
  let dir: string;
  const simulators: DumaSimulator[] = [];
  const watched = async () => {
    const numbers: string[] = [];
    for await (const page of stores.bills.listWatched()) numbers.push(...page.map((bill) => bill.number));
    return numbers.sort();
  };

  beforeAll(async () => {
    test = await startTestServices({ maxReceiveCount: 3 });
    dir = mkdtempSync(join(tmpdir(), 'demo-laps-'));
  });
  beforeEach(async () => {
    const tableName = `t${randomBytes(4).toString('hex')}`;
    await ensureTable(new DynamoDBClient({}), tableName);
    stores = createStores(loadConfig({ ...process.env, ...test.env, TABLE_NAME: tableName }));
  });
  afterAll(async () => {
    await Promise.all(simulators.map((simulator) => simulator.stop()));
    await test.services.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes a lap's bills off the watch list once the lap after next is followed", async () => {
    // Arrange: lap 0 followed as the demo starts, lap 1 in lap 0's quiet step.
    await followDemoLap(stores, 0);
    await followDemoLap(stores, 1);

    // Act: lap 1's quiet step, so the demo follows lap 2.
    await followDemoLap(stores, 2);

    // Assert
    expect(await watched()).toEqual(['999101-99', '999102-99', '999201-99', '999202-99']);
  });

  it("follows the next lap's bills in the quiet step before their first event, not a lap ahead", async () => {
    // Arrange: the demo running on a simulator whose first lap is out to its last event. Followed a lap ahead, the
    // next lap's bills would be "no such bill" for a whole lap, and the poller waits an hour after three such answers.
    const simulator = await startDumaSimulator({ bills: DEMO_BILLS, pace: { kind: 'manual' }, loop: true });
    simulators.push(simulator);
    const lapFile = join(dir, 'quiet-step-lap');
    const stop = await runDemo({ stores, simulator, lapFile, sesEndpoint: test.services.sesEndpoint, print: () => {}, onError: () => {} });
    const lapSteps = Math.max(...DEMO_BILLS.map((bill) => bill.history.length)) + 1;
    for (let step = 1; step < lapSteps; step++) simulator.step();
    await new Promise((wait) => setTimeout(wait, 1500)); // the demo looks at the simulator every second
    const watchedDuringTheLap = await watched();

    // Act: the quiet step; the demo notes the lap in its file once it follows it.
    simulator.step();
    await vi.waitFor(() => expect(readFileSync(lapFile, 'utf8')).toBe('1\n'), { timeout: 50_000, interval: 100 });
    stop();
    const watchedInTheQuietStep = await watched();

    // Assert
    expect(watchedDuringTheLap).toEqual(['999001-99', '999002-99']);
    expect(watchedInTheQuietStep).toEqual(['999001-99', '999002-99', '999101-99', '999102-99']);
    expect((await fetch(`${simulator.url}/bill/999101-99`)).status).toBe(404);
  });

  it('started again on its data, goes on after the laps the run before followed: none of its bills was watched before', async () => {
    // Arrange: one run of the demo, stopped during its first lap.
    const lapFile = join(dir, 'demo-lap');
    const run = async () => {
      const simulator = await startDumaSimulator({ bills: DEMO_BILLS, pace: { kind: 'manual' }, loop: true, firstLap: firstDemoLap(lapFile) });
      simulators.push(simulator);
      const stop = await runDemo({ stores, simulator, lapFile, sesEndpoint: test.services.sesEndpoint, print: () => {}, onError: () => {} });
      stop();
      simulator.step();
      return simulator;
    };
    await run();
    const watchedByTheFirstRun = await watched();

    // Act
    const again = await run();

    // Assert
    const served = async (number: string) => (await fetch(`${again.url}/bill/${number}`)).status;
    expect(watchedByTheFirstRun).toEqual(['999001-99', '999002-99']);
    expect(await watched()).toEqual(['999101-99', '999102-99']);
    expect(await Promise.all(['999101-99', '999102-99', '999001-99', '999201-99'].map(served))).toEqual([200, 200, 404, 404]);
  });
});
