import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillSchema } from '../../shared/bill/bill.js';
import { BillPageError, parseBillPage } from '../../shared/sozd/parse-bill-page.js';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';

const PAGE = buildBillPage({
  number: '555-8',
  title: 'О свойствах разбора',
  titleComment: '(проверка)',
  passport: [{ label: 'Форма законопроекта', value: 'Федеральный закон' }],
  currentStageId: 3,
  events: [
    {
      id: '55500000-0000-4000-8000-000000000001',
      stageId: 1,
      eventNumber: '1.1',
      name: 'Регистрация',
      date: '2023-01-10T10:00:00',
      decisions: ['зарегистрирован'],
      documents: [{ id: '55500000-0000-4000-8000-0000000000D1', title: 'Текст' }],
    },
    { id: '55500000-0000-4000-8000-000000000002', stageId: 3, eventNumber: '3.1', name: 'Решение комитета', date: '2023-02-01T12:00:00', protocol: '7, п.1' },
  ],
  plannedEvents: [{ stageId: 3, eventNumber: '3.2', name: 'Рассмотрение Советом ГД' }],
});

// Pieces of the page's own vocabulary, so mutations reach the parser's markers rather than only breaking the header.
const FRAGMENTS = [
  '<div>', '</div>', '<', '>', '"', '&amp;', '&#xFFFF;', 'id="bh_histras"', 'role="tabpanel"', 'id="number_oz_id"',
  'class="root-stage bhi"', 'class="oz_event bh_etap"', 'data-eventnum="3.1"', 'data-eventdate="2023-13-45T99:99:99"',
  'data-eventdate="1900-01-01T00:00:00"', '<a class="a_event_files" href="http://[::1">', '<sup class="ico_arhiv">', '</html>', '\u0000', 'bh_etap_not', 'future_event',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string()) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(page: string, change: Mutation): string {
  const at = change.at % (page.length + 1);
  switch (change.kind) {
    case 'cut':
      return page.slice(0, at);
    case 'delete':
      return page.slice(0, at) + page.slice(at + change.length);
    case 'insert':
      return page.slice(0, at) + change.text + page.slice(at);
  }
}

/** Parses and classifies: a Bill that validates, or a BillPageError; anything else fails the property. */
function outcomeOf(html: string): 'bill' | 'refused' {
  try {
    const bill = parseBillPage(html);
    expect(BillSchema.safeParse(bill).success).toBe(true);
    return 'bill';
  } catch (error) {
    if (error instanceof BillPageError) return 'refused';
    throw error;
  }
}

describe('parseBillPage on arbitrary input', () => {
  it('refuses any random string with a BillPageError, never another error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        expect(outcomeOf(text)).toBe('refused');
      }),
      { numRuns: 300 },
    );
  });

  it('returns a valid Bill or throws BillPageError for a built page garbled by cuts, deletions and insertions', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (changes) => {
        outcomes.add(outcomeOf(changes.reduce(mutate, PAGE)));
      }),
      { numRuns: 400 },
    );
    // Both branches were exercised, so the property did not pass by refusing everything.
    expect([...outcomes].sort()).toEqual(['bill', 'refused']);
  });
});
