import type { PollTier } from '../bill/poll-tier.js';
import type { TierPass } from '../store/poll-schedule-store.js';
import { passSlackMs, tierIntervalMs, type TierIntervals } from './tier-interval.js';

/** When a watched bill is next polled, as far as the schedule can say, and why then. */
export type NextPoll =
  /** In the next poll run: an active bill, one not filed in a tier yet, or one its tier's current pass has not reached. */
  | { kind: 'next-run'; tier: PollTier | undefined; at: string }
  /** In the first run at or after `at`, when its tier's next pass starts. */
  | { kind: 'next-pass'; tier: Exclude<PollTier, 'active'>; at: string }
  /** The source said the bill does not exist yet: polling backs off until `at`. */
  | { kind: 'backoff'; tier: PollTier | undefined; at: string };

/** What the schedule knows of one bill: its tier (absent before its first filing) and any "not found yet" back-off. */
export interface BillSchedule {
  number: string;
  tier?: PollTier;
  missingRetryAt?: string;
}

/**
 * When `bill` is next polled (shared/pipeline/poll-run.ts decides it; this says it in advance). Runs come every
 * `activeEveryMinutes` after the last one started (`lastRunAt`, or now before any). A dormant or resting bill waits for
 * its tier's pass: the current pass takes the ring in bill-number order from its cursor, so a bill after the cursor
 * is polled in the next run; otherwise the next pass starts one tier interval after this one started.
 */
export function nextPoll(bill: BillSchedule, passes: Partial<Record<PollTier, TierPass>>, settings: TierIntervals, lastRunAt: string | undefined, now: Date): NextPoll {
  const runMs = settings.activeEveryMinutes * 60_000;
  const lastRunMs = lastRunAt ? Date.parse(lastRunAt) : Number.NaN;
  // A run is due every interval after the last one; one overdue (the schedule is late, or none ran yet) is due now.
  const nextRunMs = Number.isFinite(lastRunMs) ? Math.max(now.getTime(), lastRunMs + runMs) : now.getTime();
  const atMs = (ms: number) => new Date(ms).toISOString();
  if (bill.missingRetryAt && Date.parse(bill.missingRetryAt) > nextRunMs) return { kind: 'backoff', tier: bill.tier, at: bill.missingRetryAt };
  const tier = bill.tier;
  if (tier === undefined || tier === 'active' || tierIntervalMs(tier, settings) === 0) return { kind: 'next-run', tier, at: atMs(nextRunMs) };
  const pass = passes[tier];
  if (!pass || (!pass.done && (pass.cursor === undefined || bill.number > pass.cursor))) return { kind: 'next-run', tier, at: atMs(nextRunMs) };
  const passStartMs = Date.parse(pass.startedAt) + tierIntervalMs(tier, settings) - passSlackMs(settings);
  if (passStartMs <= nextRunMs) return { kind: 'next-run', tier, at: atMs(nextRunMs) };
  // The first run at or after the pass may start: runs fall every interval after the last one.
  const runsAhead = Number.isFinite(lastRunMs) ? Math.ceil((passStartMs - lastRunMs) / runMs) : 0;
  return { kind: 'next-pass', tier, at: atMs(Number.isFinite(lastRunMs) ? lastRunMs + runsAhead * runMs : passStartMs) };
}
