import type { Bill } from '../../shared/bill/bill.js';
import type { BillChange } from '../../shared/bill/bill-change.js';
import { replayBillHistory } from '../../shared/bill/replay-history.js';
import { renderChangeEmail } from '../../shared/email/render-change-email.js';
import { buildSlackBillMessage } from '../../shared/slack/slack-message.js';
import { ORIGINAL_MARK } from '../../shared/vocabulary/translate-sozd-text.js';
import { englishSozdText } from '../../shared/vocabulary/sozd-text.js';
import { buildBillChangedPayload } from '../../shared/webhooks/webhook-payload.js';
import { slackBlockTexts } from '../support/slack-block-texts.js';

const LINKS = { unsubscribeUrl: 'https://alerts.example.org/unsubscribe?token=t', manageUrl: 'https://alerts.example.org/preferences?token=t' };
const CYRILLIC_LETTER = /[\u0400-\u04FF]/gu;
const LETTER = /\p{L}/gu;

export interface LetterCount {
  letters: number;
  cyrillic: number;
  /** Letters inside marked originals: left Russian on purpose, and not counted above. */
  originalLetters: number;
}

/** The HTML part as the reader sees it: text without tags, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every text of a change's English alerts: email subject, text and HTML bodies, Slack blocks and fallback, webhook `…En` texts. */
function englishTexts(change: BillChange): string[] {
  const email = renderChangeEmail(change, { language: 'en', ...LINKS });
  const slack = buildSlackBillMessage(change, 'en');
  const payload = buildBillChangedPayload(change);
  const webhook: string[] = [];
  if (payload.type === 'bill.changed') {
    const { event, facts } = payload.data;
    if (event) webhook.push(event.nameEn, event.stage.nameEn, ...event.decisionsEn, ...event.documents.map((document) => document.titleEn));
    for (const fact of facts) {
      if (fact.type === 'status-changed') webhook.push(fact.oldEn, fact.newEn);
      if (fact.type === 'stage-changed') webhook.push(fact.new.nameEn, ...(fact.old ? [fact.old.nameEn] : []));
    }
  }
  return [email.subject, email.text, htmlText(email.html), slack.text, ...slack.blocks.flatMap(slackBlockTexts), ...webhook];
}

/** The Russian pieces the vocabulary kept, longest first (a subject may show one cut short). */
function originalsOf(change: BillChange): string[] {
  const event = change.event;
  const pieces = [
    ...(event ? [englishSozdText('event', event.name), ...event.decisions.map((text) => englishSozdText('decision', text))] : []),
    ...(event?.documents.map((document) => englishSozdText('document', document.title)) ?? []),
    ...change.facts.flatMap((fact) => (fact.type === 'status-changed' ? [englishSozdText('status', fact.from), englishSozdText('status', fact.to)] : [])),
  ];
  return [...new Set(pieces.flatMap((piece) => piece.originals))].sort((a, b) => b.length - a.length);
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Counts the letters of a bill's English alerts over its whole replayed history, and the Cyrillic ones among them
 * outside the bill's title and the marked originals.
 */
export function countEnglishAlertLetters(bill: Bill): LetterCount {
  const total: LetterCount = { letters: 0, cyrillic: 0, originalLetters: 0 };
  const titles = [bill.title, ...(bill.titleComment ? [bill.titleComment] : [])];
  for (const change of replayBillHistory(bill)) {
    const originals = originalsOf(change);
    for (let text of englishTexts(change)) {
      for (const original of originals) {
        const marked = `${ORIGINAL_MARK}${original}`;
        total.originalLetters += count(original, LETTER) * (text.split(marked).length - 1);
        text = text.replaceAll(marked, '');
      }
      for (const title of titles) text = text.replaceAll(title, '');
      // A subject or a Slack header cuts long text: what follows a mark, or a title cut short, is still the original.
      text = text.replace(new RegExp(`${ORIGINAL_MARK.replace(/[()]/g, '\\$&')}[^\\n]*…`, 'g'), '');
      text = text.replace(new RegExp(`^${bill.number}: [^\\n]*…$`), '');
      total.letters += count(text, LETTER);
      total.cyrillic += count(text, CYRILLIC_LETTER);
    }
  }
  return total;
}
