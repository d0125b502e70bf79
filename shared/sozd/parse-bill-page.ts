import { BillSchema, billUrl, type Bill } from '../bill/bill.js';
import { billStage, inDateOrder } from '../bill/stage-model.js';
import { BillPageError } from './bill-page-error.js';
import { parseBillHeader } from './parse-bill-header.js';
import { parseBillHistory } from './parse-bill-history.js';
import { pageDecoder } from './page-charset.js';
import { BillPageScan, sliceBillPageBytes, type BillPageRegions } from './slice-bill-page.js';

export { BillPageError, type BillPageErrorReason } from './bill-page-error.js';

/**
 * Reads a sozd bill card (https://sozd.duma.gov.ru/bill/<number>) into a validated Bill.
 * Events come from the "ЭРК по событиям" tab only, ordered by date then event number; dates carry Moscow's offset
 * of their moment; document links are absolute and unique per event. The stage is the stage model's (`billStage`),
 * the progress bar's kept beside it; an archived bill keeps no planned events.
 * @param html the page as served (UTF-8 text).
 * @param options.url the address the page was fetched from; defaults to the bill's canonical sozd address.
 * @throws BillPageError when the page is not a readable bill card (see BillPageErrorReason).
 */
export function parseBillPage(html: string, options: { url?: string } = {}): Bill {
  return billFromRegions(sliceBillPageBytes(Buffer.from(html, 'utf8')), options.url);
}

/**
 * {@link parseBillPage} on the bytes as fetched, in the charset `contentType` names: only what is read of the header
 * and the events tab is decoded (a whole page's decoding cost more than the parse). A page in another charset than
 * sozd's UTF-8 is re-encoded as UTF-8 first.
 * @param options.scan the scan that already looked at these bytes while they arrived (its markers are not searched
 *   for again); unused when the page is re-encoded.
 * @throws BillPageError as {@link parseBillPage}.
 */
export function parseBillPageBytes(body: Buffer, options: { url?: string; contentType?: string; scan?: BillPageScan } = {}): Bill {
  const decoder = pageDecoder(options.contentType);
  const regions =
    decoder.encoding === 'utf-8'
      ? (options.scan ?? new BillPageScan()).regions(body)
      : sliceBillPageBytes(Buffer.from(decoder.decode(body), 'utf8'));
  return billFromRegions(regions, options.url);
}

function billFromRegions(regions: BillPageRegions, url: string | undefined): Bill {
  const header = parseBillHeader(regions.header);
  const history = parseBillHistory(regions.history);
  const events = inDateOrder(history.events);
  const currentStage = billStage(events);
  const lawNumber = events.findLast((event) => event.lawNumber !== undefined)?.lawNumber;

  const parsed = BillSchema.safeParse({
    ...header,
    url: url ?? billUrl(header.number),
    ...(lawNumber ? { lawNumber } : {}),
    ...(currentStage ? { currentStage } : {}),
    events,
    plannedEvents: header.archived ? [] : history.plannedEvents,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new BillPageError('invalid', `bill ${header.number} does not validate: ${problems}`, { cause: parsed.error });
  }
  // Its strings may be V8 slices of the regions' 32 KB chunks (not of the 2.7 MB page): a bill lives only as long
  // as its poll, so copying them out (a structured clone, ~3 % of a read's CPU) would buy nothing.
  return parsed.data;
}
