import { describe, expect, it } from 'vitest';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { BillPageScan, sliceBillPageBytes } from '../../shared/sozd/slice-bill-page.js';

// A bill page followed by another tab, as on sozd, whose start ends what the parser reads.
const page = Buffer.from(`${buildBillPage(pageAt(lawBill, 3))}<div role="tabpanel"><p>другая вкладка</p></div></html>`);
const NUMBER_MARKER = 'id="number_oz_id"';

/** Where the needed bytes end, found by plain search: the tab panel after the events tab after the bill number. */
function tabPanelEnd(bytes: Buffer): number {
  const historyAt = bytes.indexOf('id="bh_histras"', bytes.indexOf(NUMBER_MARKER));
  return bytes.indexOf('role="tabpanel"', historyAt) + 'role="tabpanel"'.length;
}

/** One scan's answers to every head of the bytes, one byte longer each time: each marker is split between two heads. */
function answersByteByByte(bytes: Buffer): Array<number | undefined> {
  const scan = new BillPageScan();
  return Array.from({ length: bytes.length }, (_, index) => scan.neededBytes(bytes.subarray(0, index + 1)));
}

describe('BillPageScan', () => {
  it('finds where the needed bytes end however the page arrives', () => {
    const needed = tabPanelEnd(page);

    const answers = answersByteByByte(page);

    expect(answers.slice(0, needed - 1).every((answer) => answer === undefined)).toBe(true);
    expect(new Set(answers.slice(needed - 1))).toEqual(new Set([needed]));
  });

  it('reads the events tab only after the bill number, and the next tab only after the events tab', () => {
    // Arrange: both later markers also appear in a script before the bill number.
    const decoys = '<script>var tabs = \'<div id="bh_histras" role="tabpanel">\';</script>';
    const decoyed = Buffer.from(page.toString('utf8').replace('<body>', `<body>${decoys}`));
    const needed = tabPanelEnd(decoyed);

    // Act
    const answers = answersByteByByte(decoyed);

    // Assert
    expect(decoyed.indexOf('role="tabpanel"')).toBeLessThan(decoyed.indexOf(NUMBER_MARKER));
    expect(answers.slice(0, needed - 1).every((answer) => answer === undefined)).toBe(true);
    expect(answers.at(-1)).toBe(needed);
    expect(sliceBillPageBytes(decoyed)).toEqual(sliceBillPageBytes(page));
  });

  it('searches no byte twice: a marker within a head it was already offered is not looked for again', () => {
    // Arrange: the first head ends right after a bill number spelled otherwise; the next head has it spelled right.
    const numberAt = page.indexOf(NUMBER_MARKER);
    const misspelt = Buffer.from(page);
    misspelt.write('id="number_oz_iX"', numberAt, 'latin1');
    const scan = new BillPageScan();
    scan.neededBytes(misspelt.subarray(0, numberAt + NUMBER_MARKER.length));

    // Act
    const needed = scan.neededBytes(page);

    // Assert: only bytes the first head did not hold were searched, so the number is not found.
    expect(needed).toBeUndefined();
    expect(new BillPageScan().neededBytes(page)).toBe(tabPanelEnd(page));
  });

  it('slices a page it saw arrive as a page it never saw', () => {
    const scan = new BillPageScan();
    scan.neededBytes(page.subarray(0, page.indexOf('id="bh_histras"') + 5));

    const regions = scan.regions(page);

    expect(regions).toEqual(sliceBillPageBytes(page));
    expect(regions.history.toString('latin1')).toMatch(/^<div [^>]*id="bh_histras"/);
    expect(regions.header.toString('latin1')).toMatch(/^<h1[^>]*>[^]*id="number_oz_id"/);
  });

  it('fingerprints the header through the events tab, the same whether the page was offered in heads first or not', () => {
    const scan = new BillPageScan();
    scan.neededBytes(page.subarray(0, page.indexOf(NUMBER_MARKER) + 3));

    const significant = Buffer.from(scan.significantBytes(page)).toString('latin1');

    expect(significant).toBe(Buffer.from(new BillPageScan().significantBytes(page)).toString('latin1'));
    expect(significant).toMatch(/^<h1[^>]*>[^]*id="number_oz_id"[^]*id="bh_histras"[^]*<div $/);
  });

  it('without an <h1> before the bill number, fingerprints from the page start and slices from the tag holding the number', () => {
    const headless = Buffer.from(page.toString('utf8').replaceAll('<h1', '<h2').replaceAll('</h1', '</h2'));
    const numberTagAt = headless.lastIndexOf('<', headless.indexOf(NUMBER_MARKER));

    const significant = new BillPageScan().significantBytes(headless);
    const { header } = sliceBillPageBytes(headless);

    expect(Buffer.from(significant).equals(headless.subarray(0, tabPanelEnd(headless) - 'role="tabpanel"'.length))).toBe(true);
    expect(header.equals(headless.subarray(numberTagAt, headless.lastIndexOf('<', headless.indexOf('id="bh_histras"'))))).toBe(true);
  });
});
