import * as z from 'zod';
import { POLL_TIERS, pollTierOf, type PollTierSettings } from '../bill/poll-tier.js';
import type { RequestPacer } from '../http/host-pacer.js';
import type { MessageQueue } from '../queue/message-queue.js';
import type { PollScheduleStore, ScheduledBill, TierPass } from '../store/poll-schedule-store.js';
import { withFanOutBatcher } from './fan-out-batcher.js';
import { passSlackMs, tierIntervalMs, type TierIntervals } from './tier-interval.js';
import {
  createPollTally,
  pollBillSafely,
  pollEach,
  recordPollRun,
  type BillPollDependencies,
  type BillPollResult,
  type PollDependencies,
  type PollSummary,
} from './poll-bills.js';

/** How adaptive polling is tuned (config `polling`). */
export interface PollingSettings extends PollTierSettings, TierIntervals {
  hostRequestsPerSecond: number;
  taskSize: number;
}

export interface ScheduledPollDependencies extends PollDependencies {
  tiers: PollTierSettings;
  schedule: PollScheduleStore;
  /** Every request to sozd waits for its slot here (shared by all pollers). */
  pacer: RequestPacer;
  polling: PollingSettings;
  /** The poll-tasks queue; without it a run polls all it takes on itself. */
  pollTasks?: MessageQueue;
}

/** A share of a run's work handed to the poll-tasks queue: the bills as the ring had them, so no read is needed. */
export const PollTaskSchema = z.object({
  bills: z
    .array(
      z.object({
        number: z.string().min(1),
        version: z.number().int().nonnegative(),
        contentHash: z.string().optional(),
        etag: z.string().optional(),
        lastModified: z.string().optional(),
        healthOk: z.boolean().optional(),
        missingAtSource: z.boolean().optional(),
        missingPolls: z.number().int().nonnegative().optional(),
        missingRetryAt: z.string().optional(),
        tier: z.enum(['active', 'dormant', 'resting']).optional(),
        tierReviewAt: z.string().optional(),
      }),
    )
    .min(1),
});
export type PollTask = z.infer<typeof PollTaskSchema>;

export interface PollRunSummary extends PollSummary {
  /** The run stopped at its time budget with bills it had taken still unpolled (they stay due). */
  stoppedEarly: boolean;
  /** Bills handed to the poll-tasks queue, and in how many tasks. */
  queuedBills: number;
  tasks: number;
  /** Whether due bills are left for the next run (the host's pace or the budget could not cover them). */
  dueLeft: boolean;
}

const RING_PAGE = 100;

/**
 * The passes due at `now`, in the order a run serves them: active bills first (a new pass every run), then the
 * others by how long their pass has been due. A finished pass starts again one interval after it started, give or
 * take half a run interval, so a schedule firing a little early does not skip a whole run.
 */
async function duePasses(deps: ScheduledPollDependencies, nowMs: number): Promise<TierPass[]> {
  const passes: TierPass[] = [];
  const slackMs = passSlackMs(deps.polling);
  for (const tier of POLL_TIERS) {
    const pass = await deps.schedule.pass(tier);
    if (pass && !pass.done) passes.push(pass);
    else if (!pass || tier === 'active' || nowMs >= Date.parse(pass.startedAt) + tierIntervalMs(tier, deps.polling) - slackMs) {
      passes.push({ tier, startedAt: new Date(nowMs).toISOString(), done: false });
    }
  }
  return passes.sort((a, b) => Number(b.tier === 'active') - Number(a.tier === 'active') || Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

/**
 * Polls one bill taken from a ring, and keeps it in the right ring: a bill not filed yet, or whose tier time alone may
 * have changed (`tierReviewAt` passed), is re-filed from its snapshot. A read page files the bill as it saves it.
 */
async function pollScheduledBill(deps: ScheduledPollDependencies & BillPollDependencies, bill: ScheduledBill): Promise<BillPollResult> {
  await deps.pacer.wait();
  const result = await pollBillSafely(deps, bill);
  const now = deps.now();
  const fresh = result.outcome === 'baseline' || result.outcome === 'changed' || result.outcome === 'no-new-events';
  const stale = bill.tier === undefined || (bill.tierReviewAt !== undefined && Date.parse(bill.tierReviewAt) <= now.getTime());
  if (!fresh && stale) {
    const stored = await deps.bills.get(bill.number);
    if (stored?.bill) await deps.schedule.fileInTier(bill.number, pollTierOf(stored.bill, now, deps.tiers));
  }
  return result;
}

/**
 * One scheduled poll run: takes the due bills, most overdue first, as many as the host's pace allows until the next
 * run; polls what fits in the time left before `deadlineMs` itself and, with a poll-tasks queue, hands the rest to
 * the poll-bill-tasks pollers. Stops starting polls at the deadline, saves how far each tier's pass got, and returns
 * its summary (the caller publishes metrics whether or not it stopped early).
 */
export async function runScheduledPoll(
  deps: ScheduledPollDependencies,
  options: { deadlineMs: number; concurrency?: number; onResult?: (result: BillPollResult) => void },
): Promise<PollRunSummary> {
  const startedMs = deps.now().getTime();
  const tally = createPollTally(new Date(startedMs).toISOString(), options.onResult);
  const perSecond = deps.polling.hostRequestsPerSecond;
  // More than the host may be asked before the next run would only pile up: it stays due, most overdue first.
  const cap = Math.floor(perSecond * deps.polling.activeEveryMinutes * 60);

  const passes = await duePasses(deps, startedMs);
  const taken: { pass: TierPass; bills: ScheduledBill[]; exhausted: boolean }[] = [];
  let count = 0;
  for (const pass of passes) {
    const entry = { pass, bills: [] as ScheduledBill[], exhausted: false };
    taken.push(entry);
    while (count < cap && !entry.exhausted) {
      const want = Math.min(RING_PAGE, cap - count);
      const page = await deps.schedule.ring(pass.tier, entry.bills.at(-1)?.number ?? pass.cursor, want);
      entry.bills.push(...page);
      count += page.length;
      entry.exhausted = page.length < want;
    }
  }

  const all = taken.flatMap((entry) => entry.bills);
  const inlineCapacity = Math.max(0, Math.floor(((options.deadlineMs - startedMs) / 1000) * perSecond));
  const queued = deps.pollTasks ? all.slice(inlineCapacity) : [];
  const inline = all.slice(0, all.length - queued.length);
  const tasks: PollTask[] = [];
  for (let start = 0; start < queued.length; start += deps.polling.taskSize) tasks.push({ bills: queued.slice(start, start + deps.polling.taskSize) });
  if (tasks.length > 0) await deps.pollTasks!.sendAll(tasks);

  // The fan-out batches still waiting at the deadline are a request or two each: the budget's margin covers them.
  const { result: started, fanOut } = await withFanOutBatcher(deps, (batcher) => {
    const pollDeps = { ...deps, fanOut: batcher };
    return pollEach(inline, {
      concurrency: options.concurrency ?? 8,
      poll: (bill) => pollScheduledBill(pollDeps, bill),
      record: tally.record,
      stop: () => deps.now().getTime() >= options.deadlineMs,
    });
  });
  // Handled: the polled prefix, and (when everything left was queued) the queued tail; the cursor covers a prefix only.
  const handled = started === inline.length ? all.length : started;
  let offset = 0;
  for (const { pass, bills, exhausted } of taken) {
    const done = Math.min(bills.length, Math.max(0, handled - offset));
    offset += bills.length;
    const cursor = done > 0 ? bills[done - 1]!.number : pass.cursor;
    await deps.schedule.savePass({ tier: pass.tier, startedAt: pass.startedAt, done: exhausted && done === bills.length, ...(cursor ? { cursor } : {}) });
  }

  const summary = tally.summary(deps.now().toISOString(), fanOut);
  await recordPollRun(deps, summary);
  return {
    ...summary,
    stoppedEarly: started < inline.length,
    queuedBills: queued.length,
    tasks: tasks.length,
    dueLeft: handled < all.length || taken.some((entry) => !entry.exhausted),
  };
}

/**
 * Polls the bills of one poll task (poll-bill-tasks), paced with every other poller, until `deadlineMs`.
 * @throws Error when the deadline came first: the task is redelivered, and its bills already polled cost a 304 each.
 */
export async function runPollTask(
  deps: ScheduledPollDependencies,
  task: PollTask,
  options: { deadlineMs: number; concurrency?: number },
): Promise<PollSummary> {
  const tally = createPollTally(deps.now().toISOString());
  const { result: started, fanOut } = await withFanOutBatcher(deps, (batcher) => {
    const pollDeps = { ...deps, fanOut: batcher };
    return pollEach(task.bills as ScheduledBill[], {
      concurrency: options.concurrency ?? 4,
      poll: (bill) => pollScheduledBill(pollDeps, bill),
      record: tally.record,
      stop: () => deps.now().getTime() >= options.deadlineMs,
    });
  });
  if (started < task.bills.length) throw new Error(`poll task stopped at its time budget after ${started} of ${task.bills.length} bills`);
  return tally.summary(deps.now().toISOString(), fanOut);
}
