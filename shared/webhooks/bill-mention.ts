import { extractBillNumbers } from '../feeds/extract-bill-numbers.js';

/** Where and how a news item names a bill: the shortest text the bill-number extractor believes, e.g. `№ 1075342-8`. */
export interface BillMention {
  field: 'title' | 'summary' | 'link';
  matchedText: string;
}

/** The extractor needs a little context after a number (it refuses `1-85` as `1-8`), and at most this much before it. */
const CONTEXT_AFTER = 2;
const MAX_CONTEXT_BEFORE = 200;

/**
 * How an item names a bill, found by asking the extractor that raised the alert (so the two can never disagree): the
 * first field, in the order the alert was raised from, and the shortest span ending at the number that it accepts.
 * @returns undefined when no field names the bill (the alert came from elsewhere)
 */
export function findBillMention(item: { title: string; summary?: string; link?: string }, billNumber: string): BillMention | undefined {
  const fields = [['title', item.title], ['summary', item.summary], ['link', item.link]] as const;
  for (const [field, text] of fields) {
    if (!text || !extractBillNumbers(text).includes(billNumber)) continue;
    const mention = shortestMention(text, billNumber);
    if (mention) return { field, matchedText: mention };
  }
  return undefined;
}

function shortestMention(text: string, billNumber: string): string | undefined {
  for (let at = text.indexOf(billNumber); at >= 0; at = text.indexOf(billNumber, at + 1)) {
    const end = at + billNumber.length;
    const after = text.slice(end, end + CONTEXT_AFTER);
    for (let start = at; start >= Math.max(0, at - MAX_CONTEXT_BEFORE); start--) {
      if (extractBillNumbers(text.slice(start, end) + after).includes(billNumber)) return text.slice(start, end).trim();
    }
  }
  return undefined;
}
