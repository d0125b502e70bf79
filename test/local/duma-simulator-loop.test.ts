import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BILLS, lawBill, returnedBill } from '../../local/simulator/demo-bills.js';
import { lapBillNumber, startDumaSimulator, type DumaSimulator } from '../../local/simulator/duma-simulator.js';
import { parseBillPage } from '../../shared/sozd/parse-bill-page.js';

/*
 * The demo's simulator: each event is dated when it comes out (so a bill seen missing before is news, event by
 * event), and with `loop` the histories start again as new bills, the number plus 100 a lap, after one quiet step.
 */

describe('the Duma simulator in a loop', () => {
  let simulator: DumaSimulator | undefined;
  afterEach(() => simulator?.stop());

  it('dates each event when it comes out and starts the histories again as new bills after one quiet step', async () => {
    // Arrange: a clock the test moves; one step a minute, the first at once.
    let now = Date.parse('2026-12-01T09:00:00Z');
    simulator = await startDumaSimulator({ bills: DEMO_BILLS, pace: { kind: 'timed', stepMs: 60_000, firstAfterMs: 0 }, loop: true, now: () => now });
    const lapSteps = Math.max(lawBill.history.length, returnedBill.history.length) + 1;
    const nextLap = lapBillNumber(lawBill.page.number, 1);
    const page = async (number: string) => {
      const response = await fetch(`${simulator!.url}/bill/${number}`);
      return response.status === 200 ? parseBillPage(await response.text()) : response.status;
    };

    // Act
    const first = await page(lawBill.page.number);
    const nextBeforeItsLap = await page(nextLap);
    now += lapSteps * 60_000;
    const nextInItsLap = await page(nextLap);
    const lapAfterNext = await page(lapBillNumber(lawBill.page.number, 2));

    // Assert
    expect(nextLap).toBe('999101-99');
    expect(first).toMatchObject({ number: '999001-99', events: [{ date: '2026-12-01T12:00:00+03:00' }] });
    expect(nextBeforeItsLap).toBe(404);
    expect(simulator.lap()).toBe(1);
    expect(nextInItsLap).toMatchObject({ number: '999101-99', events: [{ id: lawBill.history[0]!.id, date: '2026-12-01T12:11:00+03:00' }] });
    expect(lapAfterNext).toBe(404);
  });
});
