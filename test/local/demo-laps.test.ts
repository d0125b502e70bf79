import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followDemoLap } from '../../local/demo.js';
import { loadConfig } from '../../shared/config/config.js';
import { createStores } from '../../shared/runtime/stores.js';
import { startTestServices, type TestServices } from '../support/test-services.js';

/*
 * `npm run demo` follows each lap's new bill numbers as the simulator starts them again; the bills of a lap that is
 * over leave the watch list, so `status` and the poller see the laps in play, not every lap since the demo began.
 */

describe("the demo's laps", () => {
  let test: TestServices;
  let stores: ReturnType<typeof createStores>;
  const watched = async () => {
    const numbers: string[] = [];
    for await (const page of stores.bills.listWatched()) numbers.push(...page.map((bill) => bill.number));
    return numbers.sort();
  };

  beforeAll(async () => {
    test = await startTestServices({ maxReceiveCount: 3 });
    stores = createStores(loadConfig({ ...process.env, ...test.env }));
  });
  afterAll(() => test.services.stop());

  it("takes a lap's bills off the watch list once the lap after next is followed", async () => {
    // Arrange: laps 0 and 1 followed, as the demo starts.
    await followDemoLap(stores, 0);
    await followDemoLap(stores, 1);

    // Act: lap 1 begins, so the demo follows lap 2.
    await followDemoLap(stores, 2);

    // Assert
    expect(await watched()).toEqual(['999101-99', '999102-99', '999201-99', '999202-99']);
  });
});
