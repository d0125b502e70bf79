import type { Language } from '../bill/stages.js';

/** Every word a change email says, in one language. External text (titles, statuses, decisions) is passed in as is. */
export interface ChangeEmailStrings {
  billLabel(billNumber: string): string;
  /** What follows "<bill label>: " in the subject, one per kind of fact, most significant first in the renderer. */
  subject: {
    published(lawNumber: string | undefined): string;
    lawSigned(lawNumber: string): string;
    archived(status: string): string;
    statusChanged(from: string, to: string): string;
    stageChanged(from: string, to: string): string;
    stageReached(to: string): string;
    newEvent(eventName: string | undefined): string;
  };
  /** One line per fact in the body. */
  fact: {
    newEvent(eventName: string): string;
    stageChanged(from: string, to: string): string;
    statusChanged(from: string, to: string): string;
    archived: string;
    lawNumber(lawNumber: string): string;
    published(publication: string): string;
  };
  heading: {
    whatChanged: string;
    event: string;
    decisions: string;
    documents: string;
  };
  label: {
    /** Labels the bill's title where it is not in the reader's language; none where it is. */
    title?: string;
    event: string;
    date: string;
    detected: string;
    protocol: string;
  };
  /** Stands for an absent old value (a first status or stage) in "old → new". */
  none: string;
  moreDocuments(count: number): string;
  footer: {
    reason: string;
    unsubscribe: string;
    manage: string;
  };
}

const EN: ChangeEmailStrings = {
  billLabel: (billNumber) => `Bill ${billNumber}`,
  subject: {
    published: (lawNumber) => (lawNumber ? `federal law ${lawNumber} published` : 'law published'),
    lawSigned: (lawNumber) => `federal law ${lawNumber} signed`,
    // The status reached adds nothing here: the body says it, old → new.
    archived: () => 'moved to the archive',
    statusChanged: (from, to) => `status ${from} → ${to}`,
    stageChanged: (from, to) => `${from} → ${to}`,
    stageReached: (to) => `new stage — ${to}`,
    newEvent: (eventName) => (eventName ? `new event — ${eventName}` : 'new event'),
  },
  fact: {
    newEvent: (eventName) => `New event: ${eventName}`,
    stageChanged: (from, to) => `Stage: ${from} → ${to}`,
    statusChanged: (from, to) => `Status: ${from} → ${to}`,
    archived: 'The bill has been moved to the archive.',
    lawNumber: (lawNumber) => `Federal law number: ${lawNumber}`,
    published: (publication) => `Publication: ${publication}`,
  },
  heading: { whatChanged: 'What changed', event: 'Event', decisions: 'Decisions', documents: 'Documents' },
  label: { title: 'Title (original, Russian)', event: 'Event', date: 'Date', detected: 'Detected', protocol: 'Protocol' },
  none: '—',
  moreDocuments: (count) => `and ${count} more`,
  footer: {
    reason: 'You receive this email because you subscribed to duma-alerts notifications that cover this bill.',
    unsubscribe: 'Unsubscribe',
    manage: 'Manage your subscriptions',
  },
};

const RU: ChangeEmailStrings = {
  billLabel: (billNumber) => `Законопроект № ${billNumber}`,
  subject: {
    published: (lawNumber) => (lawNumber ? `опубликован федеральный закон № ${lawNumber}` : 'закон опубликован'),
    lawSigned: (lawNumber) => `подписан федеральный закон № ${lawNumber}`,
    // A status that only says «В архиве» would repeat the subject; another one (Отклонён) says why.
    archived: (status) => (/^в архиве$/i.test(status.trim()) ? 'перенесён в архив' : `перенесён в архив — ${status}`),
    statusChanged: (from, to) => `статус ${from} → ${to}`,
    stageChanged: (from, to) => `${from} → ${to}`,
    stageReached: (to) => `новая стадия — ${to}`,
    newEvent: (eventName) => (eventName ? `новое событие — ${eventName}` : 'новое событие'),
  },
  fact: {
    newEvent: (eventName) => `Новое событие: ${eventName}`,
    stageChanged: (from, to) => `Стадия: ${from} → ${to}`,
    statusChanged: (from, to) => `Статус: ${from} → ${to}`,
    archived: 'Законопроект перенесён в архив.',
    lawNumber: (lawNumber) => `Номер федерального закона: ${lawNumber}`,
    published: (publication) => `Опубликование: ${publication}`,
  },
  heading: { whatChanged: 'Что изменилось', event: 'Событие', decisions: 'Решения', documents: 'Документы' },
  label: { event: 'Событие', date: 'Дата', detected: 'Обнаружено', protocol: 'Протокол' },
  none: '—',
  moreDocuments: (count) => `и ещё ${count}`,
  footer: {
    reason: 'Вы получили это письмо, потому что подписались на уведомления duma-alerts, под которые подходит этот законопроект.',
    unsubscribe: 'Отписаться',
    manage: 'Управление подписками',
  },
};

/** The change email's words in the subscriber's language. */
export function changeEmailStrings(language: Language): ChangeEmailStrings {
  return language === 'ru' ? RU : EN;
}
