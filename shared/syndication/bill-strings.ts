import type { Language } from '../bill/stages.js';

/** What the public bill page and the feeds say around sozd's own text, in one language. */
export interface BillStrings {
  billLabel(number: string): string;
  /** Label of a title shown untranslated to an English reader. */
  titleOriginal: string;
  title: string;
  stage: string;
  status: string;
  lawNumber: string;
  sozd: string;
  timeline: string;
  noEvents: string;
  decisions: string;
  documents: string;
  protocol: string;
  stageChange(from: string | undefined, to: string): string;
  planned: string;
  noPlanned: string;
  dateNotFixed: string;
  /** Said of every planned date: sozd itself marks them as not fixed. */
  plannedCaveat: string;
  feeds: string;
  atomFeed: string;
  calendar: string;
  feedsHint: string;
  follow: { title: string; intro: string; submit: string };
  notFound: { title: string; body(number: string): string; follow: string };
  feedTitle(number: string): string;
  privateFeedTitle: string;
  privateCalendarTitle: string;
  calendarName(number: string): string;
}

const EN: BillStrings = {
  billLabel: (number) => `Bill ${number}`,
  titleOriginal: 'Title (original, Russian)',
  title: 'Title',
  stage: 'Current stage',
  status: 'Status',
  lawNumber: 'Federal law',
  sozd: 'On sozd.duma.gov.ru',
  timeline: 'Timeline',
  noEvents: 'No events yet.',
  decisions: 'Decisions',
  documents: 'Documents',
  protocol: 'Protocol',
  stageChange: (from, to) => (from ? `Stage: ${from} → ${to}` : `Stage: ${to}`),
  planned: 'Planned',
  noPlanned: 'Nothing planned.',
  dateNotFixed: 'date not set',
  plannedCaveat: 'The Duma marks planned dates as not fixed; they may move.',
  feeds: 'Feeds',
  atomFeed: 'Atom feed of its changes',
  calendar: 'Calendar of its planned events (iCalendar)',
  feedsHint: 'Add the calendar to a calendar app by its address: moved dates update there.',
  follow: {
    title: 'Follow this bill',
    intro: 'Get an email when it changes. You confirm by email first; nothing else is sent until you do.',
    submit: 'Follow this bill',
  },
  notFound: {
    title: 'Bill not found',
    body: (number) => `duma-alerts does not watch bill ${number}, or has not read it from sozd yet.`,
    follow: 'Follow it: we start watching it once you confirm',
  },
  feedTitle: (number) => `Bill ${number}: changes`,
  privateFeedTitle: 'duma-alerts: the bills you follow',
  privateCalendarTitle: 'duma-alerts: planned events of the bills you follow',
  calendarName: (number) => `Bill ${number}: planned events`,
};

const RU: BillStrings = {
  billLabel: (number) => `Законопроект № ${number}`,
  titleOriginal: 'Название',
  title: 'Название',
  stage: 'Текущая стадия',
  status: 'Статус',
  lawNumber: 'Федеральный закон',
  sozd: 'На sozd.duma.gov.ru',
  timeline: 'Ход рассмотрения',
  noEvents: 'Событий пока нет.',
  decisions: 'Решения',
  documents: 'Документы',
  protocol: 'Протокол',
  stageChange: (from, to) => (from ? `Стадия: ${from} → ${to}` : `Стадия: ${to}`),
  planned: 'Запланировано',
  noPlanned: 'Ничего не запланировано.',
  dateNotFixed: 'дата не определена',
  plannedCaveat: 'Дума отмечает запланированные даты как неокончательные; они могут измениться.',
  feeds: 'Ленты',
  atomFeed: 'Лента изменений (Atom)',
  calendar: 'Календарь запланированных событий (iCalendar)',
  feedsHint: 'Добавьте календарь в календарное приложение по адресу: перенесённые даты обновятся там сами.',
  follow: {
    title: 'Следить за законопроектом',
    intro: 'Письмо, когда он меняется. Сначала вы подтвердите адрес по почте; до этого ничего не придёт.',
    submit: 'Следить за законопроектом',
  },
  notFound: {
    title: 'Законопроект не найден',
    body: (number) => `duma-alerts не следит за законопроектом № ${number} или ещё не прочитал его на sozd.`,
    follow: 'Следить за ним: мы начнём, как только вы подтвердите подписку',
  },
  feedTitle: (number) => `Законопроект № ${number}: изменения`,
  privateFeedTitle: 'duma-alerts: ваши законопроекты',
  privateCalendarTitle: 'duma-alerts: запланированные события ваших законопроектов',
  calendarName: (number) => `Законопроект № ${number}: запланированные события`,
};

/** The bill page's and feeds' words in a language. */
export function billStrings(language: Language): BillStrings {
  return language === 'ru' ? RU : EN;
}
