import { isRealConvocation } from '../bill/bill.js';

/** A bill a text names: its number as sozd writes it, and the span of text that names it (`start`…`end`). */
export interface BillMentionSpan {
  number: string;
  start: number;
  end: number;
}

// Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, minus: typesetters put any of them in a number.
const DASH = '[\\-\\u2010\\u2011\\u2012\\u2013\\u2212]';
const BEFORE_WORD = String.raw`(?<![\p{L}\p{N}])`;
const AFTER_WORD = String.raw`(?![\p{L}\p{N}])`;
const NOUN_ENDINGS = '(?:а|у|ом|е|ы|ов|ам|ами|ах)?';
const MONTHS = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|january|february|march|april|may|june|july|august|september|october|november|december';
// Not glued to more digits or dashes ("2024-10-05", "692-80-00"), and not a range of days, years or amounts ("1-2 октября").
const number = (name: string) =>
  String.raw`(?<![\d\-\u2010-\u2012\u2013\u2212])(?<${name}Main>\d{1,9})${DASH}(?<${name}Convocation>\d{1,2})(?!${DASH}?\d)(?!\s*(?:${MONTHS}|год|лет|дн|раз|час|мин|тыс|млн|млрд|%|процент))`;

const BILL_WORD = [
  `законопроект${NOUN_ENDINGS}`,
  String.raw`проект\p{L}*\s+федеральн\p{L}*\s+(?:конституционн\p{L}*\s+)?закон${NOUN_ENDINGS}`,
  String.raw`draft\s+laws?`,
  'bills?',
].join('|');
// Documents that carry numbers of the same shape but are not bills: resolutions, court cases, orders, laws, issues.
const OTHER_DOCUMENT = [
  String.raw`(?:постановлени|распоряжени|решени|определени|заключени|поручени|резолюци|протокол|выпуск|письм|стать|соглашени|приложени|регламент|договор|контракт)\p{L}*`,
  `(?:приказ|указ|закон|дел|акт|пункт)${NOUN_ENDINGS}`,
  'дело',
  '(?:resolution|order|case|issue|decree|ruling|decision|law|act|article|item)s?',
].join('|');

const TOKEN = new RegExp(
  [
    String.raw`(?<sozd>(?:https?://)?(?:www\.)?sozd\.duma\.gov\.ru/bill/${number('link')})`,
    `(?<bill>${BEFORE_WORD}(?:${BILL_WORD})${AFTER_WORD})`,
    `(?<other>${BEFORE_WORD}(?:${OTHER_DOCUMENT})${AFTER_WORD})`,
    number('plain'),
  ].join('|'),
  'giu',
);
// A full stop ends a sentence only before a capital or a quote: "No. 5-8", "т. е." and "ст. 5" go on. (Apart from
// TOKEN because a case-insensitive \p{Ll} matches capitals too.)
const SENTENCE_END = /[.!?…]+(?=\s+[^\s\p{Ll}\d])|\n/gu;
const NUMBER_SIGN_BEFORE = new RegExp(String.raw`(?:№|#|${BEFORE_WORD}(?:nos?|n)\.?)\s*$`, 'iu');
// What may stand between a bill word (or the previous number of a list) and a number without a sign.
const LIST_FILLER = new RegExp(String.raw`^[\s(:,;—–-]*(?:${BEFORE_WORD}(?:и|или|and|or)\s+)?$`, 'iu');
const QUOTES: Record<string, string> = { '«': '»', '“': '”', '„': '“', '"': '"' };
const MAX_QUOTE_LENGTH = 300;

/**
 * Bill numbers a text names, each once, in the order found: see {@link findBillMentions}.
 */
export function extractBillNumbers(text: string): string[] {
  return [...new Set(findBillMentions(text).map((mention) => mention.number))];
}

/**
 * Where a text names bills. A number (`<digits>-<convocation>`, any dash) counts only when something says it is a
 * bill: a sozd.duma.gov.ru/bill/ link (with or without scheme and `www.`), or a word for a bill (законопроект in any
 * case, проект федерального закона, bill, draft law) in the same sentence naming it — directly, with a number sign
 * (`№`, `N`, `No.`, `Nos.`), or in a list after it — with no other document (постановление, дело, приказ, закон,
 * resolution, case, order, issue…) named in between. A quoted title between them is skipped. The convocation must be
 * a real one, so `№ 3-45` is not a bill. Spans run from the word for a bill (or the link) to the number.
 */
export function findBillMentions(text: string): BillMentionSpan[] {
  const scanned = maskQuotes(text);
  const sentenceEnds = [...scanned.matchAll(SENTENCE_END)].map((end) => end.index);
  const mentions: BillMentionSpan[] = [];
  let billWordAt: number | undefined;
  let chainEnd = 0;
  let nextEnd = 0;
  for (const match of scanned.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    const { sozd, bill, linkMain, linkConvocation, plainMain, plainConvocation } = match.groups ?? {};
    for (; nextEnd < sentenceEnds.length && sentenceEnds[nextEnd]! < start; nextEnd++) billWordAt = undefined;
    if (sozd !== undefined) {
      const number = canonicalBillNumber(linkMain!, linkConvocation!);
      if (number) mentions.push({ number, start, end });
    } else if (bill !== undefined) {
      billWordAt = start;
      chainEnd = end;
    } else if (plainMain === undefined) {
      billWordAt = undefined;
    } else if (billWordAt !== undefined && canonicalBillNumber(plainMain, plainConvocation!)) {
      const between = scanned.slice(chainEnd, start);
      if (NUMBER_SIGN_BEFORE.test(between) || LIST_FILLER.test(between)) {
        mentions.push({ number: canonicalBillNumber(plainMain, plainConvocation!)!, start: billWordAt, end });
        chainEnd = end;
      }
    }
  }
  return mentions;
}

/** The number as sozd writes it (no leading zeros), or undefined when it cannot be a bill's: number 0, a convocation that never sat. */
function canonicalBillNumber(main: string, convocation: string): string | undefined {
  return Number(main) > 0 && isRealConvocation(Number(convocation)) ? `${Number(main)}-${Number(convocation)}` : undefined;
}

/** The text with quoted titles («О внесении изменений в Федеральный закон …») blanked out, positions kept. */
function maskQuotes(text: string): string {
  let masked = '';
  let at = 0;
  while (at < text.length) {
    const close = QUOTES[text[at]!];
    const end = close === undefined ? -1 : closingQuote(text, at, close);
    if (end < 0) {
      masked += text[at];
      at += 1;
    } else {
      masked += ' '.repeat(end + 1 - at);
      at = end + 1;
    }
  }
  return masked;
}

/** Where the quote opened at `open` closes (nested «» counted), or -1 if not within a title's length. */
function closingQuote(text: string, open: number, close: string): number {
  const opener = text[open];
  let depth = 0;
  for (let at = open + 1; at < Math.min(text.length, open + MAX_QUOTE_LENGTH); at++) {
    const char = text[at];
    if (char === close && depth === 0) return at;
    if (char === close) depth -= 1;
    else if (char === opener && opener !== close) depth += 1;
  }
  return -1;
}
