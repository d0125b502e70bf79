const NUMBER = String.raw`\d{1,9}-\d{1,2}`;
// Not glued to more digits or dashes: "2024-10-05" and "692-80-00" are not bill numbers.
const ISOLATED_NUMBER = String.raw`(?<![\d-])${NUMBER}(?!-?\d)`;
const NUMBER_SIGN = String.raw`(?:№|N|No\.?|no\.?|#)`;
// A bill number is only believed with something saying it is one: a sozd link, "№", or a word for "bill".
const CONTEXT = String.raw`(?<![\p{L}\p{N}])(?:законопроект\p{L}*|bills?)\s*${NUMBER_SIGN}?|№`;
const LIST_SEPARATOR = String.raw`(?:\s*[,;]\s*|\s+(?:и|или|and|or)\s+)(?:${NUMBER_SIGN}\s*)?`;
const MENTION = new RegExp(
  String.raw`https?://sozd\.duma\.gov\.ru/bill/(${NUMBER})(?![\d-])|(?:${CONTEXT})\s*(${ISOLATED_NUMBER}(?:${LIST_SEPARATOR}${ISOLATED_NUMBER})*)`,
  'giu',
);
const NUMBER_IN_LIST = new RegExp(ISOLATED_NUMBER, 'gu');

/**
 * Bill numbers mentioned in a text (e.g. "законопроект № 1075342-8", "bill No. 1075342-8", a sozd.duma.gov.ru/bill/
 * link, also lists like "№ 1-8 и 2-8"), each once, in the order found. Numbers without such context are ignored,
 * so dates ("2024-10") and phone numbers are not taken for bills.
 */
export function extractBillNumbers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const numbers = match[1] !== undefined ? [match[1]] : [...(match[2] ?? '').matchAll(NUMBER_IN_LIST)].map((m) => m[0]);
    for (const number of numbers) found.add(number);
  }
  return [...found];
}
