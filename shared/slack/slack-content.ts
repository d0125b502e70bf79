import type { ChangeEmailContent, ContentLine } from '../email/change-email-content.js';
import type { SlackBlock, SlackMessage } from './slack-message.js';
import { cutSlackText, escapeSlackText, SLACK_LIMITS } from './slack-text.js';

/**
 * Channel-neutral content (the email's: a subject, an intro line, sections of labelled lines) as one Block Kit
 * message: the subject as the header, the intro as context, each section's heading in bold over its lines, linked
 * texts as mrkdwn links. A section longer than a block continues in the next one, between lines; sections that no
 * longer fit Slack's 50 blocks are left out. Every text is escaped for mrkdwn; the email-only footer is left out.
 */
export function buildSlackContentMessage(content: ChangeEmailContent): SlackMessage {
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: cutSlackText(content.subject, SLACK_LIMITS.headerText) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: cutSlackText(slackLine(content.bill), SLACK_LIMITS.contextText) }] },
  ];
  for (const section of content.sections) {
    const sectionBlocks = chunks([`*${escapeSlackText(section.heading)}*`, ...section.lines.map((line) => `• ${slackLine(line)}`)]).map(
      (text): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } }),
    );
    if (blocks.length + sectionBlocks.length > SLACK_LIMITS.blocks) break;
    blocks.push(...sectionBlocks);
  }
  return { text: cutSlackText(escapeSlackText(content.subject), SLACK_LIMITS.fallbackText), blocks };
}

function slackLine(line: ContentLine): string {
  const label = line.label ? `*${escapeSlackText(line.label)}:* ` : '';
  // A link's address may not hold `|` or `>` in mrkdwn; such an address (never one of ours) is shown as text.
  const text = escapeSlackText(line.text);
  return label + (line.url && !/[|<>\s]/.test(line.url) ? `<${line.url}|${text}>` : text);
}

/** Lines joined into texts of at most a section's length, cutting a single overlong line. */
function chunks(lines: readonly string[]): string[] {
  const texts: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = cutSlackText(raw, SLACK_LIMITS.sectionText);
    if (current && current.length + 1 + line.length > SLACK_LIMITS.sectionText) {
      texts.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) texts.push(current);
  return texts;
}
