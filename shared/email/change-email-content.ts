import type { BillChange, ChangeFact } from '../bill/bill-change.js';
import type { Stage } from '../bill/bill.js';
import { shortStageName, stageName, type Language } from '../bill/stages.js';
import { lawNumberText, protocolText, sozdText } from '../vocabulary/sozd-text.js';
import { decisionHeadline, hasCyrillic } from '../vocabulary/translate-sozd-text.js';
import { changeEmailStrings, type ChangeEmailStrings } from './email-strings.js';
import { formatMoscowDate } from './moscow-date.js';
import { webLink } from './web-link.js';

/** A line of the email: optional bold label, the text, and a link when the text has a safe web address. */
export interface ContentLine {
  label?: string;
  text: string;
  url?: string;
}

export interface ContentSection {
  heading: string;
  lines: ContentLine[];
}

/**
 * Everything a change email says, in the subscriber's language, before any markup.
 * The text and HTML parts are both drawn from this, so they can never say different things.
 */
export interface ChangeEmailContent {
  language: Language;
  subject: string;
  billLabel: string;
  bill: ContentLine;
  sections: ContentSection[];
  footer: { reason: string; links: Array<{ text: string; url: string }> };
}

export interface ChangeEmailLinks {
  /** Emails always have one; a chat message (Telegram) has none. */
  unsubscribeUrl?: string;
  manageUrl?: string;
}

/** Beyond this many a documents list is noise in an inbox; the bill page has them all. */
const MAX_LISTED_DOCUMENTS = 20;
// External text in a subject: long enough to recognise, short enough that the change itself stays visible.
const MAX_SUBJECT_PIECE = 100;

const SUBJECT_SIGNIFICANCE: ReadonlyArray<ChangeFact['type']> = [
  'published',
  'law-number-assigned',
  'status-changed',
  'stage-changed',
  'new-event',
];

/** Builds the language-resolved content of the email about one bill change. */
export function buildChangeEmailContent(change: BillChange, language: Language, links: ChangeEmailLinks): ChangeEmailContent {
  const strings = changeEmailStrings(language);
  const billLabel = strings.billLabel(change.billNumber);
  const event = change.event;

  const sections: ContentSection[] = [
    { heading: strings.heading.whatChanged, lines: change.facts.flatMap((fact) => factLines(fact, change, strings, language)) },
    {
      heading: strings.heading.event,
      lines: event
        ? [
            { label: strings.label.event, text: sozdText('event', event.name, language) },
            { label: strings.label.date, text: formatMoscowDate(event.date, language) },
            ...(event.protocol ? [{ label: strings.label.protocol, text: protocolText(event.protocol, language) }] : []),
          ]
        : [{ label: strings.label.detected, text: formatMoscowDate(change.detectedAt, language) }],
    },
  ];
  if (event && event.decisions.length > 0) {
    sections.push({ heading: strings.heading.decisions, lines: event.decisions.map((text) => ({ text: sozdText('decision', text, language) })) });
  }
  if (event && event.documents.length > 0) {
    const listed = event.documents
      .slice(0, MAX_LISTED_DOCUMENTS)
      .map((document) => linked(sozdText('document', document.title, language), document.url));
    const hidden = event.documents.length - listed.length;
    sections.push({
      heading: strings.heading.documents,
      lines: hidden > 0 ? [...listed, { text: strings.moreDocuments(hidden) }] : listed,
    });
  }

  return {
    language,
    subject: `${billLabel}: ${subjectText(change, strings, language)}`,
    billLabel,
    // A title has no translation: an English reader is told it is the original.
    bill: { ...linked(change.billTitle, change.billUrl), ...(strings.label.title && hasCyrillic(change.billTitle) ? { label: strings.label.title } : {}) },
    sections,
    footer: {
      reason: strings.footer.reason,
      links: [
        ...(links.unsubscribeUrl ? [{ text: strings.footer.unsubscribe, url: links.unsubscribeUrl }] : []),
        ...(links.manageUrl ? [{ text: strings.footer.manage, url: links.manageUrl }] : []),
      ],
    },
  };
}

function factLines(fact: ChangeFact, change: BillChange, strings: ChangeEmailStrings, language: Language): ContentLine[] {
  switch (fact.type) {
    case 'new-event':
      return change.event ? [{ text: strings.fact.newEvent(sozdText('event', change.event.name, language)) }] : [];
    case 'stage-changed':
      return [
        {
          text: strings.fact.stageChanged(fact.from ? stageName(fact.from, language) : strings.none, stageName(fact.to, language)),
        },
      ];
    case 'status-changed':
      return [
        { text: strings.fact.statusChanged(fact.from ? sozdText('status', fact.from, language) : strings.none, sozdText('status', fact.to, language)) },
        ...(fact.archived ? [{ text: strings.fact.archived }] : []),
      ];
    case 'law-number-assigned':
      return [{ text: strings.fact.lawNumber(lawNumberText(fact.lawNumber, language)) }];
    case 'published':
      return [{ text: strings.fact.published(fact.publication) }];
  }
}

function subjectText(change: BillChange, strings: ChangeEmailStrings, language: Language): string {
  const fact = SUBJECT_SIGNIFICANCE.map((type) => change.facts.find((candidate) => candidate.type === type)).find(
    (candidate) => candidate !== undefined,
  );
  const shortStage = (stage: Stage): string => subjectPiece(shortStageName(stage, language));
  const status = (text: string): string => sozdText('status', text, language);
  switch (fact?.type) {
    case 'published': {
      const lawNumber = change.facts.find((candidate) => candidate.type === 'law-number-assigned')?.lawNumber ?? change.event?.lawNumber;
      return strings.subject.published(lawNumber === undefined ? undefined : subjectPiece(lawNumberText(lawNumber, language)));
    }
    case 'law-number-assigned':
      return strings.subject.lawSigned(subjectPiece(lawNumberText(fact.lawNumber, language)));
    case 'status-changed':
      return fact.archived
        ? strings.subject.archived(subjectPiece(status(fact.to)))
        : strings.subject.statusChanged(subjectPiece(fact.from ? status(fact.from) : strings.none), subjectPiece(status(fact.to)));
    case 'stage-changed':
      return withDecision(
        fact.from ? strings.subject.stageChanged(shortStage(fact.from), shortStage(fact.to)) : strings.subject.stageReached(shortStage(fact.to)),
        change,
        language,
      );
    case 'new-event':
    case undefined:
      return withDecision(strings.subject.newEvent(change.event ? subjectPiece(sozdText('event', change.event.name, language)) : undefined), change, language);
  }
}

/**
 * A stage or event subject followed by what was decided, without its details ("first reading → second reading: return
 * the bill to the second reading"): event names are generic ("The State Duma considers the bill"), the decision is the news.
 */
function withDecision(subject: string, change: BillChange, language: Language): string {
  const first = change.event?.decisions[0];
  // The details (committees, dates) are in the body; the subject keeps the decision itself in sight.
  return first === undefined ? subject : `${subject}: ${subjectPiece(sozdText('decision', decisionHeadline(first), language))}`;
}

/** External text fit for a header line: one line (no header injection), bounded length. */
function subjectPiece(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SUBJECT_PIECE ? `${oneLine.slice(0, MAX_SUBJECT_PIECE - 1).trimEnd()}…` : oneLine;
}

function linked(text: string, url: string): ContentLine {
  const safeUrl = webLink(url);
  return safeUrl ? { text, url: safeUrl } : { text };
}
