import { BillPageError } from './bill-page-error.js';

/** The two parts of a bill card worth parsing; together ~5% of the 2.5 MB page. */
export interface BillPageRegions {
  /** From the `<h1>` with the bill number to the events tab: title, status, passport, progress bar. */
  header: string;
  /** The "ЭРК по событиям" tab (`#bh_histras`), whole. */
  history: string;
}

const NUMBER_MARKER = 'id="number_oz_id"';
const HISTORY_MARKER = 'id="bh_histras"';
const TAB_PANEL_MARKER = 'role="tabpanel"';

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Cuts the header and the events tab out of a bill page by plain string search, because building a DOM of the whole
 * page costs ten times the budget. Fails loudly on anything that would make the cut wrong.
 * @throws BillPageError `no-bill-number`, `no-history`, `truncated` or `layout-changed`.
 */
export function sliceBillPage(html: string): BillPageRegions {
  const numberAt = html.indexOf(NUMBER_MARKER);
  if (numberAt < 0) throw new BillPageError('no-bill-number', 'the page has no bill number (#number_oz_id)');
  const headingAt = html.lastIndexOf('<h1', numberAt);
  const headerStart = headingAt >= 0 ? headingAt : html.lastIndexOf('<', numberAt);

  const historyAt = html.indexOf(HISTORY_MARKER, numberAt);
  if (historyAt < 0) {
    if (!/<\/html\s*>\s*$/i.test(html)) {
      throw new BillPageError('truncated', 'the page ends before the events tab (#bh_histras)');
    }
    throw new BillPageError('no-history', 'the page has no events tab (#bh_histras)');
  }
  const historyStart = html.lastIndexOf('<', historyAt);
  // The tab ends where its sibling tab (#bh_hron, which repeats every event) begins.
  const nextTabAt = html.indexOf(TAB_PANEL_MARKER, historyAt);
  if (nextTabAt < 0) {
    throw new BillPageError('truncated', 'the events tab (#bh_histras) never ends: no tab panel follows it');
  }
  const history = html.slice(historyStart, html.lastIndexOf('<', nextTabAt));

  // A cut that splits elements means the next tab panel sits inside this one, or tags went missing: events could hide.
  const opened = countMatches(history, /<div[\s>]/gi);
  const closed = countMatches(history, /<\/div\s*>/gi);
  if (opened !== closed) {
    throw new BillPageError(
      'layout-changed',
      `the events tab (#bh_histras) does not close where the next tab opens (${opened} <div> opened, ${closed} closed)`,
    );
  }
  return { header: html.slice(headerStart, historyStart), history };
}

/**
 * The bytes of a bill page that {@link sliceBillPage} would parse (the header through the end of the events tab),
 * found with the same markers on the raw bytes, so the poller can fingerprint a 2.5 MB page by its ~5% that
 * matters without decoding it. The whole page when a marker is missing: the parser then says what is wrong.
 */
export function significantBillPageBytes(page: Buffer): Uint8Array {
  const numberAt = page.indexOf(NUMBER_MARKER);
  const historyAt = numberAt < 0 ? -1 : page.indexOf(HISTORY_MARKER, numberAt);
  const endAt = historyAt < 0 ? -1 : page.indexOf(TAB_PANEL_MARKER, historyAt);
  if (endAt < 0) return page;
  const headingAt = page.lastIndexOf('<h1', numberAt);
  return page.subarray(headingAt >= 0 ? headingAt : 0, endAt);
}
