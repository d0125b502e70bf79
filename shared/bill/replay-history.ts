import type { Bill } from './bill.js';
import type { BillChange } from './bill-change.js';
import { diffBills } from './diff-bills.js';
import { inDateOrder } from './stage-model.js';

/** What sozd shows for a bill still before the Duma: the status of every step of a replay but the last. */
const PENDING_STATUS = 'На рассмотрении';

/**
 * The changes a subscriber would have received had the bill's history arrived one dated event at a time, from its
 * first event on, through the real diff: the bill is first known missing (so its first event is news), then each
 * step shows one more event. Every step but the last shows the bill pending; the last is the page as it is now, so
 * an archive or another status arrives with the last event. Each change is detected at its event's own date.
 */
export function replayBillHistory(bill: Bill): BillChange[] {
  const events = inDateOrder(bill.events);
  const { lawNumber: _finalLawNumber, ...withoutLawNumber } = bill;
  const changes: BillChange[] = [];
  let previous: Bill | null = null;
  events.forEach((event, index) => {
    const last = index === events.length - 1;
    const shown = events.slice(0, index + 1);
    const lawNumber = shown.findLast((candidate) => candidate.lawNumber !== undefined)?.lawNumber;
    const step: Bill = last
      ? bill
      : {
          ...withoutLawNumber,
          ...(lawNumber ? { lawNumber } : {}),
          status: bill.archived ? PENDING_STATUS : bill.status,
          archived: false,
          events: shown,
          plannedEvents: [],
        };
    changes.push(...diffBills(previous, step, event.date, index));
    previous = step;
  });
  return changes;
}
