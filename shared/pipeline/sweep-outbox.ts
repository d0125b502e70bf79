import type { BillStore } from '../store/bill-store.js';
import type { ChangeStore } from '../store/change-store.js';
import type { OriginOutbox } from '../store/origin-outbox-store.js';
import { withFanOutBatcher, type FanOutBatcher, type FanOutBatcherDependencies } from './fan-out-batcher.js';

export interface SweepDependencies extends FanOutBatcherDependencies {
  changes: Pick<ChangeStore, 'listUnqueued' | 'markAllQueued'>;
  bills: Pick<BillStore, 'listUnqueuedDrops' | 'markDropQueued'>;
}

/**
 * Re-queues changes that were written but never queued, and the notices of dropped bills never queued (a poller that
 * crashed, or whose fan-out batch failed, between the two steps). Only what is older than the grace period is taken,
 * so a poll still in flight is left to finish its own.
 * @returns how many changes and drops were re-queued.
 * @throws Error when some stay in the outbox (a failed send or mark): the next sweep tries them again
 */
export async function sweepOutbox(deps: SweepDependencies, graceSeconds: number): Promise<number> {
  const before = graceCutoff(deps, graceSeconds);
  return sweepThrough(deps, async (fanOut) => {
    let swept = 0;
    for await (const page of deps.changes.listUnqueued(before)) {
      // Keep each bill's changes in date order, as the poller would have queued them.
      fanOut.queueChanges([...page].sort((a, b) => (a.event?.date ?? a.detectedAt).localeCompare(b.event?.date ?? b.detectedAt)));
      swept += page.length;
      await fanOut.flush();
    }
    for await (const drops of deps.bills.listUnqueuedDrops(before)) {
      for (const drop of drops) fanOut.queueDrop(drop);
      swept += drops.length;
      await fanOut.flush();
    }
    return swept;
  });
}

/**
 * Queues the "new bill from …" notices a poller left in the outbox, older than the grace period (a poll in flight
 * queues its own).
 * @returns how many were queued.
 * @throws Error when some stay in the outbox (a failed send or mark): the next sweep tries them again
 */
export async function sweepOriginOutbox(deps: FanOutBatcherDependencies & { originOutbox: OriginOutbox }, graceSeconds: number): Promise<number> {
  const before = graceCutoff(deps, graceSeconds);
  return sweepThrough(deps, async (fanOut) => {
    let swept = 0;
    for await (const page of deps.originOutbox.listUnqueued(before)) {
      for (const notice of page) fanOut.queueOriginNotice(notice);
      swept += page.length;
      await fanOut.flush();
    }
    return swept;
  });
}

function graceCutoff(deps: { now: () => Date }, graceSeconds: number): string {
  return new Date(deps.now().getTime() - graceSeconds * 1000).toISOString();
}

/** Runs a sweep through a fan-out batcher (a page at a time: a long outbox is never all in flight at once). */
async function sweepThrough(deps: FanOutBatcherDependencies, sweep: (fanOut: FanOutBatcher) => Promise<number>): Promise<number> {
  const { result: swept, fanOut } = await withFanOutBatcher(deps, sweep);
  const left = fanOut.unsent + fanOut.unmarked;
  if (left > 0) throw new Error(`${left} fan-out message(s) of the sweep stay in the outbox: the next sweep tries them again`);
  return swept;
}
