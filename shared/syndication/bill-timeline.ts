import type { Bill, BillEvent, PlannedEvent } from '../bill/bill.js';
import { inDateOrder, stageAfter } from '../bill/stage-model.js';
import { stageName, type Language } from '../bill/stages.js';
import { webLink } from '../email/web-link.js';
import { lawNumberText, protocolText, sozdText } from '../vocabulary/sozd-text.js';

/** A document of an event, named in the reader's language, with its address when it is a safe web link. */
export interface TimelineDocument {
  title: string;
  url?: string;
}

/** One dated event as the public page and the feeds show it, every text in the reader's language. */
export interface TimelineItem {
  event: BillEvent;
  name: string;
  /** The stage change this event made by the stage model (shared/bill/stage-model.ts): names from → to, `from` absent for the first. */
  stageChange?: { from?: string; to: string };
  decisions: string[];
  protocol?: string;
  lawNumber?: string;
  documents: TimelineDocument[];
}

/** A planned event in the reader's language. */
export interface PlannedItem {
  event: PlannedEvent;
  name: string;
  stage: string;
  documents: TimelineDocument[];
}

/**
 * The bill's dated events in the order they happened, each with the stage change it made, in the reader's language:
 * the same English as the alerts (shared/vocabulary), unknown text kept as "(original, Russian): …".
 */
export function billTimeline(bill: Bill, language: Language): TimelineItem[] {
  let stage: BillEvent['stage'] | null = null;
  return inDateOrder(bill.events).map((event) => {
    const before = stage;
    stage = stageAfter(before, event);
    const moved = before === null || before.id !== stage.id;
    return {
      event,
      name: sozdText('event', event.name, language),
      ...(moved ? { stageChange: { ...(before ? { from: stageName(before, language) } : {}), to: stageName(stage, language) } } : {}),
      decisions: event.decisions.map((decision) => sozdText('decision', decision, language)),
      ...(event.protocol ? { protocol: protocolText(event.protocol, language) } : {}),
      ...(event.lawNumber ? { lawNumber: lawNumberText(event.lawNumber, language) } : {}),
      documents: event.documents.map((document) => timelineDocument(document.title, document.url, language)),
    };
  });
}

/** The bill's planned events in the reader's language, in the page's order. */
export function plannedItems(bill: Bill, language: Language): PlannedItem[] {
  return bill.plannedEvents.map((event) => ({
    event,
    name: sozdText('event', event.name, language),
    stage: stageName(event.stage, language),
    documents: event.documents.map((document) => timelineDocument(document.title, document.url, language)),
  }));
}

function timelineDocument(title: string, url: string, language: Language): TimelineDocument {
  const safe = webLink(url);
  return { title: sozdText('document', title, language), ...(safe ? { url: safe } : {}) };
}
