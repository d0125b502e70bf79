import type { Logger } from '@aws-lambda-powertools/logger';
import type { DroppedBillFollows } from '../store/dropped-bill-follows.js';
import type { FollowerRouteReader } from '../store/follower-route-store.js';
import type { Alert } from '../topics/alert.js';
import type { BillDroppedMessage } from './pipeline-messages.js';
import { raiseAlert, type AlertFanOutDependencies } from './topic-fan-out.js';

export interface DroppedBillDependencies extends AlertFanOutDependencies {
  followers: FollowerRouteReader;
  follows: DroppedBillFollows;
  logger: Logger;
}

/**
 * Tells every follower of a dropped bill, once, that it is no longer found on sozd and no longer watched (an alert
 * routed like any other: email, digest, webhook, Slack, Telegram, whatever their stage filter), then removes what
 * still names the bill as followed: profiles, endpoints and follower items. Every follower is routed before any is
 * removed, so a retry after a crash reaches those still left, and the alert's id (bill and drop time) makes the
 * repeat a no-op for those already told.
 * @returns how many followers were told.
 */
export async function announceDroppedBill(deps: DroppedBillDependencies, message: BillDroppedMessage): Promise<number> {
  const alert: Alert = {
    kind: 'bill-dropped',
    id: `dropped:${message.billNumber}:${message.droppedAt}`,
    createdAt: message.droppedAt,
    billNumber: message.billNumber,
  };
  const told = await raiseAlert(deps, alert, deps.followers.listRoutes(message.billNumber));
  const removed = await deps.follows.forget(message.billNumber);
  deps.logger.info('dropped bill announced', { bill: message.billNumber, told, removed });
  return told;
}
