import { setTimeout as delay } from 'node:timers/promises';

/** Time and chance, injected so tests can assert exact waits instead of measuring wall time. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

/** The real clock: Date.now, timers and Math.random. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => delay(ms),
  random: () => Math.random(),
};
