import { describe, expect, it } from 'vitest';
import type { BillEvent } from '../../shared/bill/bill.js';
import { billStage, stageAfter, stageSentTo } from '../../shared/bill/stage-model.js';

const stage = (id: number) => ({ id, name: `stage ${id}` });
function event(stageId: number, date: string, decisions: string[] = []): BillEvent {
  return { id: `${stageId}-${date}`, eventNumber: `${stageId}.1`, name: 'event', stage: stage(stageId), date, decisions, documents: [] };
}

describe('stageAfter', () => {
  it('moves a bill on to a later stage, and from nothing to the first stage it shows', () => {
    expect(stageAfter(null, event(1, '2024-01-01T10:00:00+03:00'))).toEqual(stage(1));
    expect(stageAfter(stage(3), event(6, '2024-01-01T10:00:00+03:00'))).toEqual(stage(6));
  });

  it('keeps the stage for an event of the same or an earlier stage', () => {
    expect(stageAfter(stage(3), event(3, '2024-01-01T10:00:00+03:00'))).toEqual(stage(3));
    expect(stageAfter(stage(4), event(1, '2024-01-01T10:00:00+03:00', ['официальный отзыв Правительства Российской Федерации']))).toEqual(stage(4));
  });

  it('moves the bill where a decision sends it, back as well, whatever the decision\'s case, ё or spacing', () => {
    const back = stageAfter(stage(5), event(5, '2024-01-01T10:00:00+03:00', ['Возвратить  законопроект к процедуре второго чтения']));
    const veto = stageAfter(stage(8), event(8, '2024-01-01T10:00:00+03:00', ['закон отклонён']));

    expect([back.id, veto.id]).toEqual([4, 9]);
    expect(back.name).toBe('Рассмотрение законопроекта во втором чтении');
  });

  it('reads a decision only in the stage where it sends the bill (a rejection means something else elsewhere)', () => {
    expect(stageSentTo(event(6, '2024-01-01T10:00:00+03:00', ['закон отклонен']))?.id).toBe(7);
    expect(stageSentTo(event(8, '2024-01-01T10:00:00+03:00', ['закон отклонен']))?.id).toBe(9);
    expect(stageSentTo(event(3, '2024-01-01T10:00:00+03:00', ['возвратить законопроект к процедуре второго чтения']))).toBeUndefined();
  });
});

describe('billStage', () => {
  it('is the stage the events reached in date order, whatever their order in the array', () => {
    const events = [event(1, '2024-03-01T10:00:00+03:00'), event(3, '2024-02-01T10:00:00+03:00'), event(1, '2024-01-01T10:00:00+03:00')];

    expect(billStage(events)).toEqual(stage(3));
    expect(billStage([])).toBeUndefined();
  });
});

describe('the decisions that send a bill', () => {
  it.each<[string, number, number]>([
    ['возвратить законопроект к процедуре первого чтения', 4, 3],
    ['возвратить законопроект к процедуре первого чтения', 5, 3],
    ['возвратить законопроект к процедуре второго чтения', 5, 4],
    ['закон отклонен', 6, 7],
    ['отклонить закон', 6, 7],
    ['закон отклонен', 8, 9],
    ['law deviated', 8, 9],
    ['law rejected', 8, 9],
    ['принять закон в редакции согласительной комиссии', 7, 6],
    ['принять закон в ранее принятой редакции', 7, 8],
    ['одобрить закон в ранее принятой редакции', 9, 6],
    ['принять закон в редакции специальной комиссии', 9, 6],
  ])('"%s …" recorded in stage %i sends the bill to stage %i, whatever follows the opening words', (phrase, from, to) => {
    const decisions = ['принять к сведению', `${phrase} и направить в комитет`];

    expect(stageSentTo(event(from, '2024-01-01T10:00:00+03:00', decisions))?.id).toBe(to);
  });

  it('sends nowhere for a decision that only ends in a sending phrase, or for an ordinary decision in any stage', () => {
    const ordinary = ['принять законопроект в первом чтении', 'решение: закон отклонен'];

    const sent = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((stageId) => stageSentTo(event(stageId, '2024-01-01T10:00:00+03:00', ordinary)));

    expect(sent).toEqual(sent.map(() => undefined));
  });
});

describe('billStage, events of one moment', () => {
  it('applies events of the same moment in event-number order (5.2 before 5.10), whatever their order in the array', () => {
    // Arrange: at one moment the third reading opens (5.2) and the Duma returns the bill to the second reading (5.10).
    const moment = '2024-03-01T10:00:00+03:00';
    const thirdReading = { ...event(5, moment), eventNumber: '5.2' };
    const returned = { ...event(5, moment, ['возвратить законопроект к процедуре второго чтения']), eventNumber: '5.10' };

    // Act + Assert
    expect([billStage([returned, thirdReading])?.id, billStage([thirdReading, returned])?.id]).toEqual([4, 4]);
  });
});
