import { describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/bill/bill.js';
import type { BillChange } from '../../shared/bill/bill-change.js';
import { replayBillHistory } from '../../shared/bill/replay-history.js';
import { stageSentTo } from '../../shared/bill/stage-model.js';
import { parseBillPage } from '../../shared/sozd/parse-bill-page.js';
import { DEMO_BILLS } from '../../local/simulator/demo-bills.js';
import { buildBillPage, type BillPageSpec, type EventSpec } from '../../local/simulator/sozd-page-builder.js';
import { HAVE_REAL_PAGES, readRealPage, realPageNumbers } from '../support/real-sozd-pages.js';

/** The stage each stage-changing alert moves the bill to, in alert order. */
function stageSequence(changes: readonly BillChange[]): number[] {
  return changes.flatMap((change) => change.facts.flatMap((fact) => (fact.type === 'stage-changed' ? [fact.to.id] : [])));
}

/** Stage changes that go back although no decision of their event sends the bill back. */
function unexplainedStepsBack(changes: readonly BillChange[]): string[] {
  return changes.flatMap((change) =>
    change.facts.flatMap((fact) =>
      fact.type === 'stage-changed' && fact.from && fact.to.id < fact.from.id && !(change.event && stageSentTo(change.event))
        ? [`${change.event?.eventNumber} ${fact.from.id} → ${fact.to.id}`]
        : [],
    ),
  );
}

/** What every replay must hold: one alert per dated event, in date order, and no step back without a decision. */
function expectTrueReplay(bill: Bill, changes: readonly BillChange[]): void {
  expect(changes.map((change) => change.event?.id)).toEqual(bill.events.map((event) => event.id));
  const dates = changes.map((change) => Date.parse(change.event!.date));
  expect(dates).toEqual([...dates].sort((a, b) => a - b));
  expect(unexplainedStepsBack(changes)).toEqual([]);
}

describe.skipIf(!HAVE_REAL_PAGES)('replayBillHistory on the real sozd pages', () => {
  it.each(realPageNumbers())('%s: one alert per dated event, in date order, never a step back without a decision', (number) => {
    const bill = parseBillPage(readRealPage(number));

    const changes = replayBillHistory(bill);

    expectTrueReplay(bill, changes);
    // The alerts end where the page's own progress bar says the bill is.
    expect(stageSequence(changes).at(-1)).toBe(bill.pageStage?.id);
  });

  it.each([
    // A government letter (1.3) filed after the first reading stays an event of stage 1: no step back, no step forth.
    ['115864-8', [1, 2, 3, 4, 5, 6, 8, 11]],
    // Returned from the third reading to the second (5.3), then passed again.
    ['160451-6', [1, 2, 3, 4, 5, 4, 5, 6, 8, 11]],
    ['204628-7', [1, 2, 3, 4, 5, 4, 5, 6, 8, 11]],
    ['49153-6', [1, 2, 3, 4, 5, 4, 5, 6, 8, 11]],
    // Second and third reading on one day (4.3 "принять закон"): stage 5 is skipped.
    ['137906-8', [1, 2, 3, 4, 6, 8, 11]],
    // Rejected in the first reading.
    ['125874-8', [1, 2, 3]],
    // Vetoed (8.1 "law deviated"): reconsideration after the veto; a later 7.2 document moves nothing.
    ['96008902-2', [1, 2, 3, 4, 5, 6, 9]],
  ])('%s moves through exactly the stages %j', (number, stages) => {
    const changes = replayBillHistory(parseBillPage(readRealPage(number as string)));

    expect(stageSequence(changes)).toEqual(stages);
  });

  it('115864-8: the late government letter 1.3 is a new event of stage 1 and no stage change', () => {
    const changes = replayBillHistory(parseBillPage(readRealPage('115864-8')));

    const letter = changes.find((change) => change.event?.eventNumber === '1.3')!;
    expect({ stage: letter.event?.stage.id, facts: letter.facts }).toEqual({ stage: 1, facts: [{ type: 'new-event' }] });
  });
});

const guid = (n: number) => `E0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
let counter = 0;
function ev(stageId: number, eventNumber: string, date: string, decisions: string[] = [], extra: Partial<EventSpec> = {}): EventSpec {
  counter += 1;
  return { id: guid(counter), stageId, eventNumber, name: `Событие ${eventNumber}`, date, decisions, ...extra };
}

/** A law rejected by the Federation Council and vetoed by the President, with late documents along the way. */
const ROUNDABOUT: BillPageSpec = {
  number: '999123-8',
  title: 'О законе, который возвращали',
  archived: true,
  currentStageId: 11,
  events: [
    ev(1, '1.1', '2024-01-10T10:00:00', ['зарегистрирован и направлен Председателю Государственной Думы']),
    ev(2, '2.2', '2024-01-20T10:00:00', ['назначить ответственный комитет']),
    ev(3, '3.3', '2024-02-01T10:00:00', ['принять законопроект в первом чтении']),
    ev(1, '1.3', '2024-02-02T10:00:00', ['официальный отзыв Правительства Российской Федерации']),
    ev(4, '4.3', '2024-03-01T10:00:00', ['принять законопроект во втором чтении']),
    ev(5, '5.1', '2024-03-01T12:00:00', ['предложить возвратить законопроект к процедуре второго чтения']),
    ev(5, '5.3', '2024-03-02T10:00:00', ['возвратить законопроект к процедуре второго чтения']),
    ev(4, '4.3', '2024-03-02T10:05:00', ['принять законопроект во втором чтении']),
    ev(5, '5.3', '2024-03-02T10:10:00', ['принять закон']),
    ev(6, '6.1', '2024-03-03T10:00:00', ['поступил из Государственной Думы']),
    ev(6, '6.3', '2024-03-20T10:00:00', ['закон отклонен']),
    ev(7, '7.3', '2024-04-01T10:00:00', ['принять закон в редакции согласительной комиссии']),
    ev(6, '6.3', '2024-04-10T10:00:00', ['закон одобрен']),
    // The veto is the President's only event here: it takes the bill from the Council straight to reconsideration.
    ev(8, '8.1', '2024-04-20T10:00:00', ['закон отклонен']),
    ev(9, '9.4', '2024-05-10T10:00:00', ['одобрить закон в ранее принятой редакции']),
    ev(6, '6.3', '2024-05-20T10:00:00', ['закон одобрен']),
    ev(5, '5.1', '2024-05-21T10:00:00', ['без решения комитета']),
    ev(8, '8.1', '2024-05-30T10:00:00', ['закон подписан'], { lawNumber: '101-ФЗ' }),
    ev(11, '8.2', '2024-05-31T23:59:59', ['закон опубликован']),
  ],
};

describe('replayBillHistory on built pages', () => {
  it('follows every decision that sends the bill back, and no late document', () => {
    const bill = parseBillPage(buildBillPage(ROUNDABOUT));

    const changes = replayBillHistory(bill);

    expectTrueReplay(bill, changes);
    expect(stageSequence(changes)).toEqual([1, 2, 3, 4, 5, 4, 5, 6, 7, 6, 9, 6, 8, 11]);
    expect(bill.currentStage?.id).toBe(11);
  });

  it.each(DEMO_BILLS.map((demo) => [demo.page.number, demo] as const))('demo bill %s, whole history on one page: one alert per event, in date order', (_number, demo) => {
    const bill = parseBillPage(buildBillPage({ ...demo.page, events: demo.history, archived: demo.archivedAtEnd }));

    expectTrueReplay(bill, replayBillHistory(bill));
  });

  it('gives a pending bill no status change and an archived one its archive on the last event only', () => {
    const pending = parseBillPage(buildBillPage({ ...ROUNDABOUT, archived: false, events: ROUNDABOUT.events.slice(0, 3) }));
    const archived = parseBillPage(buildBillPage(ROUNDABOUT));

    const statusFacts = (changes: BillChange[]) =>
      changes.flatMap((change, index) => change.facts.filter((fact) => fact.type === 'status-changed').map((fact) => [index, fact]));

    expect(statusFacts(replayBillHistory(pending))).toEqual([]);
    expect(statusFacts(replayBillHistory(archived))).toEqual([
      [ROUNDABOUT.events.length - 1, { type: 'status-changed', from: 'На рассмотрении', to: 'В архиве', archived: true }],
    ]);
  });
});
