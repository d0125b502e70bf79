import type { Logger } from '@aws-lambda-powertools/logger';
import { billOrigins, originId, type BillOrigin } from '../origins/bill-origin.js';
import type { BillStore } from '../store/bill-store.js';
import type { DeliveryRoute } from '../store/follower-route-store.js';
import type { OriginStore } from '../store/origin-store.js';
import type { Alert } from '../topics/alert.js';
import type { OriginFanOutMessage } from './pipeline-messages.js';
import { raiseAlert, type AlertFanOutDependencies } from './topic-fan-out.js';

export interface NewBillAlertDependencies extends AlertFanOutDependencies {
  bills: Pick<BillStore, 'get'>;
  origins: OriginStore;
  now: () => Date;
  logger: Logger;
}

/** What one bill's origins set off. */
export interface NewBillAlerts {
  billNumber: string;
  /** One per origin that had followers new to the bill. */
  alertIds: string[];
  /** Followers who got an alert and now follow the bill. */
  followers: number;
}

/**
 * Alerts the followers of a bill's committee and initiators: each follower who does not follow the bill yet gets one
 * "new bill from …" alert (from the first of its origins they follow: the committee, then the initiators in passport
 * order) and follows the bill from then on. The catalog of seen origins is updated from the passport. A bill nobody
 * follows afterwards (one read from the new-bill feed only to learn its origins) leaves the watch list. Repeatable: alert
 * ids are `new-bill:<origin>:<bill>`, and a follow records the alert that made it, so a retry routes the same again.
 */
export async function alertNewBill(deps: NewBillAlertDependencies, message: OriginFanOutMessage): Promise<NewBillAlerts | undefined> {
  const bill = (await deps.bills.get(message.billNumber))?.bill;
  if (!bill) {
    deps.logger.warn('queued bill origins not found; nothing to alert', { bill: message.billNumber });
    return undefined;
  }
  const at = deps.now().toISOString();
  const origins = billOrigins(bill);
  await deps.origins.recordSeen(origins, bill.number, at);
  const result: NewBillAlerts = { billNumber: bill.number, alertIds: [], followers: 0 };
  for (const origin of origins) {
    const alert: Alert = {
      kind: 'new-bill',
      id: `new-bill:${originId(origin.kind, origin.name)}:${bill.number}`,
      createdAt: at,
      item: { source: 'bill-event', title: bill.title, link: bill.url, billNumber: bill.number },
      billNumber: bill.number,
      origin,
    };
    const claimed = await claimFollowers(deps, origin, alert.id, bill.number);
    if (claimed.length === 0) continue;
    result.followers += await raiseAlert(deps, alert, once(claimed));
    result.alertIds.push(alert.id);
  }
  await deps.origins.releaseIfUnfollowed(bill.number);
  if (result.followers > 0) deps.logger.info('new bill alerted', { ...result });
  return result;
}

/** The origin's followers who now follow the bill by this alert (not those who followed it before, some other way). */
async function claimFollowers(deps: NewBillAlertDependencies, origin: BillOrigin, alertId: string, billNumber: string): Promise<DeliveryRoute[]> {
  const id = originId(origin.kind, origin.name);
  const claimed: DeliveryRoute[] = [];
  for await (const page of deps.origins.listFollowers(id)) {
    for (const route of page) if (await deps.origins.followBill(billNumber, route, { originId: id, alertId })) claimed.push(route);
  }
  return claimed;
}

async function* once<T>(page: T[]): AsyncIterable<T[]> {
  yield page;
}
