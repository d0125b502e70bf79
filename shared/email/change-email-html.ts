import type { ChangeEmailContent, ContentLine } from './change-email-content.js';
import { escapeHtml } from './html-escape.js';

// Inline styles only: most mail clients drop <style> blocks and external sheets.
const STYLE = {
  body: 'margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5',
  container: 'max-width:640px;margin:0 auto',
  h1: 'margin:0 0 8px;font-size:20px',
  h2: 'margin:24px 0 8px;font-size:17px',
  paragraph: 'margin:0 0 16px',
  list: 'margin:0;padding-left:20px',
  link: 'color:#0b57d0;text-decoration:underline',
  rule: 'border:none;border-top:1px solid #cccccc;margin:24px 0 16px',
  footer: 'margin:0 0 8px;font-size:13px;color:#555555',
} as const;

/** The HTML part: simple semantic markup, every piece of text escaped, links only to http(s) addresses. */
export function renderChangeEmailHtml(content: ChangeEmailContent): string {
  const sections = content.sections
    .map(
      (section) =>
        `<h2 style="${STYLE.h2}">${escapeHtml(section.heading)}</h2>\n` +
        `<ul style="${STYLE.list}">\n${section.lines.map((line) => `<li>${htmlLine(line)}</li>`).join('\n')}\n</ul>`,
    )
    .join('\n');
  const footerLinks = content.footer.links.map((link) => anchor(link.text, link.url)).join(' · ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${content.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.container}">`,
    `<h1 style="${STYLE.h1}">${escapeHtml(content.billLabel)}</h1>`,
    `<p style="${STYLE.paragraph}">${htmlLine(content.bill)}</p>`,
    sections,
    `<hr style="${STYLE.rule}">`,
    `<p style="${STYLE.footer}">${escapeHtml(content.footer.reason)}</p>`,
    `<p style="${STYLE.footer}">${footerLinks}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function htmlLine(line: ContentLine): string {
  const label = line.label ? `<strong>${escapeHtml(line.label)}:</strong> ` : '';
  return label + (line.url ? anchor(line.text, line.url) : escapeHtml(line.text));
}

function anchor(text: string, url: string): string {
  return `<a href="${escapeHtml(url)}" style="${STYLE.link}">${escapeHtml(text)}</a>`;
}
