import type { Language } from '../bill/stages.js';
import type { Alert, ItemAlert } from '../topics/alert.js';
import type { ChangeEmailContent, ChangeEmailLinks, ContentLine, ContentSection } from './change-email-content.js';
import { renderChangeEmailHtml } from './change-email-html.js';
import { renderChangeEmailText } from './change-email-text.js';
import { formatMoscowDate } from './moscow-date.js';
import { ChangeEmailContextSchema, type ChangeEmailContext, type RenderedEmail } from './render-change-email.js';
import { topicEmailStrings, type TopicEmailStrings } from './topic-email-strings.js';
import { webLink } from './web-link.js';
import { originName } from '../vocabulary/origin-names.js';

// External text in a subject: long enough to recognise, short enough to leave room for the rest.
const MAX_SUBJECT_PIECE = 100;

/**
 * The email for one alert in the subscriber's language: a topic match says which words were found in which
 * field; an "in the news" alert names the bill; a "new bill" alert names the committee or initiator it is from. Same layout and escaping as a change email (its renderers
 * draw both parts from one content). Throws a ZodError for a context that is not valid.
 */
export function renderAlertEmail(alert: Alert, ctx: ChangeEmailContext): RenderedEmail {
  const { language, ...links } = ChangeEmailContextSchema.parse(ctx);
  const content = buildAlertEmailContent(alert, language, links);
  return { subject: content.subject, text: renderChangeEmailText(content), html: renderChangeEmailHtml(content) };
}

/** The language-resolved content of an alert's email, also used for the alert's entry in a digest. */
export function buildAlertEmailContent(alert: Alert, language: Language, links: ChangeEmailLinks): ChangeEmailContent {
  const strings = topicEmailStrings(language);
  const footerLinks = [
    ...(links.unsubscribeUrl ? [{ text: strings.footer.unsubscribe, url: links.unsubscribeUrl }] : []),
    ...(links.manageUrl ? [{ text: strings.footer.manage, url: links.manageUrl }] : []),
  ];
  if (alert.kind === 'bill-dropped') {
    // No link to the bill: sozd has no page for it, which is the news.
    return {
      language,
      subject: strings.dropped.subject(alert.billNumber),
      billLabel: strings.billLabel(alert.billNumber),
      bill: { text: strings.dropped.subject(alert.billNumber) },
      sections: [{ heading: strings.dropped.heading, lines: [{ text: strings.dropped.body(alert.billNumber) }] }],
      footer: { reason: strings.footer.droppedReason, links: footerLinks },
    };
  }
  // A bill's title alone does not say which bill: the subject names it first.
  const title = subjectPiece(alert.item.billNumber ? `${strings.billLabel(alert.item.billNumber)} — ${alert.item.title}` : alert.item.title);
  const isTopic = alert.kind === 'topic-match';
  const sections: ContentSection[] = [
    ...(isTopic ? [{ heading: strings.heading.why, lines: alert.why.map((hit) => whyLine(hit, strings)) }] : []),
    { heading: strings.heading.item, lines: itemLines(alert, strings, language) },
    ...(alert.item.summary && alert.item.source === 'news'
      ? [{ heading: strings.heading.summary, lines: [{ text: alert.item.summary }] }]
      : []),
  ];
  return {
    language,
    subject: alertSubject(alert, title, strings, language),
    billLabel: alertHeading(alert, language),
    bill: linked(alert.item.title, alert.item.link),
    sections,
    footer: { reason: alertReason(alert, strings, language), links: footerLinks },
  };
}

/** An alert's heading in the reader's language (the email's first line, the Slack message's header). */
export function alertHeading(alert: ItemAlert, language: Language): string {
  const strings = topicEmailStrings(language);
  switch (alert.kind) {
    case 'topic-match':
      return strings.topicHeading(alert.topic.query);
    case 'bill-news':
      return strings.newsHeading(alert.billNumber);
    case 'new-bill':
      return strings.newBillHeading(originName(alert.origin, language));
  }
}

function alertSubject(alert: ItemAlert, title: string, strings: TopicEmailStrings, language: Language): string {
  switch (alert.kind) {
    case 'topic-match':
      return strings.topicSubject(subjectPiece(alert.topic.query), title);
    case 'bill-news':
      return strings.newsSubject(alert.billNumber, title);
    case 'new-bill':
      return strings.newBillSubject(subjectPiece(originName(alert.origin, language)), title);
  }
}

function alertReason(alert: ItemAlert, strings: TopicEmailStrings, language: Language): string {
  switch (alert.kind) {
    case 'topic-match':
      return strings.footer.topicReason(alert.topic.query);
    case 'bill-news':
      return strings.footer.newsReason;
    case 'new-bill':
      return strings.footer.originReason(originName(alert.origin, language));
  }
}

function whyLine(hit: { term: string; field: string; found: string[] }, strings: TopicEmailStrings): ContentLine {
  return { label: strings.fieldName(hit.field), text: `${hit.term} — ${strings.found(hit.found)}` };
}

function itemLines(alert: ItemAlert, strings: TopicEmailStrings, language: Language): ContentLine[] {
  const { item } = alert;
  return [
    ...(item.sourceLabel ? [{ label: strings.label.source, text: item.sourceLabel }] : []),
    ...(item.billNumber ? [{ label: strings.label.bill, text: strings.billLabel(item.billNumber) }] : []),
    ...(alert.kind === 'new-bill' ? [{ label: strings.label[alert.origin.kind], text: originName(alert.origin, language) }] : []),
    ...(item.source === 'bill-event' && item.summary ? [{ label: strings.label.event, text: item.summary }] : []),
    ...(item.publishedAt ? [{ label: strings.label.date, text: formatMoscowDate(item.publishedAt, language) }] : []),
  ];
}

function linked(text: string, url: string | undefined): ContentLine {
  const safeUrl = url ? webLink(url) : undefined;
  return safeUrl ? { text, url: safeUrl } : { text };
}

/** External text fit for a header line: one line (no header injection), bounded length. */
function subjectPiece(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SUBJECT_PIECE ? `${oneLine.slice(0, MAX_SUBJECT_PIECE - 1).trimEnd()}…` : oneLine;
}
