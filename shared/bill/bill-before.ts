import type { Bill } from './bill.js';

/**
 * The bill as it stood before the Moscow day `day` (`YYYY-MM-DD`): only the events dated on earlier days, and the
 * law number those brought. Null when no event is that old, so that every event of the bill counts as new.
 */
export function billBefore(bill: Bill, day: string): Bill | null {
  // Event dates are Moscow wall-clock times with their offset, so their first ten characters are the Moscow day.
  const events = bill.events.filter((event) => event.date.slice(0, 10) < day);
  if (events.length === 0) return null;
  return { ...bill, events, lawNumber: events.findLast((event) => event.lawNumber)?.lawNumber };
}
