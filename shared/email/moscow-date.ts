import type { Language } from '../bill/stages.js';

/** Month names as a date writes them (Russian in the genitive: «7 декабря»). */
export const MONTHS: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
};
const ZONE_LABEL: Record<Language, string> = { en: 'MSK', ru: 'МСК' };

// Numbers only from Intl: month names and layout stay ours, identical whatever ICU data the runtime ships.
const MOSCOW_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Moscow',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A moment as Moscow wall-clock time, the way the Duma dates its events: "1 June 2022, 14:39 MSK" /
 * "1 июня 2022, 14:39 МСК". Throws a RangeError for a string that is not a date.
 */
export function formatMoscowDate(isoDate: string, language: Language): string {
  const moment = new Date(isoDate);
  if (Number.isNaN(moment.getTime())) throw new RangeError(`not a date: ${isoDate}`);
  const parts = MOSCOW_PARTS.formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const month = MONTHS[language][Number(part('month')) - 1];
  return `${Number(part('day'))} ${month} ${part('year')}, ${part('hour')}:${part('minute')} ${ZONE_LABEL[language]}`;
}
