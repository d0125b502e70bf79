import { BillSchema, billUrl, type Bill, type BillEvent } from '../bill/bill.js';
import { BillPageError } from './bill-page-error.js';
import { compareEventNumbers } from './event-number.js';
import { parseBillHeader } from './parse-bill-header.js';
import { parseBillHistory } from './parse-bill-history.js';
import { decodePage, isAsciiCompatible, pageDecoder } from './page-charset.js';
import { sliceBillPage, sliceBillPageBytes, type BillPageRegions } from './slice-bill-page.js';

export { BillPageError, type BillPageErrorReason } from './bill-page-error.js';

function byDateThenNumber(a: BillEvent, b: BillEvent): number {
  return Date.parse(a.date) - Date.parse(b.date) || compareEventNumbers(a.eventNumber, b.eventNumber);
}

/**
 * Reads a sozd bill card (https://sozd.duma.gov.ru/bill/<number>) into a validated Bill.
 * Events come from the "ЭРК по событиям" tab only, ordered by date then event number; dates carry Moscow's offset
 * of their moment; document links are absolute and unique per event.
 * @param html the page as served (UTF-8 text).
 * @param options.url the address the page was fetched from; defaults to the bill's canonical sozd address.
 * @throws BillPageError when the page is not a readable bill card (see BillPageErrorReason).
 */
export function parseBillPage(html: string, options: { url?: string } = {}): Bill {
  return billFromRegions(sliceBillPage(html), options.url);
}

/**
 * {@link parseBillPage} on the bytes as fetched: only the header and the events tab are decoded (a whole page's
 * decoding cost more than the parse), in the charset `contentType` names.
 * @throws BillPageError as {@link parseBillPage}.
 */
export function parseBillPageBytes(body: Buffer, options: { url?: string; contentType?: string } = {}): Bill {
  const decoder = pageDecoder(options.contentType);
  if (!isAsciiCompatible(decoder)) return parseBillPage(decodePage(body, options.contentType), options);
  return billFromRegions(sliceBillPageBytes(body, decoder), options.url);
}

function billFromRegions(regions: BillPageRegions, url: string | undefined): Bill {
  const header = parseBillHeader(regions.header);
  const history = parseBillHistory(regions.history);
  const events = [...history.events].sort(byDateThenNumber);
  const lawNumber = events.findLast((event) => event.lawNumber !== undefined)?.lawNumber;

  const parsed = BillSchema.safeParse({
    ...header,
    url: url ?? billUrl(header.number),
    ...(lawNumber ? { lawNumber } : {}),
    events,
    plannedEvents: history.plannedEvents,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new BillPageError('invalid', `bill ${header.number} does not validate: ${problems}`, { cause: parsed.error });
  }
  // The parsed strings are V8 slices of the page: a 20 KB bill would keep the whole 5 MB decoded page alive.
  return structuredClone(parsed.data);
}
