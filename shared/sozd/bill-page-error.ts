/**
 * Why a page could not be read as a bill card:
 * - `no-bill-number`: no bill number in the header (error page, empty body, not a bill page);
 * - `no-history`: a bill header but no "ЭРК по событиям" tab (`#bh_histras`);
 * - `truncated`: the events tab starts but never ends (the body was cut off);
 * - `layout-changed`: the events tab holds markup the parser does not recognise, so it could miss events;
 * - `no-events`: the events tab holds no dated event;
 * - `invalid`: what was read does not make a valid Bill.
 */
export type BillPageErrorReason =
  | 'no-bill-number'
  | 'no-history'
  | 'truncated'
  | 'layout-changed'
  | 'no-events'
  | 'invalid';

/** A page that is not a readable sozd bill card. Callers must treat it as "no news", never as "the bill changed". */
export class BillPageError extends Error {
  override readonly name = 'BillPageError';

  constructor(
    readonly reason: BillPageErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${reason}: ${message}`, options);
  }
}
