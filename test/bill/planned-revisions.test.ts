import { describe, expect, it } from 'vitest';
import type { PlannedEvent } from '../../shared/bill/bill.js';
import { plannedEventKeys, revisePlannedDates } from '../../shared/bill/planned-revisions.js';

const planned = (eventNumber: string, date?: string, id?: string): PlannedEvent => ({
  ...(id ? { id } : {}),
  eventNumber,
  name: 'Рассмотрение законопроекта во втором чтении',
  stage: { id: Number(eventNumber.split('.')[0]), name: 'x' },
  ...(date ? { date } : {}),
  documents: [],
});

describe('keys of planned events', () => {
  it('are stage and event number, numbered when repeated, or the element id when the page gives one', () => {
    expect(plannedEventKeys([planned('4.1'), planned('4.1'), planned('6.1'), planned('3.1', undefined, 'guid-1')])).toEqual([
      '4:4.1',
      '4:4.1#2',
      '6:6.1',
      'guid-1',
    ]);
  });
});

describe('revisions of planned dates', () => {
  const first = '2026-11-21T09:00:00.000Z';
  const later = '2026-11-23T09:00:00.000Z';

  it('start a new planned event at sequence 0, stamped when it was first stored', () => {
    expect(revisePlannedDates(undefined, [planned('4.1', '2026-12-15T11:00:00+03:00'), planned('6.1')], first)).toEqual({
      '4:4.1': { date: '2026-12-15T11:00:00+03:00', sequence: 0, revisedAt: first },
      '6:6.1': { date: null, sequence: 0, revisedAt: first },
    });
  });

  it('raise the sequence only of an event whose date moved (a date given or taken away counts), and keep the others as they were', () => {
    const stored = revisePlannedDates(undefined, [planned('4.1', '2026-12-15T11:00:00+03:00'), planned('6.1'), planned('5.1', '2026-12-20T10:00:00+03:00')], first);

    const revised = revisePlannedDates(
      stored,
      [planned('4.1', '2026-12-17T15:30:00+03:00'), planned('6.1', '2027-01-10T10:00:00+03:00'), planned('5.1', '2026-12-20T10:00:00+03:00')],
      later,
    );

    expect(revised).toEqual({
      '4:4.1': { date: '2026-12-17T15:30:00+03:00', sequence: 1, revisedAt: later },
      '6:6.1': { date: '2027-01-10T10:00:00+03:00', sequence: 1, revisedAt: later },
      '5:5.1': { date: '2026-12-20T10:00:00+03:00', sequence: 0, revisedAt: first },
    });
  });

  it('keep the revision of an event that left the page, so it goes on counting when it comes back with a new date', () => {
    const stored = revisePlannedDates(undefined, [planned('4.1', '2026-12-15T11:00:00+03:00')], first);
    const gone = revisePlannedDates(stored, [], later);

    const back = revisePlannedDates(gone, [planned('4.1', '2027-02-01T11:00:00+03:00')], '2026-12-01T09:00:00.000Z');

    expect(gone).toEqual(stored);
    expect(back['4:4.1']).toEqual({ date: '2027-02-01T11:00:00+03:00', sequence: 1, revisedAt: '2026-12-01T09:00:00.000Z' });
  });
});
