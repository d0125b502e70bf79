import type { Bill } from '../bill/bill.js';

/** What the stored snapshot knows that makes an unchanged page cheap to re-check. */
export interface SourceValidators {
  etag?: string;
  lastModified?: string;
  contentHash?: string;
}

/** The outcome of reading one bill from its source. Errors are values: a broken page is an outcome, not a crash. */
export type BillSourceResult =
  /** `validators`: the page came whole (200) with the same fingerprint; the validators it came with. */
  | { kind: 'unchanged'; validators?: { etag?: string; lastModified?: string } }
  | { kind: 'missing' }
  | { kind: 'parsed'; bill: Bill; contentHash: string; etag?: string; lastModified?: string }
  | { kind: 'error'; reason: string; message: string };

/** Where bills come from: sozd over HTTP in production, the Duma simulator in the demo and tests. */
export interface BillSource {
  read(number: string, validators: SourceValidators): Promise<BillSourceResult>;
}
