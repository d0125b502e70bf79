import { describe, expect, it } from 'vitest';
import type { Bill, BillEvent, PlannedEvent } from '../../shared/bill/bill.js';
import { pollTierOf } from '../../shared/bill/poll-tier.js';

const SETTINGS = { recentEventDays: 14, plannedSoonDays: 3 };
const STAGE = { id: 1, name: 'Внесение законопроекта' };

function event(date: string, publication?: string): BillEvent {
  return { id: date, eventNumber: '1.1', name: 'event', stage: STAGE, date, decisions: [], documents: [], ...(publication ? { publication } : {}) };
}

function bill(events: BillEvent[], plannedDates: Array<string | undefined> = [], archived = false): Bill {
  const plannedEvents: PlannedEvent[] = plannedDates.map((date) => ({ eventNumber: '4.1', name: 'planned', stage: STAGE, ...(date ? { date } : {}), documents: [] }));
  return {
    number: '1-8',
    url: 'https://sozd.duma.gov.ru/bill/1-8',
    title: 'О законопроекте',
    status: archived ? 'В архиве' : 'На рассмотрении',
    archived,
    passport: [],
    events,
    plannedEvents,
  };
}

const at = (iso: string) => new Date(iso);

describe('pollTierOf', () => {
  it('polls a bill never read yet every run, with nothing for time alone to change', () => {
    expect(pollTierOf(undefined, at('2024-05-01T00:00:00Z'), SETTINGS)).toEqual({ tier: 'active' });
  });

  it('rests an archived bill and a published law, however recent their events', () => {
    const now = at('2024-05-01T00:00:00Z');
    const recent = event('2024-04-30T00:00:00Z');

    const tiers = [
      pollTierOf(bill([recent], [], true), now, SETTINGS),
      pollTierOf(bill([event('2024-04-30T12:00:00Z', 'http://publication.pravo.gov.ru/Document/View/1'), recent]), now, SETTINGS),
    ];

    expect(tiers).toEqual([{ tier: 'resting' }, { tier: 'resting' }]);
  });

  it('keeps a bill active from its latest event (wherever it stands in the list) until the recent-event days have passed', () => {
    // Arrange: the latest event is not the last one in the array.
    const recent = bill([event('2024-04-01T00:00:00Z'), event('2024-04-20T00:00:00Z'), event('2024-04-10T00:00:00Z')]);

    // Act + Assert: active from the event itself; the window closes at exactly 14 days.
    expect(pollTierOf(recent, at('2024-04-20T00:00:00Z'), SETTINGS)).toEqual({ tier: 'active', reviewAt: '2024-05-04T00:00:00.000Z' });
    expect(pollTierOf(recent, at('2024-05-03T23:59:59Z'), SETTINGS)).toEqual({ tier: 'active', reviewAt: '2024-05-04T00:00:00.000Z' });
    expect(pollTierOf(recent, at('2024-05-04T00:00:00Z'), SETTINGS)).toEqual({ tier: 'dormant' });
  });

  it('wakes a dormant bill the planned-soon days before a dated planned event and keeps it active one day past it', () => {
    // Arrange: the last event is long past; a committee decision is planned on 1 June; an undated one does not count.
    const planned = bill([event('2024-01-01T00:00:00Z')], [undefined, '2024-06-01T10:00:00Z']);

    // Act
    const tiers = ['2024-05-01T00:00:00Z', '2024-05-29T10:00:00Z', '2024-06-02T09:59:59Z', '2024-06-02T10:00:00Z'].map((now) =>
      pollTierOf(planned, at(now), SETTINGS),
    );

    // Assert
    expect(tiers).toEqual([
      { tier: 'dormant', reviewAt: '2024-05-29T10:00:00.000Z' },
      { tier: 'active', reviewAt: '2024-06-02T10:00:00.000Z' },
      { tier: 'active', reviewAt: '2024-06-02T10:00:00.000Z' },
      { tier: 'dormant' },
    ]);
  });

  it('reviews the tier at the earliest moment any window opens or closes', () => {
    // Arrange: a recent event (window closes 15 May) and two planned events (windows open 7 May and 27 May).
    const busy = bill([event('2024-05-01T00:00:00Z')], ['2024-05-30T00:00:00Z', '2024-05-10T00:00:00Z']);

    // Act + Assert
    expect(pollTierOf(busy, at('2024-05-02T00:00:00Z'), SETTINGS)).toEqual({ tier: 'active', reviewAt: '2024-05-07T00:00:00.000Z' });
    expect(pollTierOf(busy, at('2024-05-12T00:00:00Z'), SETTINGS)).toEqual({ tier: 'active', reviewAt: '2024-05-15T00:00:00.000Z' });
  });
});
