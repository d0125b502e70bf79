import type { BillChange } from '../bill/bill-change.js';
import { webLink } from '../email/web-link.js';
import { alertTopicMatches, type TopicAlertDependencies } from './alert-topic-matches.js';
import { changeMatchesStages } from './stage-filter.js';

/**
 * Matches the decisions of new bill events against every topic and alerts the followers of each topic that
 * matches, filtered by each follower's stage filter as the change itself would be. Safe to call again with the same changes (a re-queue by the sweeper): alert ids and delivery
 * records are deterministic. Changes without an event or without decisions match nothing.
 * @returns how many topic alerts the changes raised.
 */
export async function matchBillChanges(deps: TopicAlertDependencies, changes: readonly BillChange[]): Promise<number> {
  let alerts = 0;
  for (const change of changes) {
    const decisions = change.event?.decisions ?? [];
    if (!change.event || decisions.length === 0) continue;
    const matched = await alertTopicMatches(
      deps,
      {
        source: 'bill-event',
        title: change.billTitle,
        link: webLink(change.billUrl),
        summary: change.event.name || undefined,
        publishedAt: change.event.date,
        billNumber: change.billNumber,
      },
      { fields: { decisions: decisions.join('\n') } },
      change.id,
      (stages) => changeMatchesStages(change, stages),
    );
    alerts += matched.length;
  }
  return alerts;
}
