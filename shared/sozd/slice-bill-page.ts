import { BillPageError } from './bill-page-error.js';
import { byteString } from './page-dom.js';

/** The two parts of a bill card worth parsing, as views of its UTF-8 bytes; together ~5% of the 2.5 MB page. */
export interface BillPageRegions {
  /** From the `<h1>` with the bill number to the events tab: title, status, passport, progress bar. */
  header: Buffer;
  /** The "ЭРК по событиям" tab (`#bh_histras`), whole. */
  history: Buffer;
}

const NUMBER_MARKER = 'id="number_oz_id"';
const HISTORY_MARKER = 'id="bh_histras"';
const TAB_PANEL_MARKER = 'role="tabpanel"';
/** Enough of a page's end to hold `</html>` and the whitespace after it. */
const TAIL_BYTES = 256;

const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;

/** Whether a byte is one `\s` matches in a string of a character a byte: tab to carriage return, space, no-break space. */
const isSpace = (byte: number | undefined) => byte !== undefined && ((byte >= 0x09 && byte <= 0x0d) || byte === 0x20 || byte === 0xa0);
/** Whether the bytes from `at` spell `div` in any case (`| 0x20` lowercases a letter and maps no other byte onto one). */
const isDiv = (bytes: Buffer, at: number) =>
  ((bytes[at] ?? 0) | 0x20) === 0x64 && ((bytes[at + 1] ?? 0) | 0x20) === 0x69 && ((bytes[at + 2] ?? 0) | 0x20) === 0x76;

/**
 * The `<div` tags (followed by a space or `>`) and `</div>` tags (spaces allowed before the `>`) in the bytes, in any
 * case, as `/<div[\s>]/gi` and `/<\/div\s*>/gi` count them in the region's text; read off the bytes from one `<` to the
 * next, five times cheaper than the two expressions over its text.
 */
function countDivTags(bytes: Buffer): { opened: number; closed: number } {
  let opened = 0;
  let closed = 0;
  for (let at = bytes.indexOf(LESS_THAN); at >= 0; at = bytes.indexOf(LESS_THAN, at + 1)) {
    if (isDiv(bytes, at + 1)) {
      if (isSpace(bytes[at + 4]) || bytes[at + 4] === GREATER_THAN) opened += 1;
    } else if (bytes[at + 1] === SLASH && isDiv(bytes, at + 2)) {
      let end = at + 5;
      while (isSpace(bytes[end])) end += 1;
      if (bytes[end] === GREATER_THAN) closed += 1;
    }
  }
  return { opened, closed };
}

/**
 * Cuts the header and the events tab out of a page's UTF-8 bytes by plain search (the markers are ASCII), because
 * building a DOM of the whole page costs ten times the budget; only the two regions (~5% of the page) are read.
 * Fails loudly on anything that would make the cut wrong.
 * @throws BillPageError `no-bill-number`, `no-history`, `truncated` or `layout-changed`.
 */
export function sliceBillPageBytes(page: Buffer): BillPageRegions {
  const numberAt = page.indexOf(NUMBER_MARKER);
  if (numberAt < 0) throw new BillPageError('no-bill-number', 'the page has no bill number (#number_oz_id)');
  const headingAt = page.lastIndexOf('<h1', numberAt);
  const headerStart = headingAt >= 0 ? headingAt : page.lastIndexOf('<', numberAt);

  const historyAt = page.indexOf(HISTORY_MARKER, numberAt);
  if (historyAt < 0) {
    if (!/<\/html\s*>\s*$/i.test(byteString(page.subarray(Math.max(0, page.length - TAIL_BYTES))))) {
      throw new BillPageError('truncated', 'the page ends before the events tab (#bh_histras)');
    }
    throw new BillPageError('no-history', 'the page has no events tab (#bh_histras)');
  }
  const historyStart = page.lastIndexOf('<', historyAt);
  // The tab ends where its sibling tab (#bh_hron, which repeats every event) begins.
  const nextTabAt = page.indexOf(TAB_PANEL_MARKER, historyAt);
  if (nextTabAt < 0) {
    throw new BillPageError('truncated', 'the events tab (#bh_histras) never ends: no tab panel follows it');
  }
  const history = page.subarray(historyStart, page.lastIndexOf('<', nextTabAt));

  // A cut that splits elements means the next tab panel sits inside this one, or tags went missing: events could hide.
  const { opened, closed } = countDivTags(history);
  if (opened !== closed) {
    throw new BillPageError(
      'layout-changed',
      `the events tab (#bh_histras) does not close where the next tab opens (${opened} <div> opened, ${closed} closed)`,
    );
  }
  return { header: page.subarray(headerStart, historyStart), history };
}

/**
 * How many leading bytes of a bill page {@link sliceBillPageBytes} reads (through the tab panel after the events tab,
 * ~10% of a real page), or undefined while `head` does not hold them all: the poller keeps no more of a 2.7 MB page.
 */
export function billPageNeededBytes(head: Buffer): number | undefined {
  const numberAt = head.indexOf(NUMBER_MARKER);
  const historyAt = numberAt < 0 ? -1 : head.indexOf(HISTORY_MARKER, numberAt);
  const endAt = historyAt < 0 ? -1 : head.indexOf(TAB_PANEL_MARKER, historyAt);
  return endAt < 0 ? undefined : endAt + TAB_PANEL_MARKER.length;
}

/**
 * The bytes of a bill page that {@link sliceBillPageBytes} would parse (the header through the end of the events tab),
 * found with the same markers on the raw bytes, so the poller can fingerprint a 2.5 MB page by its ~5% that
 * matters without decoding it. The whole page when a marker is missing: the parser then says what is wrong.
 */
export function significantBillPageBytes(page: Buffer): Uint8Array {
  const needed = billPageNeededBytes(page);
  if (needed === undefined) return page;
  const headingAt = page.lastIndexOf('<h1', page.indexOf(NUMBER_MARKER));
  return page.subarray(headingAt >= 0 ? headingAt : 0, needed - TAB_PANEL_MARKER.length);
}
