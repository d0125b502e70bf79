import { BillPageError } from './bill-page-error.js';
import { byteString, LESS_THAN } from './page-dom.js';

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
/** What {@link BillPageScan} looks for, each after the one before: the bill number, the events tab, the tab after it. */
const MARKERS = [NUMBER_MARKER, HISTORY_MARKER, TAB_PANEL_MARKER] as const;
/** Enough of a page's end to hold `</html>` and the whitespace after it. */
const TAIL_BYTES = 256;

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
 * Where a bill page's markers lie in its UTF-8 bytes, found once however often the page is looked at: the fetcher
 * offers its head as it arrives (256 KB, then 512 KB: four of ten real pages need 263–301 KB), then hashes the
 * significant bytes, then the parser slices the page. Each search resumes where the last one stopped, so no byte is
 * searched twice. One scan reads one page: every buffer it is given must begin with the bytes it was given before.
 */
export class BillPageScan {
  /** Where the markers found so far start, in {@link MARKERS} order. */
  private readonly found: number[] = [];
  /** How far the search for the first marker not yet found has read. */
  private searchedTo = 0;

  /**
   * How many leading bytes of the page {@link sliceBillPageBytes} reads (through the tab panel after the events tab,
   * ~10% of a real page), or undefined while `head` does not hold them all: the poller keeps no more of a 2.7 MB page.
   */
  neededBytes(head: Buffer): number | undefined {
    // Each marker is looked for after the one before it.
    while (this.found.length < MARKERS.length) {
      const at = this.find(head, MARKERS[this.found.length]!, this.found.at(-1) ?? 0);
      if (at === -1) return undefined;
      this.found.push(at);
    }
    return this.found[2]! + TAB_PANEL_MARKER.length;
  }

  /**
   * The bytes of the page that {@link sliceBillPageBytes} would parse (the header through the end of the events tab),
   * so the poller can fingerprint a 2.5 MB page by its ~5% that matters without decoding it. The whole page when a
   * marker is missing: the parser then says what is wrong.
   */
  significantBytes(page: Buffer): Uint8Array {
    if (this.neededBytes(page) === undefined) return page;
    const [numberAt, , tabPanelAt] = this.found;
    const headingAt = page.lastIndexOf('<h1', numberAt);
    return page.subarray(headingAt === -1 ? 0 : headingAt, tabPanelAt);
  }

  /**
   * Cuts the header and the events tab out of the page's bytes by the markers (they are ASCII), because building a DOM
   * of the whole page costs ten times the budget; only the two regions (~5% of the page) are read. Fails loudly on
   * anything that would make the cut wrong.
   * @throws BillPageError `no-bill-number`, `no-history`, `truncated` or `layout-changed`.
   */
  regions(page: Buffer): BillPageRegions {
    this.neededBytes(page);
    const [numberAt, historyAt, tabPanelAt] = this.found;
    if (numberAt === undefined) throw new BillPageError('no-bill-number', 'the page has no bill number (#number_oz_id)');
    const headingAt = page.lastIndexOf('<h1', numberAt);
    const headerStart = headingAt === -1 ? page.lastIndexOf(LESS_THAN, numberAt) : headingAt;

    if (historyAt === undefined) {
      if (!/<\/html\s*>\s*$/i.test(byteString(page.subarray(Math.max(0, page.length - TAIL_BYTES))))) {
        throw new BillPageError('truncated', 'the page ends before the events tab (#bh_histras)');
      }
      throw new BillPageError('no-history', 'the page has no events tab (#bh_histras)');
    }
    const historyStart = page.lastIndexOf(LESS_THAN, historyAt);
    // The tab ends where its sibling tab (#bh_hron, which repeats every event) begins.
    if (tabPanelAt === undefined) {
      throw new BillPageError('truncated', 'the events tab (#bh_histras) never ends: no tab panel follows it');
    }
    const history = page.subarray(historyStart, page.lastIndexOf(LESS_THAN, tabPanelAt));

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
   * The first `marker` at or after `from` in `page`, or -1. Where each search stopped is remembered, and the next one
   * resumes there, less the marker's length but one (a marker may straddle the end of the last head).
   */
  private find(page: Buffer, marker: string, from: number): number {
    const at = page.indexOf(marker, Math.max(from, this.searchedTo - marker.length + 1));
    this.searchedTo = at === -1 ? page.length : at;
    return at;
  }
}

/**
 * {@link BillPageScan.regions} of a page no scan has looked at yet.
 * @throws BillPageError `no-bill-number`, `no-history`, `truncated` or `layout-changed`.
 */
export function sliceBillPageBytes(page: Buffer): BillPageRegions {
  return new BillPageScan().regions(page);
}
