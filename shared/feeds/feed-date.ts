// Named zones of Russia that feeds write instead of an offset; the platform's date parser knows only US ones.
const RUSSIAN_ZONES: Record<string, string> = {
  KALT: '+0200',
  MSK: '+0300',
  МСК: '+0300',
  MSD: '+0400',
  SAMT: '+0400',
  YEKT: '+0500',
  OMST: '+0600',
  NOVT: '+0700',
  KRAT: '+0700',
  IRKT: '+0800',
  YAKT: '+0900',
  VLAT: '+1000',
  MAGT: '+1100',
  SAKT: '+1100',
  SRET: '+1100',
  PETT: '+1200',
  ANAT: '+1200',
};
const NAMED_ZONE = new RegExp(`(?<=\\s)\\(?(${Object.keys(RUSSIAN_ZONES).join('|')})\\)?$`, 'u');

// The day-first dates of Russian sites, which the platform would read month-first: 01.10.2024 10:30.
const DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;

/**
 * A feed's date (RFC 822 as RSS writes it, ISO 8601 as Atom does, or day-first `01.10.2024 10:30`) as an ISO
 * instant, reading the named Russian zones (MSK, MSD, YEKT, …) as their offsets; undefined when it cannot be read.
 * A date without a zone is read as UTC.
 */
export function feedDate(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const zone = NAMED_ZONE.exec(trimmed);
  const offset = zone ? RUSSIAN_ZONES[zone[1]!]! : undefined;
  const rest = zone ? trimmed.slice(0, zone.index).trim() : trimmed;
  const date = new Date(withOffset(rest, offset));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function withOffset(date: string, offset: string | undefined): string {
  const dayFirst = DAY_FIRST.exec(date);
  const isoOffset = offset ? `${offset.slice(0, 3)}:${offset.slice(3)}` : 'Z';
  if (dayFirst) {
    const [, day, month, year, hours = '0', minutes = '0', seconds = '0'] = dayFirst;
    const pad = (part: string) => part.padStart(2, '0');
    return `${year}-${pad(month!)}-${pad(day!)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${isoOffset}`;
  }
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/u.test(date)) return `${date}${isoOffset}`;
  return offset ? `${date} ${offset}` : date;
}
