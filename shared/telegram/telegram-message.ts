import type { ChangeEmailContent, ContentLine } from '../email/change-email-content.js';
import { webLink } from '../email/web-link.js';
import { bold, escapeWithin, link, TELEGRAM_MESSAGE_LIMIT } from './telegram-html.js';

/** A link under a message (the manage page, say). */
export interface TelegramLink {
  text: string;
  url: string;
}

/*
 * Every line is bounded (text and link), so a line always fits a message and a long message is split between lines,
 * never inside a tag or an entity: 1,500 code units of escaped text, a link of up to 2,000, a label of 200.
 */
const MAX_TEXT = 1500;
const MAX_URL = 2000;
const MAX_LABEL = 200;

/**
 * Renders channel-neutral content (the content the email and Slack renderers draw from: a subject, the bill line, the
 * sections of labelled lines) as Telegram `parse_mode=HTML` messages: the subject in bold, the bill's title linked to
 * its page, each section under a bold heading, then `links` on one line. Only `<b>` and `<a href>` are used, all text
 * is escaped, and the result is split in order into messages of at most 4,096 code units, between sections when it
 * can, else between lines. The email-only footer (why an email came, unsubscribe) is left out.
 */
export function renderTelegramContent(content: ChangeEmailContent, links: readonly TelegramLink[] = []): string[] {
  // A digest's title line repeats its subject, unlinked: said once.
  const billLine = content.bill.text === content.subject && !content.bill.url ? [] : [renderLine(content.bill)];
  const blocks: string[][] = [
    [bold(escapeWithin(content.subject, MAX_TEXT)), ...billLine],
    ...content.sections
      .filter((section) => section.lines.length > 0)
      .map((section) => [bold(escapeWithin(section.heading, MAX_TEXT)), ...section.lines.map(renderLine)]),
    ...(links.length > 0 ? [[links.map((item) => linkedText(escapeWithin(item.text, MAX_LABEL), item.url)).join(' · ')]] : []),
  ];
  return splitTelegramMessage(blocks);
}

/**
 * Joins blocks of lines into as few messages of at most `limit` code units as keep them in order: blocks are
 * separated by a blank line and kept whole when they fit, a block too long for one message continues line by line in
 * the next. Each line must be well-formed HTML on its own (every tag closed on it), which makes every cut safe.
 * @throws RangeError when one line alone is longer than `limit`
 */
export function splitTelegramMessage(blocks: readonly (readonly string[])[], limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const messages: string[] = [];
  let current = '';
  const append = (text: string, separator: string): boolean => {
    const next = current === '' ? text : `${current}${separator}${text}`;
    if (next.length > limit) return false;
    current = next;
    return true;
  };
  const flush = () => {
    if (current !== '') messages.push(current);
    current = '';
  };
  for (const block of blocks) {
    if (block.length === 0 || append(block.join('\n'), '\n\n')) continue;
    flush();
    if (append(block.join('\n'), '\n\n')) continue;
    for (const line of block) {
      if (line.length > limit) throw new RangeError(`a line of ${line.length} code units does not fit a Telegram message`);
      if (!append(line, '\n')) {
        flush();
        append(line, '\n');
      }
    }
  }
  flush();
  return messages;
}

function renderLine(line: ContentLine): string {
  const text = linkedText(escapeWithin(line.text, MAX_TEXT), line.url);
  return line.label ? `${bold(`${escapeWithin(line.label, MAX_LABEL)}:`)} ${text}` : text;
}

/** The text linked when the address is a web link short enough to keep every line bounded; else the text alone. */
function linkedText(html: string, url: string | undefined): string {
  const safe = url ? webLink(url) : undefined;
  return safe && safe.length <= MAX_URL ? link(html, safe) : html;
}
