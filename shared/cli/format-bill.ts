import type { Bill, BillEvent, PlannedEvent } from '../bill/bill.js';
import { stageName } from '../bill/stages.js';

/** `2022-06-01T14:39:34+03:00` → `2022-06-01 14:39`: the Moscow wall-clock time the page shows. */
function wallClock(date: string): string {
  return `${date.slice(0, 10)} ${date.slice(11, 16)}`;
}

function eventLines(event: BillEvent): string[] {
  const indent = ' '.repeat(20);
  return [
    `  ${wallClock(event.date)}  ${event.eventNumber}  ${event.name}`,
    `${indent}stage ${event.stage.id}: ${event.stage.name}`,
    ...event.decisions.map((decision) => `${indent}→ ${decision}`),
    ...(event.lawNumber ? [`${indent}law ${event.lawNumber}`] : []),
  ];
}

function plannedLine(event: PlannedEvent): string {
  const when = event.date ? `date ${wallClock(event.date)} (not fixed)` : 'date not fixed';
  return `  ${event.eventNumber}  ${event.name}  (stage ${event.stage.id}: ${event.stage.name}; ${when})`;
}

/** The stage the bill reached (the stage model's), and the progress bar's when the page disagrees. */
function stageLine(bill: Bill): string {
  const stage = bill.currentStage;
  if (!stage) return '—';
  const page = bill.pageStage && bill.pageStage.id !== stage.id ? `; the page's progress bar shows stage ${bill.pageStage.id}` : '';
  return `${stage.id}: ${stage.name} (${stageName(stage, 'en')})${page}`;
}

/** A bill as a person reads it in a terminal: the header, then every event in date order, then planned events. */
export function formatBill(bill: Bill): string {
  const lines = [
    `Number:      ${bill.number}`,
    `Title:       ${bill.title}${bill.titleComment ? ` ${bill.titleComment}` : ''}`,
    `Status:      ${bill.status}${bill.archived ? ' (archived)' : ''}`,
    `Stage:       ${stageLine(bill)}`,
    `Law number:  ${bill.lawNumber ?? '—'}`,
    `URL:         ${bill.url}`,
    '',
    `Events (${bill.events.length}, in date order):`,
    ...bill.events.flatMap(eventLines),
    '',
    `Planned events (${bill.plannedEvents.length}):`,
    ...bill.plannedEvents.map(plannedLine),
  ];
  return `${lines.join('\n')}\n`;
}
