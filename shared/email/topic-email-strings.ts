import type { Language } from '../bill/stages.js';

/** Every word a topic, "in the news" or "new bill" email says, in one language. External text is passed in as is. */
export interface TopicEmailStrings {
  topicSubject(query: string, title: string): string;
  topicHeading(query: string): string;
  newsSubject(billNumber: string, title: string): string;
  newsHeading(billNumber: string): string;
  billLabel(billNumber: string): string;
  /** A bill from a followed committee or initiator; `origin` already in the reader's language. */
  newBillSubject(origin: string, title: string): string;
  newBillHeading(origin: string): string;
  heading: { why: string; item: string; summary: string };
  label: { source: string; date: string; bill: string; event: string; committee: string; initiator: string };
  /** The field a query word was found in, by TopicDocument field name. */
  fieldName(field: string): string;
  found(words: string[]): string;
  footer: { topicReason(query: string): string; newsReason: string; originReason(origin: string): string; droppedReason: string; unsubscribe: string; manage: string };
  /** The notice of a followed bill the source never had, which the watch list dropped. */
  dropped: { subject(billNumber: string): string; heading: string; body(billNumber: string): string };
}

const EN_FIELDS: Record<string, string> = { title: 'Title', summary: 'Summary', decisions: 'Decisions' };
const RU_FIELDS: Record<string, string> = { title: 'Заголовок', summary: 'Анонс', decisions: 'Решения' };

const EN: TopicEmailStrings = {
  topicSubject: (query, title) => `Topic "${query}": ${title}`,
  topicHeading: (query) => `Topic: ${query}`,
  newsSubject: (billNumber, title) => `Bill ${billNumber} in the news: ${title}`,
  newsHeading: (billNumber) => `Bill ${billNumber} in the news`,
  billLabel: (billNumber) => `Bill ${billNumber}`,
  newBillSubject: (origin, title) => `New bill from ${origin}: ${title}`,
  newBillHeading: (origin) => `New bill from ${origin}`,
  heading: { why: 'Why it matched', item: 'Item', summary: 'Summary' },
  label: { source: 'Source', date: 'Date', bill: 'Bill', event: 'Event', committee: 'Responsible committee', initiator: 'Initiator' },
  fieldName: (field) => EN_FIELDS[field] ?? field,
  found: (words) => `found ${words.map((word) => `"${word}"`).join(', ')}`,
  footer: {
    topicReason: (query) => `You receive this email because you follow the topic "${query}" on duma-alerts.`,
    newsReason: 'You receive this email because you follow this bill on duma-alerts. News about followed bills can be turned off in your preferences.',
    originReason: (origin) => `You receive this email because you follow ${origin} on duma-alerts. You now follow this bill too; your preferences page lists it.`,
    droppedReason: 'You receive this email because you followed this bill on duma-alerts. You will get no other message about it.',
    unsubscribe: 'Unsubscribe',
    manage: 'Manage your subscriptions',
  },
  dropped: {
    subject: (billNumber) => `Bill ${billNumber} is no longer found on sozd and is no longer watched`,
    heading: 'What happened',
    body: (billNumber) =>
      `sozd.duma.gov.ru answered "not found" for bill ${billNumber} every time it was asked over several days, so duma-alerts stopped watching it and removed it from what you follow. If the number was mistyped, follow the right one from your preferences.`,
  },
};

const RU: TopicEmailStrings = {
  topicSubject: (query, title) => `Тема «${query}»: ${title}`,
  topicHeading: (query) => `Тема: ${query}`,
  newsSubject: (billNumber, title) => `Законопроект № ${billNumber} в новостях: ${title}`,
  newsHeading: (billNumber) => `Законопроект № ${billNumber} в новостях`,
  billLabel: (billNumber) => `Законопроект № ${billNumber}`,
  newBillSubject: (origin, title) => `Новый законопроект: ${origin} — ${title}`,
  newBillHeading: (origin) => `Новый законопроект: ${origin}`,
  heading: { why: 'Почему подошло', item: 'Материал', summary: 'Анонс' },
  label: { source: 'Источник', date: 'Дата', bill: 'Законопроект', event: 'Событие', committee: 'Ответственный комитет', initiator: 'Инициатор' },
  fieldName: (field) => RU_FIELDS[field] ?? field,
  found: (words) => `найдено: ${words.map((word) => `«${word}»`).join(', ')}`,
  footer: {
    topicReason: (query) => `Вы получили это письмо, потому что следите за темой «${query}» в duma-alerts.`,
    newsReason: 'Вы получили это письмо, потому что следите за этим законопроектом в duma-alerts. Новости о законопроектах можно отключить в настройках.',
    originReason: (origin) => `Вы получили это письмо, потому что следите в duma-alerts за законопроектами: ${origin}. Теперь вы следите и за этим законопроектом.`,
    droppedReason: 'Вы получили это письмо, потому что следили за этим законопроектом в duma-alerts. Других сообщений о нём не будет.',
    unsubscribe: 'Отписаться',
    manage: 'Управление подписками',
  },
  dropped: {
    subject: (billNumber) => `Законопроект № ${billNumber} больше не найден на sozd и больше не отслеживается`,
    heading: 'Что произошло',
    body: (billNumber) =>
      `Несколько дней подряд sozd.duma.gov.ru на каждый запрос отвечал, что законопроекта № ${billNumber} нет, поэтому duma-alerts перестал за ним следить и убрал его из ваших подписок. Если номер был введён с ошибкой, подпишитесь на правильный в настройках.`,
  },
};

/** The topic email's words in the subscriber's language. */
export function topicEmailStrings(language: Language): TopicEmailStrings {
  return language === 'ru' ? RU : EN;
}
