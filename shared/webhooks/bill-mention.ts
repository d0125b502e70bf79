import { findBillMentions } from '../feeds/extract-bill-numbers.js';

/** Where and how a news item names a bill: the text the bill-number extractor took as naming it, e.g. `законопроект № 1075342-8`. */
export interface BillMention {
  field: 'title' | 'summary' | 'link';
  matchedText: string;
}

/**
 * How an item names a bill, found by the extractor that raised the alert (so the two can never disagree): the first
 * field, in the order the alert was raised from, and its first span naming the bill. A bill linked only from the
 * summary's HTML (`billLinks`) is named by that link, in the summary.
 * @returns undefined when no field names the bill (the alert came from elsewhere)
 */
export function findBillMention(
  item: { title: string; summary?: string; link?: string; billLinks?: readonly string[] },
  billNumber: string,
): BillMention | undefined {
  const fields = [['title', item.title], ['summary', item.summary], ['link', item.link], ...(item.billLinks ?? []).map((link) => ['summary', link] as const)] as const;
  for (const [field, text] of fields) {
    const mention = text ? findBillMentions(text).find((found) => found.number === billNumber) : undefined;
    if (mention) return { field, matchedText: text!.slice(mention.start, mention.end) };
  }
  return undefined;
}
