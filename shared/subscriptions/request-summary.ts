import { stageName, type Language } from '../bill/stages.js';
import { escapeHtml } from '../email/html-escape.js';
import type { OriginKind } from '../origins/bill-origin.js';
import type { BillSummary } from '../store/bill-summaries.js';
import { standaloneOriginName } from '../vocabulary/origin-names.js';
import type { Preferences } from './subscription-preferences.js';

/** One line of "what you asked for": a label and its values (one per bill or topic, or a single value). */
export interface SummaryLine {
  label: string;
  values: string[];
  /** A list (bills, topics) is shown as one item per value even when it has one. */
  list?: true;
}

const WORDS = {
  en: {
    bills: 'Bills',
    billTitleUnknown: 'title not known yet: read from sozd.duma.gov.ru at the next poll',
    stage: 'stage',
    topics: 'Topics',
    committees: 'Committees (each new bill they are given)',
    initiators: 'Initiators (each new bill they introduce)',
    frequency: 'How often',
    frequencies: { instant: 'each change as it happens', daily: 'a daily digest', weekly: 'a weekly digest' },
    language: 'Language of the emails',
    languages: { ru: 'Russian', en: 'English' },
    timeZone: 'Time zone',
    stages: 'Stage changes',
    allStages: 'all stages',
    newsAlerts: 'News mentioning a followed bill',
    weekAhead: 'The week ahead: planned events every Monday',
    dropped: 'It follows these now; confirming stops them:',
    yes: 'yes',
    no: 'no',
  },
  ru: {
    bills: 'Законопроекты',
    billTitleUnknown: 'название пока неизвестно: прочитаем с sozd.duma.gov.ru при следующем опросе',
    stage: 'стадия',
    topics: 'Темы',
    committees: 'Комитеты (каждый новый законопроект, переданный им)',
    initiators: 'Инициаторы (каждый их новый законопроект)',
    frequency: 'Как часто',
    frequencies: { instant: 'каждое изменение сразу', daily: 'ежедневный дайджест', weekly: 'еженедельный дайджест' },
    language: 'Язык писем',
    languages: { ru: 'русский', en: 'английский' },
    timeZone: 'Часовой пояс',
    stages: 'Изменения стадий',
    allStages: 'все стадии',
    newsAlerts: 'Новости о законопроектах',
    weekAhead: 'Неделя впереди: планы по понедельникам',
    dropped: 'Сейчас адрес следит за этим; после подтверждения уведомления прекратятся:',
    yes: 'да',
    no: 'нет',
  },
} as const;

/**
 * Exactly what a subscription request follows, line by line, in the reader's language: the confirmation email
 * and the confirmation page both show it, so what is confirmed is what was read. Bills carry their title and
 * stage where the service knows them.
 */
export function summarizeRequest(preferences: Preferences, bills: ReadonlyMap<string, BillSummary>, language: Language): SummaryLine[] {
  const words = WORDS[language];
  const lines = followLines(preferences, bills, language);
  lines.push(
    { label: words.frequency, values: [words.frequencies[preferences.frequency]] },
    { label: words.language, values: [words.languages[preferences.language]] },
    { label: words.timeZone, values: [preferences.timeZone] },
    {
      label: words.stages,
      values: [
        preferences.stages === 'all'
          ? words.allStages
          : preferences.stages.map((id) => stageName({ id, name: String(id) }, language)).join('; '),
      ],
    },
    { label: words.newsAlerts, values: [preferences.newsAlerts ? words.yes : words.no] },
    // Said only when asked for: it is opt-in, and a request that does not ask reads as it did before it existed.
    ...(preferences.weekAhead ? [{ label: words.weekAhead, values: [words.yes] }] : []),
  );
  return lines;
}

/** What an address follows: bills, topics, committees and initiators. */
type Follows = Pick<Preferences, 'bills' | 'topics' | 'committees' | 'initiators'>;

/** One list line per kind of follow that has any, in the order the forms ask for them. */
function followLines(follows: Follows, bills: ReadonlyMap<string, BillSummary>, language: Language): SummaryLine[] {
  const words = WORDS[language];
  const lines: SummaryLine[] = [];
  if (follows.bills.length > 0) {
    lines.push({ label: words.bills, values: follows.bills.map((number) => describeBill(number, bills.get(number), language)), list: true });
  }
  if (follows.topics.length > 0) lines.push({ label: words.topics, values: follows.topics.map((topic) => `«${topic}»`), list: true });
  for (const kind of ['committee', 'initiator'] as const) {
    const names = kind === 'committee' ? follows.committees : follows.initiators;
    if (names.length > 0) lines.push({ label: words[`${kind}s`], values: names.map((name) => describeOrigin(kind, name, language)), list: true });
  }
  return lines;
}

/** What confirming a request would stop: a heading and the follows it drops. */
export interface DroppedFollows {
  heading: string;
  lines: SummaryLine[];
}

/**
 * What an address follows now that a request for it leaves out (confirming replaces the one with the other), in
 * the reader's language, so that the confirmation says exactly what stops; undefined when nothing does.
 */
export function summarizeDropped(
  current: Follows,
  requested: Follows,
  bills: ReadonlyMap<string, BillSummary>,
  language: Language,
): DroppedFollows | undefined {
  const left = (now: readonly string[], next: readonly string[]) => now.filter((value) => !next.includes(value));
  const lines = followLines(
    {
      bills: left(current.bills, requested.bills),
      topics: left(current.topics, requested.topics),
      committees: left(current.committees, requested.committees),
      initiators: left(current.initiators, requested.initiators),
    },
    bills,
    language,
  );
  return lines.length > 0 ? { heading: WORDS[language].dropped, lines } : undefined;
}

/** `1075342-8 — <title> (stage: <stage>)`, or the number with a note when the bill has not been read yet. */
export function describeBill(number: string, summary: BillSummary | undefined, language: Language): string {
  const words = WORDS[language];
  if (!summary) return `${number} (${words.billTitleUnknown})`;
  const stage = summary.stage ? ` (${words.stage}: ${stageName(summary.stage, language)})` : '';
  return `${number} — ${summary.title}${stage}`;
}

/**
 * A committee or an initiator in the reader's language, with the name as sozd writes it beside an English one: that
 * is the name matched against passports.
 */
function describeOrigin(kind: OriginKind, name: string, language: Language): string {
  const shown = standaloneOriginName({ kind, name }, language);
  return shown.includes(name) ? shown : `${shown} — ${name}`;
}

/** The summary as plain text, one `Label: value` line per single value and an indented list otherwise. */
export function summaryText(lines: readonly SummaryLine[]): string {
  return lines
    .map(({ label, values, list }) => (list ? [`${label}:`, ...values.map((value) => `  - ${value}`)].join('\n') : `${label}: ${values.join(', ')}`))
    .join('\n');
}

/** The summary as an HTML definition list, every value escaped; for the confirmation email and page. */
export function summaryHtml(lines: readonly SummaryLine[]): string {
  const items = lines.map(({ label, values, list }) => {
    const value = list ? `<ul>${values.map((one) => `<li>${escapeHtml(one)}</li>`).join('')}</ul>` : escapeHtml(values.join(', '));
    return `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`;
  });
  return `<dl class="request-summary">${items.join('')}</dl>`;
}
