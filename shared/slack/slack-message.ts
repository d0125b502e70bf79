import type { BillChange, ChangeFact } from '../bill/bill-change.js';
import { stageName } from '../bill/stages.js';
import type { Language } from '../bill/stages.js';
import { lawNumberText, sozdText } from '../vocabulary/sozd-text.js';
import { hasCyrillic } from '../vocabulary/translate-sozd-text.js';
import { cutSlackText, escapeSlackText, SLACK_LIMITS } from './slack-text.js';

type PlainText = { type: 'plain_text'; text: string };
type Mrkdwn = { type: 'mrkdwn'; text: string };

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'actions'; elements: { type: 'button'; text: PlainText; url: string }[] };

/** The JSON body for a Slack incoming webhook. */
export interface SlackMessage {
  /** Shown in notifications and by clients that cannot render blocks. */
  text: string;
  blocks: SlackBlock[];
}

const LABELS = {
  en: {
    event: 'Event',
    stage: 'Stage',
    status: 'Status',
    archived: 'archived',
    lawNumber: 'Law number',
    published: 'Published',
    decision: 'Decision',
    date: 'Date',
    timeZone: 'Moscow time',
    open: 'Open the bill',
    /** Said of a title with no translation. */
    originalTitle: 'title: the original, in Russian',
  },
  ru: {
    event: 'Событие',
    stage: 'Стадия',
    status: 'Статус',
    archived: 'в архиве',
    lawNumber: 'Номер закона',
    published: 'Опубликование',
    decision: 'Решение',
    date: 'Дата',
    timeZone: 'МСК',
    open: 'Открыть законопроект',
    originalTitle: '',
  },
} as const satisfies Record<Language, Record<string, string>>;

const moscowParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Moscow',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `16.12.2025 14:39` in Moscow, whatever offset the ISO string carries: the Duma's own clock, which readers expect. */
function moscowDateTime(iso: string): string {
  const parts = Object.fromEntries(moscowParts.formatToParts(new Date(iso)).map(({ type, value }) => [type, value]));
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

/** One labelled line per fact, in the change's own order; the raw (unescaped) text. */
function factLines(change: BillChange, language: Language): { label: string; value: string }[] {
  const labels = LABELS[language];
  return change.facts.flatMap((fact: ChangeFact): { label: string; value: string }[] => {
    switch (fact.type) {
      case 'new-event':
        return change.event ? [{ label: labels.event, value: sozdText('event', change.event.name, language) }] : [];
      case 'stage-changed': {
        const to = stageName(fact.to, language);
        return [{ label: labels.stage, value: fact.from ? `${stageName(fact.from, language)} → ${to}` : to }];
      }
      case 'status-changed':
        return [
          {
            label: labels.status,
            value: `${sozdText('status', fact.from, language)} → ${sozdText('status', fact.to, language)}${fact.archived ? ` (${labels.archived})` : ''}`,
          },
        ];
      case 'law-number-assigned':
        return [{ label: labels.lawNumber, value: lawNumberText(fact.lawNumber, language) }];
      case 'published':
        return [{ label: labels.published, value: fact.publication }];
    }
  });
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: cutSlackText(text, SLACK_LIMITS.sectionText) } };
}

/**
 * A Block Kit message for a bill change: header with number and title, the facts (old → new stage, status, law
 * number, publication), the decision, the date in Moscow time and a button to the bill, in Russian or English.
 * Every text is escaped for mrkdwn and cut to Slack's limits, so an oversized bill never makes Slack reject the post.
 */
export function buildSlackBillMessage(change: BillChange, language: Language): SlackMessage {
  const labels = LABELS[language];
  const lines = factLines(change, language);
  const decisions = (change.event?.decisions ?? []).map((decision) => sozdText('decision', decision, language));
  const date = `${moscowDateTime(change.event?.date ?? change.detectedAt)} (${labels.timeZone})`;
  const titleNote = labels.originalTitle && hasCyrillic(change.billTitle) ? ` · ${labels.originalTitle}` : '';
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: cutSlackText(`${change.billNumber}: ${change.billTitle}`, SLACK_LIMITS.headerText) },
    },
    // Slack rejects an empty section, and a lone new-event fact without its event has nothing to say.
    ...(lines.length > 0 ? [section(lines.map(({ label, value }) => `*${label}:* ${escapeSlackText(value)}`).join('\n'))] : []),
    ...(decisions.length > 0 ? [section(`*${labels.decision}:* ${escapeSlackText(decisions.join('\n'))}`)] : []),
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: cutSlackText(`${labels.date}: ${date}${titleNote}`, SLACK_LIMITS.contextText) }],
    },
    {
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: labels.open }, url: change.billUrl }],
    },
  ];
  const summary = lines.map(({ label, value }) => `${label}: ${value}`).join('; ');
  return {
    text: cutSlackText(escapeSlackText(`${change.billNumber}: ${summary}`), SLACK_LIMITS.fallbackText),
    blocks,
  };
}
