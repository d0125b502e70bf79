import type { BillChange } from '../bill/bill-change.js';
import type { MessageQueue } from '../queue/message-queue.js';
import type { ChangeStore } from '../store/change-store.js';
import type { FanOutMessage } from './pipeline-messages.js';

/**
 * Queues changes for fan-out (which routes them to the bill's followers and matches them against topics), one
 * message per bill with its changes in the order given (date order), then
 * takes them out of the outbox. A crash between the two leaves them in the outbox: the sweeper queues them
 * again, and the consumers' delivery records make the repeat harmless.
 */
export async function enqueueChanges(
  deps: {
    changes: ChangeStore;
    fanOutQueue: MessageQueue;
  },
  changes: readonly BillChange[],
  at: string,
): Promise<void> {
  if (changes.length === 0) return;
  const byBill = new Map<string, string[]>();
  for (const change of changes) byBill.set(change.billNumber, [...(byBill.get(change.billNumber) ?? []), change.id]);
  const messages: FanOutMessage[] = [...byBill].map(([billNumber, changeIds]) => ({ billNumber, changeIds }));
  await deps.fanOutQueue.sendAll(messages);
  for (const change of changes) await deps.changes.markQueued(change, at);
}
