import { BillChangeSchema, type BillChange, type ChangeFact } from '../../shared/bill/bill-change.js';
import type { BillEvent } from '../../shared/bill/bill.js';

export const BILL_URL = 'https://sozd.duma.gov.ru/bill/1075342-8';
export const BILL_TITLE = 'О внесении изменений в Федеральный закон "Об информации, информационных технологиях и о защите информации"';
export const DECISION = 'Принять законопроект во втором чтении';

/** The second reading of bill 1075342-8 as sozd shows it, with two documents. */
export function secondReadingEvent(overrides: Partial<BillEvent> = {}): BillEvent {
  return {
    id: '9f1c2b7e-0000-4000-8000-000000000001',
    eventNumber: '4.1',
    name: 'Рассмотрение законопроекта во втором чтении',
    stage: { id: 4, name: 'Рассмотрение законопроекта во втором чтении' },
    date: '2022-06-01T14:39:34+03:00',
    decisions: [DECISION],
    protocol: '№ 123 (4) от 01.06.2022',
    documents: [
      { title: 'Таблица поправок', url: 'https://sozd.duma.gov.ru/download/AAA-111' },
      { title: 'Текст законопроекта ко второму чтению', url: 'https://sozd.duma.gov.ru/download/BBB-222' },
    ],
    ...overrides,
  };
}

/** A validated change for bill 1075342-8 carrying the given facts about `event` (null: a status change without one). */
export function billChange(facts: ChangeFact[], event: BillEvent | null = secondReadingEvent()): BillChange {
  return BillChangeSchema.parse({
    id: `1075342-8:${event?.id ?? 'status'}:event`,
    kind: event ? 'event' : 'status',
    billNumber: '1075342-8',
    billTitle: BILL_TITLE,
    billUrl: BILL_URL,
    detectedAt: '2022-06-01T12:05:00Z',
    event: event ?? undefined,
    facts,
  });
}

export const STAGE_CHANGE: ChangeFact[] = [
  { type: 'new-event' },
  {
    type: 'stage-changed',
    from: { id: 3, name: 'Рассмотрение законопроекта в первом чтении' },
    to: { id: 4, name: 'Рассмотрение законопроекта во втором чтении' },
  },
];
