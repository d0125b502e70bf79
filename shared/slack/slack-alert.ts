import type { Language } from '../bill/stages.js';
import { formatMoscowDate } from '../email/moscow-date.js';
import { alertHeading } from '../email/render-topic-email.js';
import { topicEmailStrings } from '../email/topic-email-strings.js';
import { webLink } from '../email/web-link.js';
import type { Alert } from '../topics/alert.js';
import type { SlackBlock, SlackMessage } from './slack-message.js';
import { cutSlackText, escapeSlackText, SLACK_LIMITS } from './slack-text.js';

const OPEN: Record<Language, string> = { en: 'Open the item', ru: 'Открыть материал' };

/**
 * A Block Kit message for an alert, with the same words as its email: a topic match names the topic and which words
 * were found in which field; an "in the news" alert names the bill; a "new bill" alert its committee or initiator; a
 * dropped bill's notice says why it is no longer watched. The item's link becomes a button only when it is
 * a web address within Slack's URL limit; all external text is escaped and cut to Slack's limits.
 */
export function buildSlackAlertMessage(alert: Alert, language: Language): SlackMessage {
  const strings = topicEmailStrings(language);
  if (alert.kind === 'bill-dropped') {
    const heading = strings.dropped.subject(alert.billNumber);
    return {
      text: cutSlackText(escapeSlackText(heading), SLACK_LIMITS.fallbackText),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: cutSlackText(heading, SLACK_LIMITS.headerText) } },
        section(escapeSlackText(strings.dropped.body(alert.billNumber))),
      ],
    };
  }
  const heading = alertHeading(alert, language);
  const { item } = alert;
  // A link over Slack's button limit would get the whole message refused: the alert goes out without the button.
  const link = item.link ? webLink(item.link) : undefined;
  const button = link && link.length <= SLACK_LIMITS.buttonUrl ? link : undefined;
  const why = alert.kind === 'topic-match' ? alert.why.map((hit) => `*${strings.fieldName(hit.field)}:* ${escapeSlackText(`${hit.term} — ${strings.found(hit.found)}`)}`) : [];
  const context = [
    ...(item.sourceLabel ? [`${strings.label.source}: ${item.sourceLabel}`] : []),
    ...(item.billNumber ? [strings.billLabel(item.billNumber)] : []),
    ...(item.publishedAt ? [formatMoscowDate(item.publishedAt, language)] : []),
  ];
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: cutSlackText(heading, SLACK_LIMITS.headerText) } },
    section(`*${escapeSlackText(item.title)}*${item.summary ? `\n${escapeSlackText(item.summary)}` : ''}`),
    ...(why.length > 0 ? [section(`*${strings.heading.why}:*\n${why.join('\n')}`)] : []),
    ...(context.length > 0
      ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: cutSlackText(escapeSlackText(context.join(' · ')), SLACK_LIMITS.contextText) }] }]
      : []),
    ...(button ? [{ type: 'actions' as const, elements: [{ type: 'button' as const, text: { type: 'plain_text' as const, text: OPEN[language] }, url: button }] }] : []),
  ];
  return { text: cutSlackText(escapeSlackText(`${heading}: ${item.title}`), SLACK_LIMITS.fallbackText), blocks };
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: cutSlackText(text, SLACK_LIMITS.sectionText) } };
}
