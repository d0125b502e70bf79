import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { MISSING_POLL_LIMIT, missingRetryAt } from '../../shared/pipeline/missing-backoff.js';
import { pollWatchedBills, type PollDependencies } from '../../shared/pipeline/poll-bills.js';
import { startPollTestWorld, type PollTestWorld } from '../support/poll-test-world.js';

const HOUR = 3600_000;

describe('the back-off of a bill the source does not have', () => {
  it('asks again at the next cycles three times, then after 1 h, doubling to at most a day, and gives up after the limit', () => {
    const at = new Date('2026-01-01T00:00:00Z');

    const delays = Array.from({ length: MISSING_POLL_LIMIT }, (_, index) => missingRetryAt(index + 1, at)?.getTime()).map((time) =>
      time === undefined ? undefined : (time - at.getTime()) / HOUR,
    );

    expect(delays).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 24, 24, 24, undefined]);
  });
});

describe('polling a bill the source answers 404 for', () => {
  let world: PollTestWorld;
  let requests: string[];
  let found: boolean;
  let clock: Date;
  let deps: PollDependencies;
  const number = lawBill.page.number;

  beforeAll(async () => {
    world = await startPollTestWorld((request, response) => {
      requests.push(request.url ?? '');
      if (found) response.writeHead(200, { 'content-type': 'text/html' }).end(buildBillPage(pageAt(lawBill, 2)));
      else response.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not found</body></html>');
    });
  });
  afterAll(async () => {
    await world.stop();
  });
  beforeEach(async () => {
    requests = [];
    found = false;
    clock = new Date('2026-01-01T00:00:00Z');
    deps = await world.freshDependencies({ fanOutQueue: { sendAll: async () => undefined }, now: () => clock });
    await deps.bills.watch(number);
  });

  const poll = async () => Object.entries((await pollWatchedBills(deps)).outcomes).filter(([, count]) => count > 0).map(([outcome]) => outcome);

  it('does not ask again before the back-off has passed, and drops the bill from the watch list after the limit', async () => {
    const outcomes: string[][] = [];
    for (let miss = 1; miss <= 4; miss++) {
      clock = new Date(clock.getTime() + 60_000);
      outcomes.push(await poll());
    }
    clock = new Date(clock.getTime() + 30 * 60_000);
    outcomes.push(await poll());
    const requestsBeforeBackOffEnds = requests.length;
    for (let miss = 5; miss <= MISSING_POLL_LIMIT; miss++) {
      clock = new Date(clock.getTime() + 24 * HOUR);
      outcomes.push(await poll());
    }
    clock = new Date(clock.getTime() + 24 * HOUR);
    outcomes.push(await poll());

    expect(requestsBeforeBackOffEnds).toBe(4);
    expect(outcomes).toEqual([
      ['missing'],
      ['missing'],
      ['missing'],
      ['missing'],
      ['missing-later'],
      ...Array.from({ length: MISSING_POLL_LIMIT - 5 }, () => ['missing']),
      ['dropped-missing'],
      [],
    ]);
    expect(requests).toHaveLength(MISSING_POLL_LIMIT);
    expect(await deps.bills.get(number)).toMatchObject({ watched: false, missingPolls: MISSING_POLL_LIMIT });
  });

  it('a bill that appears after some misses is read as usual and its count starts again', async () => {
    await poll();
    clock = new Date(clock.getTime() + 2 * HOUR);
    found = true;

    const outcomes = await poll();

    // Its events predate the first miss, so they are its baseline (the missing-then-found rule), not news.
    expect(outcomes).toEqual(['no-new-events']);
    const record = await deps.bills.get(number);
    expect([record?.watched, record?.missingPolls, record?.missingRetryAt]).toEqual([true, undefined, undefined]);
  });
});
