import type { Element } from 'domhandler';
import type { BillEvent, DocumentLink, PlannedEvent, Stage } from '../bill/bill.js';
import { BillPageError } from './bill-page-error.js';
import { attribute, hasClass, normalizedText, numberedClass, parseRegion, queryAll, queryEach, queryOne, sozdUrl } from './page-dom.js';
import { moscowLocalToIso } from './moscow-time.js';

/** The events of the "ЭРК по событиям" tab, in page order. */
export interface BillHistory {
  events: BillEvent[];
  plannedEvents: PlannedEvent[];
}

const DOWNLOAD_PATH = /^\/download\/([0-9A-Fa-f-]{36})$/;
const FILE_LINKS = 'a.a_event_files';
const EVENT_NUMBER = 'data-eventnum=';

/**
 * What a dated event's subtree is read for, found in one walk: its protocol, resolution and law number (by their
 * tooltips), its link to the published law, its decisions and its file links.
 */
const DATED_EVENT_PARTS = [
  '[data-original-title="Номер и пункт протокола"]',
  '[data-original-title^="Номер постановления"]',
  '[data-original-title="Номер федерального закона"]',
  'a[href*="publication.pravo.gov.ru"]',
  '.algstname span.name ul > li',
  FILE_LINKS,
] as const;

function layoutChanged(message: string): BillPageError {
  return new BillPageError('layout-changed', message);
}

/** The file links of an event (`a.a_event_files`) as its documents, each address once. */
function documentsOf(links: readonly Element[]): DocumentLink[] {
  const documents = new Map<string, DocumentLink>();
  for (const link of links) {
    const address = sozdUrl(attribute(link, 'href'));
    if (!address || documents.has(address.href)) continue;
    const { href: url, pathname } = address;
    const id = DOWNLOAD_PATH.exec(pathname)?.[1];
    const title = normalizedText(queryOne('.doc_wrap', link)) || normalizedText(link);
    documents.set(url, id ? { id, title, url } : { title, url });
  }
  return [...documents.values()];
}

function datedEvent(event: Element, eventNumber: string, name: string, stage: Stage): BillEvent {
  const id = attribute(event, 'id')?.trim();
  const rawDate = attribute(event, 'data-eventdate');
  if (!id) throw layoutChanged(`an event ${eventNumber} of stage ${stage.id} has no id`);
  const date = rawDate === undefined ? undefined : moscowLocalToIso(rawDate);
  if (!date) throw layoutChanged(`event ${id} has no readable date (data-eventdate=${JSON.stringify(rawDate)})`);

  const [protocols, resolutions, laws, publicationLinks, decisions, fileLinks] = queryEach(DATED_EVENT_PARTS, event);
  const protocol = normalizedText(protocols[0]);
  const resolution = normalizedText(resolutions[0]);
  const lawNumber = normalizedText(laws[0]);
  const publication = publicationLinks[0] && attribute(publicationLinks[0], 'href')?.trim();
  const decisionTexts = decisions.map((item) => normalizedText(item)).filter((text) => text !== '');
  // Optional fields are set, not spread in (`...(x ? { x } : {})`): V8 copies a spread object on a slow path, ~2 µs
  // each, which was a tenth of a page's parse over its events and documents. The schema orders the keys either way.
  const read: BillEvent = { id, eventNumber, name, stage, date, decisions: decisionTexts, documents: documentsOf(fileLinks) };
  if (protocol) read.protocol = protocol;
  if (resolution) read.resolution = resolution;
  if (lawNumber) read.lawNumber = lawNumber;
  if (publication) read.publication = publication;
  return read;
}

function plannedEvent(event: Element, eventNumber: string, typeName: string | undefined, stage: Stage): PlannedEvent {
  const id = attribute(event, 'id')?.trim();
  const rawDate = attribute(event, 'data-eventdate');
  const date = rawDate === undefined ? undefined : moscowLocalToIso(rawDate);
  // The event's own unclassed <div> names it; the type header is the fallback for pages that omit it.
  const ownName = event.children.find(
    (child): child is Element => child.type === 'tag' && child.name === 'div' && !attribute(child, 'class'),
  );
  return {
    ...(id ? { id } : {}),
    eventNumber,
    name: normalizedText(ownName) || typeName || '',
    stage,
    ...(date ? { date } : {}),
    documents: documentsOf(queryAll(FILE_LINKS, event)),
  };
}

/**
 * Reads every event of the events-tab slice (its UTF-8 bytes). Type headers (`bh_etap_not`) name the events after them with the same
 * `data-eventnum`; `future_event`s are planned. Every element carrying `data-eventnum` must be understood.
 * @throws BillPageError `layout-changed` when an event lacks its id, date, number or stage, or lies outside a stage;
 *   `no-events` when the tab holds no dated event.
 */
export function parseBillHistory(historyHtml: Buffer): BillHistory {
  const doc = parseRegion(historyHtml, 'events tab');
  const events: BillEvent[] = [];
  const plannedEvents: PlannedEvent[] = [];
  let elementsRead = 0;

  for (const block of queryAll('div.root-stage', doc)) {
    const stageId = numberedClass(block, 'bhi');
    if (stageId === undefined) throw layoutChanged('a stage block (div.root-stage) has no bhiN class');
    const stage: Stage = { id: stageId, name: normalizedText(queryOne('.ttl', block)) };
    const typeNames = new Map<string, string>();

    for (const event of queryAll('.oz_event', block)) {
      elementsRead += 1;
      const eventNumber = attribute(event, 'data-eventnum')?.trim();
      if (!eventNumber) throw layoutChanged(`an event of stage ${stageId} has no data-eventnum`);
      if (hasClass(event, 'bh_etap_not')) {
        typeNames.set(eventNumber, normalizedText(queryOne('.name', event) ?? event));
      } else if (hasClass(event, 'future_event')) {
        plannedEvents.push(plannedEvent(event, eventNumber, typeNames.get(eventNumber), stage));
      } else {
        events.push(datedEvent(event, eventNumber, typeNames.get(eventNumber) ?? '', stage));
      }
    }
  }

  // Every event element carries data-eventnum: any we did not read means renamed classes or markup outside a stage.
  let elementsOnPage = 0;
  for (let at = historyHtml.indexOf(EVENT_NUMBER); at !== -1; at = historyHtml.indexOf(EVENT_NUMBER, at + EVENT_NUMBER.length)) elementsOnPage += 1;
  if (elementsOnPage !== elementsRead) {
    throw layoutChanged(`the events tab has ${elementsOnPage} event elements but only ${elementsRead} sit in known stage blocks`);
  }
  const ids = new Set(events.map((event) => event.id));
  if (ids.size !== events.length) throw layoutChanged('the events tab repeats an event id');
  if (events.length === 0) throw new BillPageError('no-events', 'the events tab holds no dated event');
  return { events, plannedEvents };
}
