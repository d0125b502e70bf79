import type { Bill } from './bill.js';

/**
 * How often a bill is polled: `active` every run (a planned event soon, a recent event, or not read yet), `dormant`
 * less often, `resting` (archived bills and published laws) rarely. The intervals are configured (config `polling`).
 */
export type PollTier = 'active' | 'dormant' | 'resting';

/** Tiers in the order a poll run serves them when they are equally due. */
export const POLL_TIERS: readonly PollTier[] = ['active', 'dormant', 'resting'];

export interface PollTierSettings {
  recentEventDays: number;
  plannedSoonDays: number;
}

/** A bill's tier now, and the moment time alone would change it (an event ageing, a planned date nearing). */
export interface TierAssignment {
  tier: PollTier;
  /** ISO time; absent when only a new page can change the tier. */
  reviewAt?: string;
}

const DAY_MS = 86_400_000;
/** A planned event keeps its bill active for a day past its date: sozd records the real event a little later. */
const PLANNED_GRACE_MS = DAY_MS;

/**
 * The poll tier of a bill at `now` from its last good snapshot (undefined before the first read: active, so its
 * baseline is taken at once).
 */
export function pollTierOf(bill: Bill | undefined, now: Date, settings: PollTierSettings): TierAssignment {
  if (!bill) return { tier: 'active' };
  if (bill.archived || bill.events.some((event) => event.publication !== undefined)) return { tier: 'resting' };
  const nowMs = now.getTime();
  const lastEventMs = Math.max(...bill.events.map((event) => Date.parse(event.date)));
  // Each window during which the bill is active: after its last event, and around each dated planned event.
  const windows = [
    { from: lastEventMs, until: lastEventMs + settings.recentEventDays * DAY_MS },
    ...bill.plannedEvents
      .filter((planned) => planned.date !== undefined)
      .map((planned) => {
        const at = Date.parse(planned.date!);
        return { from: at - settings.plannedSoonDays * DAY_MS, until: at + PLANNED_GRACE_MS };
      }),
  ];
  const active = windows.some((window) => window.from <= nowMs && nowMs < window.until);
  const boundaries = windows.flatMap((window) => [window.from, window.until]).filter((at) => at > nowMs);
  const reviewAt = boundaries.length > 0 ? new Date(Math.min(...boundaries)).toISOString() : undefined;
  return { tier: active ? 'active' : 'dormant', ...(reviewAt ? { reviewAt } : {}) };
}
