import { latestDigestSlot, zonedDate } from './digest-schedule.js';

/** One recipient's week of the week-ahead email: its ISO week, the Monday slot it is due at, and its seven days. */
export interface WeekAheadWeek {
  /** ISO 8601 week, e.g. `2026-W50`: the week's key in claims, so each recipient gets one email a week. */
  week: string;
  /** Monday `hour`:00 in the recipient's zone. */
  slot: Date;
  /** Monday to Sunday as the recipient's calendar reads them, `YYYY-MM-DD`. */
  days: string[];
}

const DAY_MS = 86_400_000;

/**
 * The week whose week-ahead email is due at `now` for a recipient in `timeZone`: the one starting at the latest
 * Monday `hour`:00 local time, whatever the DST offset that Monday (the digests' own slot arithmetic).
 */
export function currentWeekAhead(now: Date, timeZone: string, hour: number): WeekAheadWeek {
  const slot = latestDigestSlot(now, { timeZone, hour, frequency: 'weekly' });
  const monday = Date.parse(`${zonedDate(slot, timeZone)}T00:00:00Z`);
  const days = Array.from({ length: 7 }, (_, index) => new Date(monday + index * DAY_MS).toISOString().slice(0, 10));
  return { week: isoWeek(monday), slot, days };
}

/** The ISO 8601 week of a Monday (midnight UTC of its date): its Thursday's year, and which Thursday of that year. */
function isoWeek(mondayUtc: number): string {
  const thursday = new Date(mondayUtc + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
