import type { Frequency } from '../subscriptions/subscription-preferences.js';

/** When digests go out unless configured otherwise: 08:00 local time. */
export const DEFAULT_DIGEST_HOUR = 8;

export interface DigestTiming {
  /** IANA time zone of the recipient. */
  timeZone: string;
  /** Local hour, 0–23. */
  hour: number;
  frequency: Exclude<Frequency, 'instant'>;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map(({ type, value }) => [type, Number(value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** How far the zone's clock is ahead of UTC at an instant, in ms (+1 h for London in summer). */
function zoneOffset(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(instant / 1000) * 1000;
}

/** The calendar date a zone's clock shows at an instant, as `YYYY-MM-DD`. */
export function zonedDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClock(instant.getTime(), timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The instant at which a zone's clock shows `hour`:00 on a calendar date. The offset is taken twice, at a first guess
 * and at the result, because the two differ when a DST change falls between UTC's and the zone's reading of the hour.
 */
export function zonedHourToInstant(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  const first = wall - zoneOffset(wall, timeZone);
  const second = wall - zoneOffset(first, timeZone);
  return new Date(second);
}

/**
 * The most recent digest slot at or before `now`: `hour`:00 local time today or yesterday (daily), or on the latest
 * Monday (weekly), in the recipient's zone, whatever the DST offset that day.
 */
export function latestDigestSlot(now: Date, timing: DigestTiming): Date {
  const today = wallClock(now.getTime(), timing.timeZone);
  // Calendar arithmetic on the local date, done in UTC where days have no DST: only the weekday and date matter here.
  const localDate = (daysBack: number) => new Date(Date.UTC(today.year, today.month - 1, today.day - daysBack));
  let daysBack = 0;
  if (timing.frequency === 'weekly') daysBack = (localDate(0).getUTCDay() + 6) % 7; // Monday is 0 days back on a Monday
  const step = timing.frequency === 'weekly' ? 7 : 1;
  for (;;) {
    const date = localDate(daysBack);
    const slot = zonedHourToInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), timing.hour, timing.timeZone);
    if (slot.getTime() <= now.getTime()) return slot;
    daysBack += step;
  }
}

/**
 * Whether a recipient's digest is due: a slot has come since the oldest waiting change was queued. A change queued at
 * 09:00 waits for tomorrow's 08:00; one queued at 07:30 goes at 08:00 today.
 */
export function isDigestDue(oldestQueuedAt: Date, now: Date, timing: DigestTiming): boolean {
  return latestDigestSlot(now, timing).getTime() > oldestQueuedAt.getTime();
}
