import { deflateSync, inflateSync } from 'node:zlib';
import type { Bill } from '../bill/bill.js';

/**
 * The snapshot item's attribute that holds the bill: its JSON, compressed with zlib (RFC 1950: DEFLATE with an
 * Adler-32 check; `zlib.decompress` in Python, `inflateSync` in Node). It is a binary attribute (B), not a string:
 * a real bill's JSON is 10–40 KB and deflates to 3–7 KB, so a save costs a fifth of the write units (one per KB; the
 * ten real pages' snapshots 271 → 61), and a bill with hundreds of events stays far from the 400 KB item limit. CPU
 * comes out about even: compressing costs about what the SDK spends writing a long string into the request a
 * character at a time (against dynalite, a save 0.05–0.14 ms cheaper, a read 0.07–0.10 ms dearer).
 */
export const BILL_DEFLATED = 'billDeflated';

/**
 * Level 1: on the ten real pages, in turn, it compressed 261 KB of JSON to 51 KB for ~0.14 ms CPU a bill and inflated
 * it in ~0.05 ms; level 6 made it 12 % smaller for twice the CPU. Brotli at quality 1 was as small, 0.05 ms cheaper to
 * compress and 0.01 ms dearer to inflate: not worth losing the zlib format's check (Adler-32, 6 bytes), which fails a
 * damaged snapshot instead of reading it as another bill.
 */
const LEVEL = 1;

/** Thrown when a stored snapshot cannot be read back as a bill. */
export class CorruptSnapshotError extends Error {
  override readonly name = 'CorruptSnapshotError';
}

/** The bytes to store in {@link BILL_DEFLATED}. */
export function encodeBillSnapshot(bill: Bill): Buffer {
  return deflateSync(JSON.stringify(bill), { level: LEVEL });
}

/**
 * The bill of a snapshot item in any layout it was ever saved in, newest first: {@link BILL_DEFLATED}; `billJson`, the
 * JSON as a string (saved before the bill was compressed); `bill`, a DynamoDB map (saved before that). A save writes
 * the first and removes the others, so an older layout lasts until the bill's next change. Undefined when the item
 * holds none (no good parse yet).
 * @throws CorruptSnapshotError naming the bill when the stored bill cannot be read: never an empty bill, which the
 * next poll would diff against and alert every event of the page as new
 */
export function decodeBillSnapshot(number: string, item: Record<string, unknown>): Bill | undefined {
  const deflated = item[BILL_DEFLATED];
  if (deflated !== undefined) {
    if (!(deflated instanceof Uint8Array)) throw new CorruptSnapshotError(`bill ${number}: ${BILL_DEFLATED} is not binary`);
    return parseBillJson(number, () => inflateSync(deflated).toString('utf8'));
  }
  const json = item.billJson;
  if (typeof json === 'string') return parseBillJson(number, () => json);
  // A map is DynamoDB's own structure: whatever a projection kept of it (the week ahead reads a few fields) is the bill.
  return item.bill as Bill | undefined;
}

function parseBillJson(number: string, text: () => string): Bill {
  let bill: unknown;
  try {
    bill = JSON.parse(text());
  } catch (error) {
    throw new CorruptSnapshotError(`bill ${number}: its stored snapshot cannot be read (${(error as Error).message})`, { cause: error });
  }
  if (typeof bill !== 'object' || bill === null || !Array.isArray((bill as Partial<Bill>).events)) {
    throw new CorruptSnapshotError(`bill ${number}: its stored snapshot is not a bill`);
  }
  return bill as Bill;
}
