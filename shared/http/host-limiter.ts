import type { Clock } from './clock.js';

/** How hard one host may be hit. */
export interface HostLimits {
  maxInFlight: number;
  /** Minimum time between the starts of two requests to the same host. */
  minGapMs: number;
}

interface HostState {
  inFlight: number;
  /** Earliest moment the next request may start; reserved ahead so concurrent callers queue up in order. */
  nextStartAt: number;
  /** Callers waiting for a slot, first come first served; a released slot is handed straight to the next. */
  waiting: Array<() => void>;
}

/** Releases the slot taken by {@link HostLimiter.acquire}; calling it twice is harmless. */
export type ReleaseSlot = () => void;

/**
 * Caps requests in flight per host and spaces their starts. One instance per fetcher, so there is no global state.
 */
export class HostLimiter {
  readonly #hosts = new Map<string, HostState>();

  constructor(
    private readonly limits: HostLimits,
    private readonly clock: Pick<Clock, 'now' | 'sleep'>,
  ) {}

  /** Waits for a free slot and the minimum gap on `host`, then holds the slot until the returned release is called. */
  async acquire(host: string): Promise<ReleaseSlot> {
    const state = this.#stateFor(host);
    if (state.inFlight < this.limits.maxInFlight) {
      state.inFlight += 1;
    } else {
      await new Promise<void>((resolve) => state.waiting.push(resolve));
    }
    const now = this.clock.now();
    const startAt = Math.max(now, state.nextStartAt);
    state.nextStartAt = startAt + this.limits.minGapMs;
    if (startAt > now) await this.clock.sleep(startAt - now);

    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#release(host, state);
    };
  }

  #stateFor(host: string): HostState {
    let state = this.#hosts.get(host);
    if (!state) {
      state = { inFlight: 0, nextStartAt: 0, waiting: [] };
      this.#hosts.set(host, state);
    }
    return state;
  }

  #release(host: string, state: HostState): void {
    const next = state.waiting.shift();
    if (next) {
      next();
      return;
    }
    state.inFlight -= 1;
    // Forgetting an idle host only once its gap has elapsed keeps the gap honest and the map from growing forever.
    if (state.inFlight === 0 && state.nextStartAt <= this.clock.now()) this.#hosts.delete(host);
  }
}
