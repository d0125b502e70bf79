import type { Bill } from '../bill/bill.js';
import { originSignature } from '../origins/bill-origin.js';
import type { MessageQueue } from '../queue/message-queue.js';
import type { OriginNotice, OriginOutbox } from '../store/origin-outbox-store.js';
import type { OriginFanOutMessage } from './pipeline-messages.js';

export interface OriginNoticeDependencies {
  originOutbox: OriginOutbox;
  fanOutQueue: MessageQueue;
}

/**
 * When a saved snapshot names other origins than the one before it (its passport read for the first time, a committee
 * assigned or changed, initiators changed), writes a notice to the outbox and queues it for fan-out, which alerts the
 * followers of its committee and initiators. The same origins again notice nothing.
 * @returns whether a notice was queued.
 */
export async function noticeOrigins(deps: OriginNoticeDependencies, previous: Bill | undefined, bill: Bill, at: string): Promise<boolean> {
  const signature = originSignature(bill);
  if (!signature || signature === originSignature(previous)) return false;
  const notice = { billNumber: bill.number, signature, noticedAt: at };
  await deps.originOutbox.put(notice);
  await queueOriginNotices(deps, [notice], at);
  return true;
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
