import type { MessageQueue } from '../queue/message-queue.js';
import type { ChangeStore } from '../store/change-store.js';
import { enqueueChanges } from './enqueue-changes.js';

/**
 * Re-queues changes that were written but never queued (a poller that crashed between the two steps).
 * Only changes older than the grace period are taken, so a poll still in flight is left to finish its own.
 * @returns how many changes were re-queued.
 */
export async function sweepOutbox(
  deps: { changes: ChangeStore; fanOutQueue: MessageQueue; now: () => Date },
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
  return swept;
}
