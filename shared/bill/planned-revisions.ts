import type { PlannedEvent } from './bill.js';

/**
 * What the service has recorded of one planned event's date: the date it shows now, how many times that date has
 * moved (the iCalendar SEQUENCE of the event) and when the current date was first stored (its DTSTAMP).
 */
export interface PlannedRevision {
  /** The planned date as last stored; null while the page gives none. */
  date: string | null;
  sequence: number;
  revisedAt: string;
}

/** Planned revisions of one bill by planned-event key ({@link plannedEventKeys}). */
export type PlannedRevisions = Record<string, PlannedRevision>;

/**
 * A key per planned event that stays the same from one version of the page to the next: sozd gives planned events
 * no element id on its real pages, so the key is the stage and event number (`3:3.1`), with `#2`, `#3`… for a second
 * and third planned event of the same number, and the element id when a page has one.
 */
export function plannedEventKeys(events: readonly PlannedEvent[]): string[] {
  const seen = new Map<string, number>();
  return events.map((event) => {
    const base = event.id ?? `${event.stage.id}:${event.eventNumber}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  });
}

/**
 * The revisions to store with a new snapshot: an event seen for the first time starts at sequence 0; one whose date
 * differs from the stored one goes up by one, stamped `at`; the others keep theirs. Revisions of events no longer on
 * the page are kept, so one that comes back with a new date goes on counting instead of starting again at 0 (which
 * a calendar would ignore as older). Stored in the same conditional write as the snapshot it belongs to, so the
 * record can never drift from the snapshot (see docs/public-pages-and-feeds.md).
 */
export function revisePlannedDates(
  previous: PlannedRevisions | undefined,
  events: readonly PlannedEvent[],
  at: string,
): PlannedRevisions {
  const revisions: PlannedRevisions = { ...previous };
  const keys = plannedEventKeys(events);
  events.forEach((event, index) => {
    const key = keys[index]!;
    const date = event.date ?? null;
    const stored = revisions[key];
    if (!stored) revisions[key] = { date, sequence: 0, revisedAt: at };
    else if (stored.date !== date) revisions[key] = { date, sequence: stored.sequence + 1, revisedAt: at };
  });
  return revisions;
}
