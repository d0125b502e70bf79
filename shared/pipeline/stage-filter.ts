import type { BillChange } from '../bill/bill-change.js';

/**
 * Whether a change passes a follower's stage filter: its event is in one of the chosen stages, or it moves the bill
 * into one. A change that names no stage at all (a status change without an event) passes: the filter is about
 * stages, and would otherwise silently hide that the bill was archived or withdrawn.
 */
export function changeMatchesStages(change: BillChange, stages: 'all' | readonly number[]): boolean {
  if (stages === 'all') return true;
  const chosen = new Set(stages);
  const touched = [
    ...(change.event ? [change.event.stage.id] : []),
    ...change.facts.flatMap((fact) => (fact.type === 'stage-changed' ? [fact.to.id] : [])),
  ];
  return touched.length === 0 || touched.some((id) => chosen.has(id));
}
