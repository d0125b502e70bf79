import type { BillChange } from '../bill/bill-change.js';
import type { Alert } from '../topics/alert.js';

/** One entry of a digest, in reading order: a bill change, or an alert (topic match, "in the news", "new bill from …"). */
export type DigestEntry = { kind: 'change'; change: BillChange } | { kind: 'alert'; alert: Alert };

/**
 * A digest's reading order: the changes in their given order, each bill's news right after that bill's last change
 * (so it reads under the bill's entry), then news about bills with no change this time, grouped by bill, then topic
 * notices of bills no longer watched, then topic matches and new bills from followed committees and initiators, each
 * list keeping its given order.
 */
export function orderDigestEntries(changes: readonly BillChange[], alerts: readonly Alert[]): DigestEntry[] {
  const newsByBill = new Map<string, Alert[]>();
  for (const alert of alerts) {
    if (alert.kind !== 'bill-news') continue;
    newsByBill.set(alert.billNumber, [...(newsByBill.get(alert.billNumber) ?? []), alert]);
  }
  const lastChangeOfBill = new Map(changes.map((change, index) => [change.billNumber, index]));
  const entries: DigestEntry[] = [];
  changes.forEach((change, index) => {
    entries.push({ kind: 'change', change });
    if (lastChangeOfBill.get(change.billNumber) !== index) return;
    for (const alert of newsByBill.get(change.billNumber) ?? []) entries.push({ kind: 'alert', alert });
    newsByBill.delete(change.billNumber);
  });
  for (const news of newsByBill.values()) entries.push(...news.map((alert) => ({ kind: 'alert' as const, alert })));
  for (const alert of alerts) if (alert.kind === 'bill-dropped') entries.push({ kind: 'alert', alert });
  for (const alert of alerts) if (alert.kind === 'topic-match' || alert.kind === 'new-bill') entries.push({ kind: 'alert', alert });
  return entries;
}
