import { createHash } from 'node:crypto';
import type { Bill, BillEvent } from './bill.js';
import type { BillChange, ChangeFact } from './bill-change.js';
import { billStage, inDateOrder, stageAfter } from './stage-model.js';

/**
 * The changes between the stored snapshot and a fresh parse, one per new dated event (in date order)
 * plus a status change that came without any new event.
 *
 * `previous` is null for a bill known not to exist yet (watched before it was registered): then every
 * event is new. Stage changes follow the stage model (docs/stage-model.md): from the stage the stored events had
 * reached, each new event in date order moves the bill on, or back only by a decision that sends it back.
 * Ids are deterministic, so diffing the same pair twice yields the same ids; `snapshotVersion` (the stored
 * snapshot's version) keeps a status that flips back and forth from reusing an earlier change's id.
 */
export function diffBills(previous: Bill | null, next: Bill, detectedAt: string, snapshotVersion = 0): BillChange[] {
  const known = new Set(previous?.events.map((event) => event.id));
  const fresh = inDateOrder(next.events.filter((event) => !known.has(event.id)));

  let stage = (previous && billStage(previous.events)) ?? null;
  let lawNumber = previous?.lawNumber;
  const changes: BillChange[] = fresh.map((event) => {
    const facts: ChangeFact[] = [{ type: 'new-event' }];
    const reached = stageAfter(stage, event);
    if (reached.id !== stage?.id) facts.push({ type: 'stage-changed', from: stage, to: reached });
    stage = reached;
    if (event.lawNumber && event.lawNumber !== lawNumber) {
      facts.push({ type: 'law-number-assigned', lawNumber: event.lawNumber });
      lawNumber = event.lawNumber;
    }
    if (event.publication) facts.push({ type: 'published', publication: event.publication });
    return eventChange(next, event, facts, detectedAt);
  });

  // Facts about the bill as a whole ride on the last new event; alone, they make a change of their own.
  const billFacts: ChangeFact[] = [];
  if (next.lawNumber && next.lawNumber !== lawNumber) billFacts.push({ type: 'law-number-assigned', lawNumber: next.lawNumber });
  if (previous && (previous.status !== next.status || previous.archived !== next.archived)) {
    billFacts.push({ type: 'status-changed', from: previous.status, to: next.status, archived: next.archived });
  }
  const lastFresh = changes[changes.length - 1];
  if (billFacts.length > 0) {
    if (lastFresh) lastFresh.facts.push(...billFacts);
    else changes.push(billLevelChange(next, billFacts, detectedAt, snapshotVersion));
  }
  return changes;
}

/** The id of the change a dated event makes: deterministic, so every poller, retry and reader names it alike. */
export function eventChangeId(billNumber: string, eventId: string): string {
  return `${billNumber}:${eventId}:event`;
}

function eventChange(bill: Bill, event: BillEvent, facts: ChangeFact[], detectedAt: string): BillChange {
  return {
    id: eventChangeId(bill.number, event.id),
    kind: 'event',
    billNumber: bill.number,
    billTitle: bill.title,
    billUrl: bill.url,
    detectedAt,
    event,
    facts,
  };
}

function billLevelChange(bill: Bill, facts: ChangeFact[], detectedAt: string, snapshotVersion: number): BillChange {
  const digest = createHash('sha256').update(JSON.stringify([snapshotVersion, facts])).digest('hex').slice(0, 16);
  return {
    id: `${bill.number}:${digest}:status`,
    kind: 'status',
    billNumber: bill.number,
    billTitle: bill.title,
    billUrl: bill.url,
    detectedAt,
    facts,
  };
}
