import type { BillChange } from '../bill/bill-change.js';
import { alertNewBill, type NewBillAlertDependencies } from './alert-new-bill.js';
import { alertQueuedNewsItem, type NewsAlertDependencies } from './alert-news-item.js';
import { announceDroppedBill, type DroppedBillDependencies } from './announce-dropped-bill.js';
import { fanOutChanges, type FanOutDependencies } from './fan-out.js';
import { matchBillChanges } from './match-bill-changes.js';
import type { FanOutMessage, FanOutQueueMessage } from './pipeline-messages.js';

/** What the fan-out function needs for each kind of message; topic and news dependencies are built on first use. */
export interface FanOutQueueDependencies {
  changes: FanOutDependencies & { changes: NonNullable<FanOutDependencies['changes']> };
  news: () => NewsAlertDependencies;
  newBills: () => NewBillAlertDependencies;
  dropped: () => DroppedBillDependencies;
}

/**
 * Handles one message of the fan-out queue, the one road every alert travels: a bill's changes are routed to its
 * followers (`fanOutChanges`) and their decisions matched against every topic (`matchBillChanges`); a news item is
 * matched against every topic and routed to the followers of the topics and bills it names (`alertQueuedNewsItem`); a
 * bill's new origins alert the followers of its committee and initiators (`alertNewBill`); a
 * dropped bill's followers are told once and stop following it (`announceDroppedBill`).
 * Alert ids and delivery records are deterministic, so a redelivered message sends nothing twice.
 */
export async function handleFanOutMessage(deps: FanOutQueueDependencies, message: FanOutQueueMessage): Promise<unknown> {
  if ('kind' in message) {
    if (message.kind === 'news') return alertQueuedNewsItem(deps.news(), message);
    return message.kind === 'bill-origin' ? alertNewBill(deps.newBills(), message) : announceDroppedBill(deps.dropped(), message);
  }
  const routed = await fanOutChanges(deps.changes, message);
  const withDecisions = (await queuedChanges(deps.changes.changes, message)).filter((change) => (change.event?.decisions.length ?? 0) > 0);
  // Most changes carry no decision (a status, a document): the topic index is then never built.
  if (withDecisions.length > 0) await matchBillChanges(deps.news(), withDecisions);
  return routed;
}

async function queuedChanges(store: FanOutQueueDependencies['changes']['changes'], message: FanOutMessage): Promise<BillChange[]> {
  const changes = await Promise.all(message.changeIds.map((id) => store.get(message.billNumber, id)));
  return changes.filter((change): change is BillChange => change !== undefined);
}
