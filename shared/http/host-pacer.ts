import type { HostSlotStore } from '../store/host-slot-store.js';
import type { Clock } from './clock.js';

/** Paces requests to one host: `wait()` resolves when the caller may send its next request. */
export interface RequestPacer {
  wait(): Promise<void>;
}

export interface HostPacerOptions {
  host: string;
  requestsPerSecond: number;
  /** Slots claimed per write to the shared store; more means fewer writes, and more slots lost when a run ends. */
  slotsPerClaim?: number;
}

/**
 * A pacer whose slots come from a store shared by every poller, so the host sees at most `requestsPerSecond`
 * however many run. Slots are claimed a few at a time (one conditional write per claim) and spent in order.
 */
export function createHostPacer(slots: HostSlotStore, options: HostPacerOptions, clock: Pick<Clock, 'now' | 'sleep'>): RequestPacer {
  const gapMs = 1000 / options.requestsPerSecond;
  const perClaim = options.slotsPerClaim ?? Math.max(1, Math.round(options.requestsPerSecond * 4));
  const claimed: number[] = [];
  let turn: Promise<unknown> = Promise.resolve();

  const nextSlot = async (): Promise<number> => {
    // A slot gone by more than half a gap is lost (the poller was busy): used late, it would crowd the next one.
    while (claimed.length > 0 && claimed[0]! < clock.now() - gapMs / 2) claimed.shift();
    if (claimed.length === 0) {
      const first = await slots.claim(options.host, perClaim, gapMs, clock.now());
      for (let index = 0; index < perClaim; index++) claimed.push(first + index * gapMs);
    }
    return claimed.shift()!;
  };

  return {
    async wait() {
      // Claims are made one at a time, so concurrent callers share a block instead of each claiming one.
      const slot = (turn = turn.then(nextSlot, nextSlot)) as Promise<number>;
      const at = await slot;
      const wait = at - clock.now();
      if (wait > 0) await clock.sleep(wait);
    },
  };
}
