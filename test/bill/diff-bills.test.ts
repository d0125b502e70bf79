import { describe, expect, it } from 'vitest';
import type { Bill, BillEvent } from '../../shared/bill/bill.js';
import { diffBills } from '../../shared/bill/diff-bills.js';

const at = '2026-11-26T12:00:00.000Z';
const stage = (id: number) => ({ id, name: `stage ${id}` });

function event(id: string, stageId: number, date: string, extra: Partial<BillEvent> = {}): BillEvent {
  return { id, eventNumber: `${stageId}.1`, name: `event ${id}`, stage: stage(stageId), date, decisions: [], documents: [], ...extra };
}

function bill(events: BillEvent[], extra: Partial<Bill> = {}): Bill {
  return {
    number: '1075342-8',
    url: 'https://sozd.duma.gov.ru/bill/1075342-8',
    title: 'О законе',
    status: 'На рассмотрении',
    archived: false,
    passport: [],
    events,
    plannedEvents: [],
    ...extra,
  };
}

const e1 = event('E1', 1, '2024-03-04T10:00:00+03:00');
const e2 = event('E2', 1, '2024-03-05T10:00:00+03:00');
const e3 = event('E3', 3, '2024-05-14T13:00:00+03:00', { decisions: ['принять в первом чтении'] });

describe('diffBills', () => {
  it('finds nothing between a snapshot and itself', () => {
    expect(diffBills(bill([e1, e2]), bill([e1, e2]), at)).toEqual([]);
  });

  it('makes one change per new event, in date order, with a stage change old → new where the stage moved', () => {
    const changes = diffBills(bill([e1]), bill([e1, e2, e3]), at);

    expect(changes.map((change) => [change.id, change.facts])).toEqual([
      ['1075342-8:E2:event', [{ type: 'new-event' }]],
      ['1075342-8:E3:event', [{ type: 'new-event' }, { type: 'stage-changed', from: stage(1), to: stage(3) }]],
    ]);
  });

  it('treats every event as new for a bill known not to exist before', () => {
    const changes = diffBills(null, bill([e1]), at);

    expect(changes).toHaveLength(1);
    expect(changes[0]!.facts).toEqual([{ type: 'new-event' }, { type: 'stage-changed', from: null, to: stage(1) }]);
  });

  it('does not move the stage back for a late-filed event dated before the latest', () => {
    const late = event('L', 1, '2024-03-06T10:00:00+03:00');
    const changes = diffBills(bill([e1, e3]), bill([e1, late, e3]), at);

    expect(changes.map((change) => change.facts)).toEqual([[{ type: 'new-event' }]]);
  });

  it('puts a law number and the archive on the event that brought them', () => {
    const signed = event('S', 8, '2024-07-08T18:00:00+03:00', { lawNumber: '312-ФЗ' });
    const changes = diffBills(bill([e3]), bill([e3, signed], { lawNumber: '312-ФЗ', archived: true, status: 'В архиве' }), at);

    expect(changes).toHaveLength(1);
    expect(changes[0]!.facts).toEqual([
      { type: 'new-event' },
      { type: 'stage-changed', from: stage(3), to: stage(8) },
      { type: 'law-number-assigned', lawNumber: '312-ФЗ' },
      { type: 'status-changed', from: 'На рассмотрении', to: 'В архиве', archived: true },
    ]);
  });

  it('makes a status change of its own when no event came with it, with the same id every time', () => {
    const previous = bill([e1]);
    const next = bill([e1], { archived: true, status: 'В архиве' });

    const first = diffBills(previous, next, at);
    const again = diffBills(previous, next, '2026-11-27T00:00:00.000Z');

    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: 'status', facts: [{ type: 'status-changed', from: 'На рассмотрении', to: 'В архиве', archived: true }] });
    expect(again[0]!.id).toBe(first[0]!.id);
  });

  it('marks a publication', () => {
    const published = event('P', 11, '2024-07-09T09:00:00+03:00', { publication: 'http://publication.pravo.gov.ru/document/1' });
    const changes = diffBills(bill([e3]), bill([e3, published]), at);

    expect(changes[0]!.facts).toContainEqual({ type: 'published', publication: 'http://publication.pravo.gov.ru/document/1' });
  });
});
