import type { AlertStore } from '../store/alert-store.js';
import type { DeliveryRoute } from '../store/follower-route-store.js';
import type { TopicStore } from '../store/topic-store.js';
import type { Alert } from '../topics/alert.js';
import { fanOutAlert, type AlertRouteDependencies } from './fan-out.js';

export interface AlertFanOutDependencies extends AlertRouteDependencies {
  alerts: AlertStore;
}

/**
 * Writes the alert once (its id is deterministic) and routes it to every follower by channel, frequency and stage
 * filter, a page at a time. Routed even when the alert already existed: a run that crashed after writing it must
 * still deliver, and delivery records and digest keys make a repeat a no-op.
 * @returns how many followers were routed the alert.
 */
export async function raiseAlert(
  deps: AlertFanOutDependencies,
  alert: Alert,
  followers: AsyncIterable<readonly DeliveryRoute[]>,
  passesStages?: (stages: readonly number[]) => boolean,
): Promise<number> {
  await deps.alerts.putIfAbsent(alert);
  return fanOutAlert(deps, alert, followers, passesStages);
}

/** The followers of every topic id of a catalog entry (ways of writing one query), page by page. */
export async function* topicFollowers(topics: TopicStore, topicIds: readonly string[]): AsyncIterable<DeliveryRoute[]> {
  for (const topicId of topicIds) yield* topics.listFollowers(topicId);
}
