import { describe, expect, it } from 'vitest';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pageAt } from '../../local/simulator/duma-simulator.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { BillPageScan } from '../../shared/sozd/slice-bill-page.js';

const bytes = (html: string) => Buffer.from(new BillPageScan().significantBytes(Buffer.from(html))).toString('utf8');

describe('BillPageScan.significantBytes', () => {
  it('ignores what changes outside the header and the events tab (scripts, counters, the repeated tab)', () => {
    const page = buildBillPage(pageAt(lawBill, 3));
    const noisy = page.replace('</body>', '<script>var requestId = "8f1c";</script></body>').replace('<head>', '<head><meta name="x" content="1">');

    expect(bytes(noisy)).toBe(bytes(page));
    expect(bytes(page).length).toBeLessThan(page.length);
  });

  it('sees a new event', () => {
    expect(bytes(buildBillPage(pageAt(lawBill, 4)))).not.toBe(bytes(buildBillPage(pageAt(lawBill, 3))));
  });

  it('is the whole page when the page is not a bill card, so the parser reports it', () => {
    const error = '<html><body><h1>Страница не найдена</h1></body></html>';

    expect(bytes(error)).toBe(error);
  });
});
