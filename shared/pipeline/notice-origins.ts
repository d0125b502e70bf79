import type { Bill } from '../bill/bill.js';
import { billOrigins, originSignature, type BillOrigin } from '../origins/bill-origin.js';
import type { MessageQueue } from '../queue/message-queue.js';
import type { OriginNotice, OriginOutbox } from '../store/origin-outbox-store.js';
import type { OriginFanOutMessage } from './pipeline-messages.js';

export interface OriginNoticeDependencies {
  originOutbox: OriginOutbox;
  fanOutQueue: MessageQueue;
}

/**
 * The signature of the origins a new snapshot should notice: set when it names other origins than the one before it
 * (its passport read for the first time, a committee assigned or changed, initiators changed), which alerts the
 * followers of its committee and initiators. The same origins again notice nothing.
 */
export function newOriginSignature(previous: Bill | undefined, bill: Bill): string | undefined {
  // The same origins, spelled the same, sign the same: most polls of a bill hash and normalise no name at all.
  if (previous && sameOrigins(billOrigins(previous), billOrigins(bill))) return undefined;
  const signature = originSignature(bill);
  return signature && signature !== originSignature(previous) ? signature : undefined;
}

/** Queues notices for fan-out, then takes them out of the outbox; a crash in between leaves them for the sweeper. */
export async function queueOriginNotices(deps: OriginNoticeDependencies, notices: readonly OriginNotice[], at: string): Promise<void> {
  if (notices.length === 0) return;
  await deps.fanOutQueue.sendAll(notices.map((notice): OriginFanOutMessage => ({ kind: 'bill-origin', billNumber: notice.billNumber, signature: notice.signature })));
  for (const notice of notices) await deps.originOutbox.markQueued(notice, at);
}

/**
 * Queues the notices a crashed poller left in the outbox, older than the grace period (a poll in flight queues its own).
 * @returns how many were queued.
 */
export async function sweepOriginOutbox(deps: OriginNoticeDependencies & { now: () => Date }, graceSeconds: number): Promise<number> {
  const now = deps.now();
  let swept = 0;
  for await (const page of deps.originOutbox.listUnqueued(new Date(now.getTime() - graceSeconds * 1000).toISOString())) {
    await queueOriginNotices(deps, page, now.toISOString());
    swept += page.length;
  }
  return swept;
}

function sameOrigins(a: readonly BillOrigin[], b: readonly BillOrigin[]): boolean {
  return a.length === b.length && a.every((origin, index) => origin.kind === b[index]!.kind && origin.name === b[index]!.name);
}
