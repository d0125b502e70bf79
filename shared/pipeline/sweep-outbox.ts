import type { MessageQueue } from '../queue/message-queue.js';
import type { BillStore } from '../store/bill-store.js';
import type { ChangeStore } from '../store/change-store.js';
import { queueDropNotices } from './announce-dropped-bill.js';
import { enqueueChanges } from './enqueue-changes.js';

/**
 * Re-queues changes that were written but never queued, and the notices of dropped bills never queued (a poller that
 * crashed between the two steps). Only what is older than the grace period is taken, so a poll still in flight is left
 * to finish its own.
 * @returns how many changes and drops were re-queued.
 */
export async function sweepOutbox(
  deps: { changes: ChangeStore; bills: Pick<BillStore, 'listUnqueuedDrops' | 'markDropQueued'>; fanOutQueue: MessageQueue; now: () => Date },
  graceSeconds: number,
): Promise<number> {
  const now = deps.now();
  const before = new Date(now.getTime() - graceSeconds * 1000).toISOString();
  let swept = 0;
  for await (const page of deps.changes.listUnqueued(before)) {
    // Keep each bill's changes in date order, as the poller would have queued them.
    const ordered = [...page].sort((a, b) => (a.event?.date ?? a.detectedAt).localeCompare(b.event?.date ?? b.detectedAt));
    await enqueueChanges(deps, ordered, now.toISOString());
    swept += ordered.length;
  }
  for await (const drops of deps.bills.listUnqueuedDrops(before)) {
    await queueDropNotices(deps, drops);
    swept += drops.length;
  }
  return swept;
}
