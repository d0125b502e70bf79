const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const MINUTE_MS = 60_000;

// Creating a DateTimeFormat costs far more than using one: build it once per process.
const moscowOffsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Moscow',
  timeZoneName: 'longOffset',
});

const HOUR_MS = 60 * MINUTE_MS;
/** Bounds the cache (a page has a few dozen event hours; a poller reads the same bills again and again). */
const MAX_CACHED_HOURS = 50_000;
const offsetByHour = new Map<number, number | undefined>();

/**
 * Minutes east of UTC that Moscow observed at the instant `utcMs` (e.g. 180 or 240); undefined for offsets ISO 8601
 * cannot write, such as the local mean time (+02:30:17) Moscow kept before 1919.
 */
function moscowOffsetMinutes(utcMs: number): number | undefined {
  // Since 1919 Moscow has changed its offset only on whole UTC hours: one lookup per hour serves every event in it.
  const hour = Math.floor(utcMs / HOUR_MS);
  if (offsetByHour.has(hour)) return offsetByHour.get(hour);
  if (offsetByHour.size >= MAX_CACHED_HOURS) offsetByHour.clear();
  const offset = formattedOffsetMinutes(utcMs);
  offsetByHour.set(hour, offset);
  return offset;
}

function formattedOffsetMinutes(utcMs: number): number | undefined {
  const zone = moscowOffsetFormat.formatToParts(utcMs).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(zone);
  if (!match) return undefined;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Turns a Moscow wall-clock time as sozd writes it (`2022-06-01T14:39:34`) into ISO 8601 with the offset Moscow had
 * at that moment (`2022-06-01T14:39:34+03:00`; +04:00 in 2011–2014 and in pre-2011 summers).
 * Returns undefined when the text is not such a date, names an impossible day, or falls before 1919.
 */
export function moscowLocalToIso(local: string): string | undefined {
  const match = LOCAL_DATE_TIME.exec(local.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = Number(match[6] ?? '0');
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const roundTrip = new Date(wallClockAsUtc);
  if (
    roundTrip.getUTCFullYear() !== year ||
    roundTrip.getUTCMonth() !== month - 1 ||
    roundTrip.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  // The offset depends on the instant, which depends on the offset: start from +03:00 and correct once,
  // which settles every Moscow rule change (they were whole hours and never back to back).
  const firstGuess = moscowOffsetMinutes(wallClockAsUtc - 180 * MINUTE_MS);
  const offset = firstGuess === undefined ? undefined : moscowOffsetMinutes(wallClockAsUtc - firstGuess * MINUTE_MS);
  if (offset === undefined) return undefined;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${formatOffset(offset)}`;
}

/**
 * The Moscow wall-clock time of an instant, as sozd writes it (`2022-06-01T14:39:34`): what the simulator dates its
 * events with, and (its first ten characters) the Moscow day of a moment, comparable with the day of an event's date.
 */
export function moscowLocalOf(utcMs: number): string {
  const offset = moscowOffsetMinutes(utcMs) ?? 180;
  return new Date(utcMs + offset * MINUTE_MS).toISOString().slice(0, 19);
}
