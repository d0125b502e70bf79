import type { ChangeEmailContent, ContentLine } from './change-email-content.js';

/** The plain-text part: no markup, lines left unwrapped so mail clients reflow them and links stay whole. */
export function renderChangeEmailText(content: ChangeEmailContent): string {
  const blocks = [
    [content.billLabel, labelled(content.bill), ...(content.bill.url ? [content.bill.url] : [])].join('\n'),
    ...content.sections.map((section) => [section.heading, ...section.lines.map(textLine)].join('\n')),
    [
      '--',
      content.footer.reason,
      ...content.footer.links.map((link) => `${link.text}: ${link.url}`),
    ].join('\n'),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function labelled(line: ContentLine): string {
  return line.label ? `${line.label}: ${line.text}` : line.text;
}

function textLine(line: ContentLine): string {
  const text = labelled(line);
  return line.url ? `- ${text}\n  ${line.url}` : `- ${text}`;
}
