import type { PollTier } from '../bill/poll-tier.js';

/** The configured pause between two passes of each tier over its bills (config `polling`). */
export interface TierIntervals {
  activeEveryMinutes: number;
  dormantEveryMinutes: number;
  restingEveryMinutes: number;
}

/** How long after a pass of `tier` started the next one may start; 0 for a tier polled every run. */
export function tierIntervalMs(tier: Exclude<PollTier, 'active'>, settings: TierIntervals): number {
  return (tier === 'dormant' ? settings.dormantEveryMinutes : settings.restingEveryMinutes) * 60_000;
}

/**
 * How early a pass may start again: half a run interval, so that a schedule firing a little early does not skip a
 * whole run.
 */
export function passSlackMs(settings: TierIntervals): number {
  return (settings.activeEveryMinutes * 60_000) / 2;
}
