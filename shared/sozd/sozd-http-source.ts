import { billUrl } from '../bill/bill.js';
import { FetchError } from '../http/fetch-error.js';
import type { PoliteFetcher } from '../http/polite-fetcher.js';
import type { BillSource, BillSourceResult, SourceValidators } from './bill-source.js';
import { BillPageError, parseBillPageBytes } from './parse-bill-page.js';
import { BillPageScan } from './slice-bill-page.js';

/**
 * Bills read from sozd (or anything serving pages in its structure, like the Duma simulator) over HTTP:
 * a conditional GET, then the parser. Every failure comes back as an `error` result naming its reason.
 */
export function createSozdHttpSource(fetcher: PoliteFetcher, baseUrl: string): BillSource {
  return {
    async read(number: string, validators: SourceValidators): Promise<BillSourceResult> {
      const url = billUrl(number, baseUrl);
      // The scan of the page that comes back (the fetcher's last body): the markers found while it arrived slice it.
      let scan: BillPageScan | undefined;
      try {
        const page = await fetcher.get(url, {
          etag: validators.etag,
          lastModified: validators.lastModified,
          previousHash: validators.contentHash,
          bodyReader: () => (scan = new BillPageScan()),
        });
        if (page.kind === 'not-modified') return { kind: 'unchanged' };
        if (page.kind === 'unchanged') return { kind: 'unchanged', validators: { etag: page.etag, lastModified: page.lastModified } };
        const bill = parseBillPageBytes(page.body, { url, contentType: page.contentType, scan });
        return { kind: 'parsed', bill, contentHash: page.hash, etag: page.etag, lastModified: page.lastModified };
      } catch (error) {
        if (error instanceof FetchError && error.reason === 'not-found') return { kind: 'missing' };
        if (error instanceof FetchError || error instanceof BillPageError) {
          return { kind: 'error', reason: error instanceof FetchError ? `fetch-${error.reason}` : `page-${error.reason}`, message: error.message };
        }
        throw error;
      }
    },
  };
}
