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

  it('keeps the stage of a bill whose stored events reached it, whatever their order in the stored array', () => {
    // The snapshot's latest event (stage 3) is not the array's last (stage 1): a new stage-3 event is no stage change.
    const reading = event('R3', 3, '2024-06-01T10:00:00+03:00');
    const changes = diffBills(bill([e3, e1, e2]), bill([e1, e2, e3, reading]), at);

    expect(changes.map((change) => change.facts)).toEqual([[{ type: 'new-event' }]]);
  });

  it('orders new events of the same moment by event number, one change each, moving the stage once', () => {
    const committee = event('C', 4, '2024-06-18T12:00:00+03:00', { eventNumber: '4.10' });
    const reading = event('R', 4, '2024-06-18T12:00:00+03:00', { eventNumber: '4.2' });

    const changes = diffBills(bill([e3]), bill([e3, committee, reading]), at);

    expect(changes.map((change) => [change.id, change.facts])).toEqual([
      ['1075342-8:R:event', [{ type: 'new-event' }, { type: 'stage-changed', from: stage(3), to: stage(4) }]],
      ['1075342-8:C:event', [{ type: 'new-event' }]],
    ]);
  });

  it('moves the stage back only on a decision that sends the bill back', () => {
    const third = event('T', 5, '2024-06-19T10:00:00+03:00');
    const returned = event('RT', 5, '2024-06-20T10:00:00+03:00', { decisions: ['возвратить законопроект к процедуре второго чтения'] });
    const lateSecond = event('LS', 4, '2024-06-21T10:00:00+03:00');

    const changes = diffBills(bill([e3, third]), bill([e3, third, returned, lateSecond]), at);

    expect(changes.map((change) => change.facts)).toEqual([
      [{ type: 'new-event' }, { type: 'stage-changed', from: stage(5), to: { id: 4, name: 'Рассмотрение законопроекта во втором чтении' } }],
      [{ type: 'new-event' }],
    ]);
  });

  it('reports a status change without archiving as such (archived false)', () => {
    const changes = diffBills(bill([e1]), bill([e1], { status: 'Принят' }), at);

    expect(changes.map((change) => [change.kind, change.facts])).toEqual([
      ['status', [{ type: 'status-changed', from: 'На рассмотрении', to: 'Принят', archived: false }]],
    ]);
  });

  it('gives a status that flips back and forth a new id each time, and the same id for the same snapshot version', () => {
    const pending = bill([e1]);
    const archived = bill([e1], { archived: true, status: 'В архиве' });

    const first = diffBills(pending, archived, at, 1)[0]!.id;
    const sameAgain = diffBills(pending, archived, '2026-11-28T00:00:00.000Z', 1)[0]!.id;
    const back = diffBills(archived, pending, at, 2)[0]!.id;
    const second = diffBills(pending, archived, at, 3)[0]!.id;

    expect(sameAgain).toBe(first);
    expect(new Set([first, back, second]).size).toBe(3);
  });

  it('puts a law number on the event that brought it, not again on the last new event', () => {
    const signed = event('S', 8, '2024-07-08T18:00:00+03:00', { lawNumber: '312-ФЗ' });
    const published = event('P', 11, '2024-07-09T09:00:00+03:00', { publication: 'http://publication.pravo.gov.ru/document/1' });

    const changes = diffBills(bill([e3]), bill([e3, signed, published], { lawNumber: '312-ФЗ' }), at);

    expect(changes.map((change) => change.facts)).toEqual([
      [{ type: 'new-event' }, { type: 'stage-changed', from: stage(3), to: stage(8) }, { type: 'law-number-assigned', lawNumber: '312-ФЗ' }],
      [{ type: 'new-event' }, { type: 'stage-changed', from: stage(8), to: stage(11) }, { type: 'published', publication: 'http://publication.pravo.gov.ru/document/1' }],
    ]);
  });

  it('announces a law number once: not again when a later new event or the stored snapshot already carries it', () => {
    const signed = event('S', 8, '2024-07-08T18:00:00+03:00', { lawNumber: '312-ФЗ' });
    const signedAgain = event('S2', 8, '2024-07-09T18:00:00+03:00', { lawNumber: '312-ФЗ' });

    const fromNewEvents = diffBills(bill([e3]), bill([e3, signed, signedAgain]), at);
    const alreadyStored = diffBills(bill([e3, signed], { lawNumber: '312-ФЗ' }), bill([e3, signed, signedAgain], { lawNumber: '312-ФЗ' }), at);

    expect(fromNewEvents.map((change) => change.facts.filter((fact) => fact.type === 'law-number-assigned'))).toEqual([
      [{ type: 'law-number-assigned', lawNumber: '312-ФЗ' }],
      [],
    ]);
    expect(alreadyStored.map((change) => change.facts)).toEqual([[{ type: 'new-event' }]]);
  });

  it('reports a bill archived under an unchanged status as a status change', () => {
    const changes = diffBills(bill([e1]), bill([e1], { archived: true }), at);

    expect(changes.map((change) => [change.kind, change.facts])).toEqual([
      ['status', [{ type: 'status-changed', from: 'На рассмотрении', to: 'На рассмотрении', archived: true }]],
    ]);
  });

  it('keys a status change as <bill>:<16 hex digits>:status, the short stable id stores and links carry', () => {
    const [change] = diffBills(bill([e1]), bill([e1], { status: 'Принят' }), at);

    expect(change!.id).toMatch(/^1075342-8:[0-9a-f]{16}:status$/);
  });
});
