import type { Language } from '../bill/stages.js';
import type { AgendaDay } from '../digests/week-ahead-agenda.js';
import { billPagePath, publicUrl } from '../syndication/public-urls.js';
import { committeeText, sozdText } from '../vocabulary/sozd-text.js';
import { hasCyrillic } from '../vocabulary/translate-sozd-text.js';
import type { ChangeEmailContent, ChangeEmailLinks, ContentLine } from './change-email-content.js';
import { renderChangeEmailHtml } from './change-email-html.js';
import { renderChangeEmailText } from './change-email-text.js';
import { changeEmailStrings } from './email-strings.js';
import { MONTHS } from './moscow-date.js';
import type { RenderedEmail } from './render-change-email.js';
import { russianPlural } from './render-digest-email.js';
import { webLink } from './web-link.js';

interface WeekAheadWords {
  title: string;
  subject(events: number, from: string, to: string): string;
  intro: string;
  /** Sunday first, as Date.getUTCDay counts. */
  weekdays: readonly string[];
  committee: string;
  onSozd: string;
  reason: string;
}

const WORDS: Record<Language, WeekAheadWords> = {
  en: {
    title: 'The week ahead',
    subject: (events, from, to) => `The week ahead: ${events} planned event${events === 1 ? '' : 's'}, ${from} – ${to}`,
    intro: 'Planned events of the bills you follow, by day (Moscow dates). The Duma marks planned dates as not fixed; they may move.',
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    committee: 'Responsible committee',
    onSozd: 'On sozd.duma.gov.ru',
    reason: 'You receive this email every Monday because you asked duma-alerts for the week ahead of the bills you follow.',
  },
  ru: {
    title: 'Неделя впереди',
    subject: (events, from, to) =>
      `Неделя впереди: ${events} ${russianPlural(events, 'запланированное событие', 'запланированных события', 'запланированных событий')}, ${from} – ${to}`,
    intro: 'Запланированные события законопроектов, за которыми вы следите, по дням (даты московские). Дума отмечает запланированные даты как неокончательные; они могут измениться.',
    weekdays: ['Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'],
    committee: 'Ответственный комитет',
    onSozd: 'На sozd.duma.gov.ru',
    reason: 'Вы получаете это письмо по понедельникам, потому что попросили duma-alerts присылать планы на неделю по законопроектам, за которыми следите.',
  },
};

/**
 * The channel-neutral content of the week ahead: a section per day with something planned, each planned event of a
 * followed bill as its event name (the alerts' English) linked to the bill's public page, the bill's title linked to
 * sozd and its responsible committee. Email, Slack and Telegram render this same content.
 * @throws RangeError for an empty week (one with nothing planned is never sent)
 */
export function buildWeekAheadContent(
  agenda: readonly AgendaDay[],
  week: { days: readonly string[] },
  language: Language,
  links: ChangeEmailLinks & { publicBaseUrl: string },
): ChangeEmailContent {
  if (agenda.length === 0) throw new RangeError('a week ahead needs at least one planned event');
  const words = WORDS[language];
  const strings = changeEmailStrings(language);
  const events = agenda.reduce((count, day) => count + day.entries.length, 0);
  const subject = words.subject(events, calendarDate(week.days[0]!, language, false), calendarDate(week.days.at(-1)!, language, true));
  const sections = agenda.map((day) => ({
    heading: calendarDate(day.date, language, true, words.weekdays),
    lines: day.entries.flatMap(({ bill, event }): ContentLine[] => {
      const sozd = webLink(bill.url);
      const title = strings.label.title && hasCyrillic(bill.title) ? { label: strings.label.title } : {};
      return [
        { label: strings.billLabel(bill.number), text: sozdText('event', event.name, language), url: publicUrl(links.publicBaseUrl, billPagePath(bill.number), { lang: language }) },
        { ...title, text: bill.title, ...(sozd ? { url: sozd } : {}) },
        ...(bill.committee ? [{ label: words.committee, text: committeeText(bill.committee, language) }] : []),
      ];
    }),
  }));
  return {
    language,
    subject,
    billLabel: words.title,
    bill: { text: words.intro },
    sections,
    footer: {
      reason: words.reason,
      links: [
        ...(links.unsubscribeUrl ? [{ text: strings.footer.unsubscribe, url: links.unsubscribeUrl }] : []),
        ...(links.manageUrl ? [{ text: strings.footer.manage, url: links.manageUrl }] : []),
      ],
    },
  };
}

/** The week-ahead email, its text and HTML parts drawn from {@link buildWeekAheadContent}. */
export function renderWeekAheadEmail(content: ChangeEmailContent): RenderedEmail {
  return { subject: content.subject, text: renderChangeEmailText(content), html: renderChangeEmailHtml(content) };
}

/** `7 December 2026` / `7 декабря 2026`, optionally without the year and with the weekday in front. */
function calendarDate(date: string, language: Language, withYear: boolean, weekdays?: readonly string[]): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const text = `${day} ${MONTHS[language][month - 1]}${withYear ? ` ${year}` : ''}`;
  return weekdays ? `${weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}, ${text}` : text;
}
