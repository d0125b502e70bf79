import { createHash } from 'node:crypto';
import type { Bill, BillEvent, Stage } from './bill.js';
import type { BillChange, ChangeFact } from './bill-change.js';

/**
 * The changes between the stored snapshot and a fresh parse, one per new dated event (in date order)
 * plus a status change that came without any new event.
 *
 * `previous` is null for a bill known not to exist yet (watched before it was registered): then every
 * event is new. Ids are deterministic, so diffing the same pair twice yields the same ids.
 */
export function diffBills(previous: Bill | null, next: Bill, detectedAt: string): BillChange[] {
  const known = new Set(previous?.events.map((event) => event.id));
  const fresh = next.events.filter((event) => !known.has(event.id));

  let stage: Stage | null = latestEvent(previous?.events ?? [])?.stage ?? null;
  let latestDate = latestEvent(previous?.events ?? [])?.date ?? '';
  let lawNumber = previous?.lawNumber;
  const changes: BillChange[] = fresh.map((event) => {
    const facts: ChangeFact[] = [{ type: 'new-event' }];
    // A late-filed event dated before the latest one does not move the bill back to its stage.
    if (event.date >= latestDate) {
      if (stage?.id !== event.stage.id) facts.push({ type: 'stage-changed', from: stage, to: event.stage });
      stage = event.stage;
      latestDate = event.date;
    }
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
    else changes.push(billLevelChange(next, billFacts, detectedAt));
  }
  return changes;
}

function latestEvent(events: readonly BillEvent[]): BillEvent | undefined {
  let latest: BillEvent | undefined;
  for (const event of events) if (!latest || event.date >= latest.date) latest = event;
  return latest;
}

function eventChange(bill: Bill, event: BillEvent, facts: ChangeFact[], detectedAt: string): BillChange {
  return {
    id: `${bill.number}:${event.id}:event`,
    kind: 'event',
    billNumber: bill.number,
    billTitle: bill.title,
    billUrl: bill.url,
    detectedAt,
    event,
    facts,
  };
}

function billLevelChange(bill: Bill, facts: ChangeFact[], detectedAt: string): BillChange {
  const digest = createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 16);
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
