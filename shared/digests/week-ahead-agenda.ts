import type { Bill, PlannedEvent } from '../bill/bill.js';
import { zonedDate } from './digest-schedule.js';

/** What the week ahead needs of a bill: its snapshot's title, address, committee and planned events. */
export type WeekAheadBill = Pick<Bill, 'number' | 'title' | 'url' | 'committee' | 'plannedEvents'>;

/** One planned event of a followed bill. */
export interface AgendaEntry {
  bill: WeekAheadBill;
  event: PlannedEvent & { date: string };
}

/** A day of the week ahead with what is planned on it. */
export interface AgendaDay {
  /** `YYYY-MM-DD`. */
  date: string;
  entries: AgendaEntry[];
}

/**
 * The bills' planned events on the given days, by day in order, each day's entries by bill number then in the page's
 * order; days with nothing planned are left out, so an empty week is an empty list. An event's day is its date in
 * Moscow, as the Duma plans it (sozd's planned times are not meeting times): a reader in New York sees a Tuesday
 * committee meeting on Tuesday. Events without a date are not on any day.
 */
export function weekAheadAgenda(bills: readonly WeekAheadBill[], days: readonly string[]): AgendaDay[] {
  const byDay = new Map<string, AgendaEntry[]>(days.map((day) => [day, []]));
  const ordered = [...bills].sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
  for (const bill of ordered) {
    for (const event of bill.plannedEvents) {
      if (!event.date) continue;
      byDay.get(zonedDate(new Date(event.date), 'Europe/Moscow'))?.push({ bill, event: { ...event, date: event.date } });
    }
  }
  return [...byDay].filter(([, entries]) => entries.length > 0).map(([date, entries]) => ({ date, entries }));
}
