import { compareEventNumbers } from '../sozd/event-number.js';
import { normalizePhrase } from '../vocabulary/normalize-phrase.js';
import type { BillEvent, Stage } from './bill.js';
import { knownStage } from './stages.js';

/**
 * A decision of the Duma, the Federation Council or the President that sends the bill to a stage it would not reach by
 * moving on: a return to an earlier reading, a rejection, a law re-adopted after a rejection going to the Council again.
 * Phrases as sozd writes them (normalised), English ones from sozd's English pages.
 */
interface SendingDecision {
  /** The decision's opening words. */
  phrase: string;
  /** Only a decision recorded in this stage sends the bill (a rejection means something else in each). */
  inStages: readonly number[];
  to: number;
}

const SENDING_DECISIONS: readonly SendingDecision[] = [
  { phrase: 'возвратить законопроект к процедуре первого чтения', inStages: [4, 5], to: 3 },
  { phrase: 'возвратить законопроект к процедуре второго чтения', inStages: [5], to: 4 },
  { phrase: 'закон отклонен', inStages: [6], to: 7 },
  { phrase: 'отклонить закон', inStages: [6], to: 7 },
  { phrase: 'закон отклонен', inStages: [8], to: 9 },
  { phrase: 'law deviated', inStages: [8], to: 9 },
  { phrase: 'law rejected', inStages: [8], to: 9 },
  { phrase: 'принять закон в редакции согласительной комиссии', inStages: [7], to: 6 },
  { phrase: 'принять закон в ранее принятой редакции', inStages: [7], to: 8 },
  { phrase: 'одобрить закон в ранее принятой редакции', inStages: [9], to: 6 },
  { phrase: 'принять закон в редакции специальной комиссии', inStages: [9], to: 6 },
];

/** The stage a decision of this event sends the bill to, if one does. */
export function stageSentTo(event: BillEvent): Stage | undefined {
  // Most stages have no sending decision: their events' decisions, often long, are not normalised at all.
  const candidates = SENDING_DECISIONS.filter((candidate) => candidate.inStages.includes(event.stage.id));
  if (candidates.length === 0) return undefined;
  for (const decision of event.decisions) {
    const text = normalizePhrase(decision);
    const rule = candidates.find((candidate) => text.startsWith(candidate.phrase));
    if (rule) return knownStage(rule.to);
  }
  return undefined;
}

/**
 * The stage the bill is in after `event`, given the stage it was in before (null before its first event).
 * The stage is what the bill has reached: an event of a later stage moves it on, an event of the same or an earlier
 * stage (a late government letter, a document filed after the reading) is an event in that stage and moves nothing.
 * Only a decision that sends the bill somewhere (see {@link stageSentTo}) moves it back.
 */
export function stageAfter(current: Stage | null, event: BillEvent): Stage {
  const sent = stageSentTo(event);
  if (sent) return sent;
  if (current === null || event.stage.id > current.id) return event.stage;
  return current;
}

/** Events in the order they happened: by date, then by event number for events of the same moment. */
export function inDateOrder(events: readonly BillEvent[]): BillEvent[] {
  return [...events].sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || compareEventNumbers(a.eventNumber, b.eventNumber));
}

/**
 * The bill's stage: the one function that says where a bill is, for the parsed page, the stored snapshot, the CLI and
 * every alert. Undefined for a bill without events.
 */
export function billStage(events: readonly BillEvent[]): Stage | undefined {
  let stage: Stage | null = null;
  for (const event of inDateOrder(events)) stage = stageAfter(stage, event);
  return stage ?? undefined;
}
