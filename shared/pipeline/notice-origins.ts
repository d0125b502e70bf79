import type { Bill } from '../bill/bill.js';
import { billOrigins, originSignature, type BillOrigin } from '../origins/bill-origin.js';

/**
 * The signature of the origins a new snapshot should notice: set when it names other origins than the one before it
 * (its passport read for the first time, a committee assigned or changed, initiators changed), which alerts the
 * followers of its committee and initiators. The same origins again notice nothing.
 */
export function newOriginSignature(previous: Bill | undefined, bill: Bill): string | undefined {
  // The same origins, spelled the same, sign the same: most polls of a bill hash and normalise no name at all.
  if (previous && sameOrigins(billOrigins(previous), billOrigins(bill))) return undefined;
  const signature = originSignature(bill);
  return signature && signature !== originSignature(previous) ? signature : undefined;
}

function sameOrigins(a: readonly BillOrigin[], b: readonly BillOrigin[]): boolean {
  return a.length === b.length && a.every((origin, index) => origin.kind === b[index]!.kind && origin.name === b[index]!.name);
}
