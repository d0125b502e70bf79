import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareEventNumbers } from '../../shared/sozd/event-number.js';
import { parseBillPage, parseBillPageBytes } from '../../shared/sozd/parse-bill-page.js';
import { HAVE_REAL_PAGES, readRealPage, realPagePath } from '../support/real-sozd-pages.js';

const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;

interface Expected {
  number: string;
  archived: boolean;
  status: string;
  datedEvents: number;
  plannedEvents: number;
  lawNumber: string | undefined;
  lastEventDay: string;
  /** The stage the bill reached: by the stage model and by the page's own progress bar alike. */
  stage: number;
}

// The figures of the README's table, counted in the #bh_histras tab alone; planned events count only on a bill still
// under consideration (sozd leaves stale ones on archived pages: 259246-6, 49153-6, 96008902-2).
const EXPECTED: Expected[] = [
  { number: '1001390-6', archived: true, status: 'В архиве', datedEvents: 46, plannedEvents: 0, lawNumber: '353-ФЗ', lastEventDay: '2018-10-03', stage: 11 },
  { number: '115864-8', archived: true, status: 'В архиве', datedEvents: 20, plannedEvents: 0, lawNumber: '386-ФЗ', lastEventDay: '2022-10-07', stage: 11 },
  { number: '125874-8', archived: true, status: 'В архиве', datedEvents: 29, plannedEvents: 0, lawNumber: undefined, lastEventDay: '2023-04-13', stage: 3 },
  { number: '134824-8', archived: false, status: 'На рассмотрении', datedEvents: 10, plannedEvents: 1, lawNumber: undefined, lastEventDay: '2023-09-06', stage: 3 },
  { number: '137906-8', archived: true, status: 'В архиве', datedEvents: 18, plannedEvents: 0, lawNumber: '493-ФЗ', lastEventDay: '2022-12-05', stage: 11 },
  { number: '160451-6', archived: true, status: 'В архиве', datedEvents: 30, plannedEvents: 0, lawNumber: '247-ФЗ', lastEventDay: '2013-07-24', stage: 11 },
  { number: '204628-7', archived: true, status: 'В архиве', datedEvents: 26, plannedEvents: 0, lawNumber: '209-ФЗ', lastEventDay: '2018-07-19', stage: 11 },
  { number: '259246-6', archived: true, status: 'В архиве', datedEvents: 18, plannedEvents: 0, lawNumber: '211-ФЗ', lastEventDay: '2013-07-23', stage: 11 },
  { number: '49153-6', archived: true, status: 'В архиве', datedEvents: 28, plannedEvents: 0, lawNumber: '376-ФЗ', lastEventDay: '2017-12-05', stage: 11 },
  { number: '96008902-2', archived: true, status: 'In the archive', datedEvents: 20, plannedEvents: 0, lawNumber: undefined, lastEventDay: '2004-05-14', stage: 9 },
];

const readPage = readRealPage;

describe.skipIf(!HAVE_REAL_PAGES)('parseBillPage on the ten real sozd pages', () => {
  describe.each(EXPECTED)('bill $number', (expected) => {
    it('reads exactly the README figures: number, status, event counts, law number, last event day, stage', () => {
      const bill = parseBillPage(readPage(expected.number));

      const lastEvent = bill.events.map((event) => event.date).sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
      expect({
        number: bill.number,
        archived: bill.archived,
        status: bill.status,
        datedEvents: bill.events.length,
        plannedEvents: bill.plannedEvents.length,
        lawNumber: bill.lawNumber,
        lastEventDay: lastEvent?.slice(0, 10),
        stage: bill.currentStage?.id,
      }).toEqual(expected);
      expect(bill.pageStage?.id).toBe(expected.stage);
    });

    it('reads the same bill from the raw bytes, decoding only the header and the events tab', () => {
      const bytes = readFileSync(realPagePath(expected.number));

      expect(parseBillPageBytes(bytes, { contentType: 'text/html; charset=utf-8' })).toEqual(parseBillPage(readPage(expected.number)));
    });

    it('gives every event a unique GUID id and orders events by date then event number', () => {
      const bill = parseBillPage(readPage(expected.number));

      const ids = bill.events.map((event) => event.id);
      expect(ids.filter((id) => !GUID.test(id))).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
      const outOfOrder = bill.events.filter((event, i) => {
        const previous = bill.events[i - 1];
        if (previous === undefined) return false;
        const byDate = Date.parse(previous.date) - Date.parse(event.date);
        return byDate > 0 || (byDate === 0 && compareEventNumbers(previous.eventNumber, event.eventNumber) > 0);
      });
      expect(outOfOrder).toEqual([]);
    });
  });

  it('reads the header, passport, progress bar and a signed-law event of bill 134824-8 and 1001390-6', () => {
    const pending = parseBillPage(readPage('134824-8'));
    const signed = parseBillPage(readPage('1001390-6'), { url: 'https://sozd.duma.gov.ru/bill/1001390-6' });

    expect({
      title: pending.title,
      titleComment: pending.titleComment,
      currentStage: pending.currentStage,
      passportLabels: pending.passport.map((field) => field.label),
      committee: pending.passport.find((field) => field.label === 'Ответственный комитет')?.value,
      firstEvent: pending.events[0],
      planned: pending.plannedEvents,
    }).toEqual({
      title: 'О внесении изменений в Федеральный закон "Об образовании в Российской Федерации"',
      titleComment: '(в части особенностей реализации образовательных программ этнокультурной направленности)',
      currentStage: { id: 3, name: 'Рассмотрение законопроекта в первом чтении' },
      passportLabels: [
        'Субъект права законодательной инициативы',
        'Форма законопроекта',
        'Ответственный комитет',
        'Отрасль законодательства',
        'Тематический блок законопроектов',
        'Профильный комитет',
        'Предмет ведения',
        'Принадлежность к примерной программе',
        'Пакет документов при внесении',
      ],
      committee: 'Комитет Государственной Думы по просвещению',
      firstEvent: expect.objectContaining({
        id: 'EDA4203C-6BB6-45E4-AE1D-1BEF391630DC',
        eventNumber: '1.1',
        name: 'Регистрация законопроекта и материалов к нему в САДД ГД',
        stage: { id: 1, name: 'Внесение законопроекта в Государственную Думу' },
        date: '2022-06-01T14:39:34+03:00',
        decisions: ['зарегистрирован и направлен Председателю Государственной Думы'],
      }),
      planned: [
        {
          eventNumber: '3.1',
          name: 'Принятие ответственным комитетом решения о представлении законопроекта в Совет Государственной Думы',
          stage: { id: 3, name: 'Рассмотрение законопроекта в первом чтении' },
          date: '2023-09-15T16:34:00+03:00',
          documents: [
            {
              id: '2AB12F33-DE11-4BF3-BCF7-617503A5388A',
              title: 'Заключение Правового управления (новая редакция)',
              url: 'https://sozd.duma.gov.ru/download/2AB12F33-DE11-4BF3-BCF7-617503A5388A',
            },
          ],
        },
      ],
    });
    expect(pending.events[0]?.documents).toHaveLength(7);
    expect(signed.url).toBe('https://sozd.duma.gov.ru/bill/1001390-6');
    expect(signed.events.slice(-2)).toEqual([
      {
        id: 'A99D603F-E54C-4888-A97D-FE304A9E52D3',
        eventNumber: '8.1',
        name: 'Рассмотрение закона Президентом Российской Федерации',
        stage: { id: 8, name: 'Прохождение закона у Президента Российской Федерации' },
        date: '2018-10-03T12:31:00+03:00',
        decisions: ['закон подписан'],
        lawNumber: '353-ФЗ',
        documents: [],
      },
      {
        id: '88DB0825-D04E-4223-B569-25C23E82EC62',
        eventNumber: '8.2',
        name: 'Опубликование закона',
        stage: { id: 11, name: 'Опубликование закона' },
        date: '2018-10-03T23:59:59+03:00',
        decisions: ['закон опубликован'],
        publication: 'http://publication.pravo.gov.ru/Document/View/0001201810030023',
        documents: [],
      },
    ]);
  });

  it('writes Moscow summer time and the 2011–2014 permanent +04:00 offset on the 2013 pages', () => {
    const bill = parseBillPage(readPage('160451-6'));

    expect(bill.events.at(-1)?.date).toBe('2013-07-24T23:59:59+04:00');
  });
});
