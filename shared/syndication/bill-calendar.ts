import type { Bill } from '../bill/bill.js';
import { plannedEventKeys, type PlannedRevisions } from '../bill/planned-revisions.js';
import type { Language } from '../bill/stages.js';
import { moscowLocalOf } from '../sozd/moscow-time.js';
import { billStrings } from './bill-strings.js';
import { plannedItems } from './bill-timeline.js';
import { icalLines, icalText } from './icalendar-text.js';
import { billPagePath, publicUrl } from './public-urls.js';

/** A bill as its calendar reads it: the snapshot, when it was saved, and how its planned dates moved. */
export interface CalendarBill {
  bill: Bill;
  snapshotAt?: string;
  plannedRevisions?: PlannedRevisions;
}

/**
 * Moscow's time zone as it has been since 26 October 2014: UTC+3 all year, no daylight saving. Planned events lie
 * ahead, so the earlier rules (UTC+4 in 2011–2014, summer time before) are never needed.
 */
const MOSCOW_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Moscow',
  'BEGIN:STANDARD',
  'DTSTART:20141026T020000',
  'TZOFFSETFROM:+0400',
  'TZOFFSETTO:+0300',
  'TZNAME:MSK',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * An iCalendar (RFC 5545) stream of the bills' planned events that have a date, in Moscow time. Each event's UID is
 * its bill and planned-event key, the same in every poll; its SEQUENCE is how often its date has moved and its
 * DTSTAMP when the current date was first stored, so a calendar app replaces a moved event rather than adding one.
 */
export function renderBillCalendar(
  calendar: { name: string; language: Language; publicBaseUrl: string },
  bills: readonly CalendarBill[],
): string {
  const events = bills.flatMap((calendarBill) => billEvents(calendarBill, calendar.language, calendar.publicBaseUrl));
  return icalLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//duma-alerts//planned events//${calendar.language.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icalText(calendar.name)}`,
    'X-WR-TIMEZONE:Europe/Moscow',
    ...MOSCOW_VTIMEZONE,
    ...events,
    'END:VCALENDAR',
  ]);
}

function billEvents({ bill, snapshotAt, plannedRevisions }: CalendarBill, language: Language, publicBaseUrl: string): string[] {
  const words = billStrings(language);
  const keys = plannedEventKeys(bill.plannedEvents);
  const page = publicUrl(publicBaseUrl, billPagePath(bill.number), { lang: language });
  return plannedItems(bill, language).flatMap((item, index) => {
    if (!item.event.date) return [];
    const key = keys[index]!;
    const revision = plannedRevisions?.[key];
    const stamp = utcStamp(revision?.revisedAt ?? snapshotAt ?? item.event.date);
    const description = [words.billLabel(bill.number), bill.title, `${words.stage}: ${item.stage}`, words.plannedCaveat, page].join('\n');
    return [
      'BEGIN:VEVENT',
      `UID:${calendarUid(bill.number, key)}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${stamp}`,
      `SEQUENCE:${revision?.sequence ?? 0}`,
      `DTSTART;TZID=Europe/Moscow:${moscowStamp(item.event.date)}`,
      `SUMMARY:${icalText(`${words.billLabel(bill.number)}: ${item.name}`)}`,
      `DESCRIPTION:${icalText(description)}`,
      `URL:${page}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ];
  });
}

/** The UID of a planned event: globally unique, the same in every poll and every calendar it is in. */
export function calendarUid(billNumber: string, key: string): string {
  return `${billNumber}.${key.replace(/[^A-Za-z0-9.-]/g, '_')}@planned.duma-alerts`;
}

function utcStamp(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function moscowStamp(iso: string): string {
  return moscowLocalOf(Date.parse(iso)).replace(/[-:]/g, '');
}
