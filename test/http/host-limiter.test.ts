import { afterEach, describe, expect, it } from 'vitest';
import { HostLimiter } from '../../shared/http/host-limiter.js';
import { createPoliteFetcher, type PoliteFetcher } from '../../shared/http/polite-fetcher.js';
import { startHttpServer, type LoopbackServer } from './loopback-server.js';
import { testSettings } from './test-settings.js';

/** A clock that only moves when told to, so waits can be asserted exactly. */
class ManualClock {
  time = 0;
  readonly #timers: Array<{ at: number; wake: () => void }> = [];

  now = (): number => this.time;

  sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.#timers.push({ at: this.time + ms, wake });
    });

  async advanceTo(time: number): Promise<void> {
    this.time = time;
    for (const timer of this.#timers.filter((pending) => pending.at <= time)) {
      this.#timers.splice(this.#timers.indexOf(timer), 1);
      timer.wake();
    }
    await settle();
  }
}

function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('HostLimiter', () => {
  it('starts at most maxInFlight per host, spaced minGapMs apart, first come first served', async () => {
    const clock = new ManualClock();
    const limiter = new HostLimiter({ maxInFlight: 2, minGapMs: 100 }, clock);
    const started: Array<[string, number]> = [];
    const acquire = (name: string) =>
      limiter.acquire('sozd.duma.gov.ru').then((release) => {
        started.push([name, clock.now()]);
        return release;
      });

    const releaseA = acquire('a');
    void acquire('b');
    void acquire('c');
    await settle();
    expect(started).toEqual([['a', 0]]);

    await clock.advanceTo(100);
    expect(started).toEqual([['a', 0], ['b', 100]]);

    (await releaseA)();
    await settle();
    expect(started).toEqual([['a', 0], ['b', 100]]);

    await clock.advanceTo(200);
    expect(started).toEqual([['a', 0], ['b', 100], ['c', 200]]);
  });

  it('keeps hosts independent', async () => {
    const clock = new ManualClock();
    const limiter = new HostLimiter({ maxInFlight: 1, minGapMs: 1_000 }, clock);

    await limiter.acquire('sozd.duma.gov.ru');
    const other = await Promise.race([
      limiter.acquire('duma.gov.ru').then(() => 'started'),
      settle().then(() => 'blocked'),
    ]);

    expect(other).toBe('started');
  });

  it('ignores a second call of the same release', async () => {
    const clock = new ManualClock();
    const limiter = new HostLimiter({ maxInFlight: 1, minGapMs: 0 }, clock);
    const release = await limiter.acquire('h');
    const second = limiter.acquire('h');
    const third = limiter.acquire('h');

    release();
    release();
    await settle();
    const thirdState = await Promise.race([third.then(() => 'started'), settle().then(() => 'waiting')]);

    expect(await Promise.race([second.then(() => 'started'), settle().then(() => 'waiting')])).toBe('started');
    expect(thirdState).toBe('waiting');
  });
});

describe('polite fetcher: per-host politeness', () => {
  let server: LoopbackServer | undefined;
  let fetcher: PoliteFetcher | undefined;

  afterEach(async () => {
    await fetcher?.close();
    await server?.close();
  });

  it('never has more than 2 requests in flight to a host and spaces their starts by the minimum gap', async () => {
    let inFlight = 0;
    let maxSeen = 0;
    const arrivals: number[] = [];
    // Each answer takes 150 ms, well over twice the 40 ms gap: without the cap the server would see 4 at once.
    server = await startHttpServer((_request, response) => {
      arrivals.push(performance.now());
      inFlight += 1;
      maxSeen = Math.max(maxSeen, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        response.end('page');
      }, 150);
    });
    fetcher = createPoliteFetcher(testSettings({ maxInFlightPerHost: 2, minGapMsPerHost: 40 }));
    const url = `${server.origin}/bill`;
    const firedAt = performance.now();

    const results = await Promise.all(Array.from({ length: 10 }, () => fetcher!.get(url)));

    expect(results.map((result) => result.kind)).toEqual(Array(10).fill('fetched'));
    expect(server.requests).toHaveLength(10);
    expect(maxSeen).toBe(2);
    // Start k cannot come before firedAt + k * 40 ms, and loopback jitter only ever delays an arrival, so this
    // bound holds however loaded the machine is (3 ms slack covers timer and Date.now rounding).
    const earliestAllowed = arrivals.map((_arrival, k) => firedAt + k * 40 - 3);
    expect(arrivals.filter((arrival, k) => arrival < (earliestAllowed[k] ?? 0))).toEqual([]);
  });
});
