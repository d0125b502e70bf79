import { describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/bill/bill.js';
import { BillPageError, parseBillPage, parseBillPageBytes, type BillPageErrorReason } from '../../shared/sozd/parse-bill-page.js';
import { buildBillPage, type BillPageSpec } from '../../local/simulator/sozd-page-builder.js';

const DOC_A = { id: 'AAAAAAAA-0000-4000-8000-000000000001', title: 'Текст внесенного законопроекта' };
const DOC_B = { id: 'BBBBBBBB-0000-4000-8000-000000000002', title: 'Пояснительная записка' };
const DOC_C = { id: 'CCCCCCCC-0000-4000-8000-000000000003', title: 'Заключение Правового управления' };
const PUBLICATION = 'http://publication.pravo.gov.ru/Document/View/0001201411020001';

const SIGNED_SPEC: BillPageSpec = {
  number: '1075342-6',
  title: 'О внесении изменений в Федеральный закон "О проверке разбора"',
  titleComment: '(о датах & часовых поясах)',
  archived: true,
  passport: [
    { label: 'Субъект права законодательной инициативы', value: 'Правительство Российской Федерации' },
    { label: 'Ответственный комитет', value: 'Комитет Государственной Думы по труду' },
  ],
  currentStageId: 11,
  events: [
    // Page order is not date order: the second registration event is the earlier one.
    {
      id: '10000000-0000-4000-8000-000000000001',
      stageId: 1,
      eventNumber: '1.1',
      name: 'Регистрация законопроекта',
      date: '2010-07-01T10:00:00',
      decisions: ['зарегистрирован и направлен Председателю Государственной Думы'],
      documents: [DOC_A, DOC_A, DOC_B],
    },
    { id: '10000000-0000-4000-8000-000000000002', stageId: 1, eventNumber: '1.1', name: 'Регистрация законопроекта', date: '2010-01-20T09:00:00', decisions: [] },
    { id: '30000000-0000-4000-8000-000000000001', stageId: 3, eventNumber: '3.1', name: 'Решение комитета', date: '2012-01-10T09:30:00', protocol: '12, п.3' },
    { id: '30000000-0000-4000-8000-000000000010', stageId: 3, eventNumber: '3.10', name: 'Рассмотрение в первом чтении', date: '2014-10-27T12:00:00' },
    { id: '30000000-0000-4000-8000-000000000002', stageId: 3, eventNumber: '3.2', name: 'Рассмотрение Советом ГД', date: '2014-10-27T12:00:00', resolution: '123-6 ГД' },
    { id: '80000000-0000-4000-8000-000000000001', stageId: 8, eventNumber: '8.1', name: 'Рассмотрение закона Президентом', date: '2014-11-01T10:00:00', decisions: ['закон подписан'], lawNumber: '500-ФЗ' },
    { id: 'B0000000-0000-4000-8000-000000000001', stageId: 11, eventNumber: '8.2', name: 'Опубликование закона', date: '2014-11-02T23:59:59', decisions: ['закон опубликован'], publication: PUBLICATION },
  ],
  plannedEvents: [{ stageId: 4, eventNumber: '4.1', name: 'Решение комитета о втором чтении', date: '2014-12-01T10:00:00', documents: [DOC_C] }],
};

const STAGE_1 = { id: 1, name: 'Внесение законопроекта в Государственную Думу' };
const STAGE_3 = { id: 3, name: 'Рассмотрение законопроекта в первом чтении' };

const SIGNED_BILL: Bill = {
  number: '1075342-6',
  url: 'https://sozd.duma.gov.ru/bill/1075342-6',
  title: 'О внесении изменений в Федеральный закон "О проверке разбора"',
  titleComment: '(о датах & часовых поясах)',
  status: 'В архиве',
  archived: true,
  passport: [
    { label: 'Субъект права законодательной инициативы', value: 'Правительство Российской Федерации' },
    { label: 'Ответственный комитет', value: 'Комитет Государственной Думы по труду' },
  ],
  committee: 'Комитет Государственной Думы по труду',
  initiators: [{ kind: 'body', name: 'Правительство Российской Федерации' }],
  currentStage: { id: 11, name: 'Опубликование закона' },
  pageStage: { id: 11, name: 'Опубликование закона' },
  lawNumber: '500-ФЗ',
  events: [
    { id: '10000000-0000-4000-8000-000000000002', eventNumber: '1.1', name: 'Регистрация законопроекта', stage: STAGE_1, date: '2010-01-20T09:00:00+03:00', decisions: [], documents: [] },
    {
      id: '10000000-0000-4000-8000-000000000001',
      eventNumber: '1.1',
      name: 'Регистрация законопроекта',
      stage: STAGE_1,
      date: '2010-07-01T10:00:00+04:00',
      decisions: ['зарегистрирован и направлен Председателю Государственной Думы'],
      documents: [
        { id: DOC_A.id, title: DOC_A.title, url: `https://sozd.duma.gov.ru/download/${DOC_A.id}` },
        { id: DOC_B.id, title: DOC_B.title, url: `https://sozd.duma.gov.ru/download/${DOC_B.id}` },
      ],
    },
    { id: '30000000-0000-4000-8000-000000000001', eventNumber: '3.1', name: 'Решение комитета', stage: STAGE_3, date: '2012-01-10T09:30:00+04:00', decisions: [], protocol: '12, п.3', documents: [] },
    { id: '30000000-0000-4000-8000-000000000002', eventNumber: '3.2', name: 'Рассмотрение Советом ГД', stage: STAGE_3, date: '2014-10-27T12:00:00+03:00', decisions: [], resolution: '123-6 ГД', documents: [] },
    { id: '30000000-0000-4000-8000-000000000010', eventNumber: '3.10', name: 'Рассмотрение в первом чтении', stage: STAGE_3, date: '2014-10-27T12:00:00+03:00', decisions: [], documents: [] },
    {
      id: '80000000-0000-4000-8000-000000000001',
      eventNumber: '8.1',
      name: 'Рассмотрение закона Президентом',
      stage: { id: 8, name: 'Прохождение закона у Президента Российской Федерации' },
      date: '2014-11-01T10:00:00+03:00',
      decisions: ['закон подписан'],
      lawNumber: '500-ФЗ',
      documents: [],
    },
    {
      id: 'B0000000-0000-4000-8000-000000000001',
      eventNumber: '8.2',
      name: 'Опубликование закона',
      stage: { id: 11, name: 'Опубликование закона' },
      date: '2014-11-02T23:59:59+03:00',
      decisions: ['закон опубликован'],
      publication: PUBLICATION,
      documents: [],
    },
  ],
  // The page still lists a planned event, but an archived bill has no future.
  plannedEvents: [],
};

const PENDING_SPEC: BillPageSpec = {
  number: '12345-8',
  title: 'О законопроекте на рассмотрении',
  currentStageId: 2,
  events: [{ id: '20000000-0000-4000-8000-000000000001', stageId: 1, eventNumber: '1.1', name: 'Регистрация законопроекта', date: '2023-03-01T12:00:00' }],
  plannedEvents: [{ stageId: 4, eventNumber: '4.1', name: 'Решение комитета о втором чтении', date: '2014-12-01T10:00:00', documents: [DOC_C] }],
};

/** Runs `parse` on a page and returns the reason of the BillPageError it must throw. */
function failureReason(parse: () => unknown): BillPageErrorReason {
  try {
    parse();
  } catch (error) {
    if (error instanceof BillPageError) return error.reason;
    throw error;
  }
  throw new Error('the parser accepted the page');
}

describe('parseBillPage on built pages', () => {
  it('reads a built signed bill back exactly: sorted events, Moscow offsets, unique absolute documents, law and publication', () => {
    const html = buildBillPage(SIGNED_SPEC);

    const bill = parseBillPage(html);

    expect(bill).toEqual(SIGNED_BILL);
  });

  it('reads the bytes of a page in the charset its Content-Type names, UTF-16 included', () => {
    const html = buildBillPage(SIGNED_SPEC);

    const bills = [
      parseBillPageBytes(Buffer.from(html)),
      parseBillPageBytes(Buffer.from(html, 'utf16le'), { contentType: 'text/html; charset=utf-16le' }),
    ];

    expect(bills).toEqual([SIGNED_BILL, SIGNED_BILL]);
  });

  it('keeps a built page small', () => {
    expect(buildBillPage(SIGNED_SPEC).length).toBeLessThan(40_000);
  });

  it('reads a pending bill: its status text, its stage by the model beside the progress bar\'s, planned events and the given url', () => {
    const html = buildBillPage(PENDING_SPEC);

    const bill = parseBillPage(html, { url: 'http://127.0.0.1:8080/bill/12345-8' });

    expect(bill).toEqual({
      number: '12345-8',
      url: 'http://127.0.0.1:8080/bill/12345-8',
      title: 'О законопроекте на рассмотрении',
      status: 'На рассмотрении',
      archived: false,
      passport: [],
      // Its only event is a registration: the bill has reached stage 1, whatever the progress bar claims.
      currentStage: STAGE_1,
      pageStage: { id: 2, name: 'Предварительное рассмотрение законопроекта' },
      events: [
        { id: '20000000-0000-4000-8000-000000000001', eventNumber: '1.1', name: 'Регистрация законопроекта', stage: STAGE_1, date: '2023-03-01T12:00:00+03:00', decisions: [], documents: [] },
      ],
      plannedEvents: [
        {
          eventNumber: '4.1',
          name: 'Решение комитета о втором чтении',
          stage: { id: 4, name: 'Рассмотрение законопроекта во втором чтении' },
          date: '2014-12-01T10:00:00+03:00',
          documents: [{ id: DOC_C.id, title: DOC_C.title, url: `https://sozd.duma.gov.ru/download/${DOC_C.id}` }],
        },
      ],
    });
  });

  it('counts the events tab closed whatever the case and spacing of its div tags, and reads no other tag as one', () => {
    // Arrange: balanced divs written every way the tab's check reads them, and tags that only begin like a div.
    const page = buildBillPage(SIGNED_SPEC);
    const stageList = '<div class="child_etaps arrh_div3">';
    const varied = page.replace(stageList, `${stageList}<DIV\nclass="a"><Div></DIV\t\r\n></div><divider></divider><div/><divx a="1"></div x>`);

    // Act
    const bills = [parseBillPage(page), parseBillPage(varied)];

    // Assert
    expect(bills[1]).toEqual(bills[0]);
  });

  describe('refuses what is not a whole bill page, with the reason', () => {
    const page = buildBillPage(SIGNED_SPEC);
    const historyAt = page.indexOf('id="bh_histras"');

    it.each<[string, string, BillPageErrorReason]>([
      ['an empty body', '', 'no-bill-number'],
      ['an HTML error page', '<html><body><h1>Страница не найдена</h1><p>Ошибка 404</p></body></html>', 'no-bill-number'],
      ['a number element without a number', page.replace('№ 1075342-6', '№ —'), 'no-bill-number'],
      ['a page cut in the middle of #bh_histras', page.slice(0, page.indexOf('30000000-0000-4000-8000-000000000001', historyAt)), 'truncated'],
      ['a page cut before #bh_histras', page.slice(0, historyAt - 100), 'truncated'],
      ['a whole page without the events tab', page.replace('id="bh_histras"', 'id="bh_events"'), 'no-history'],
      ['a page with the number but no events', buildBillPage({ ...PENDING_SPEC, events: [] }), 'no-events'],
      ['stage blocks renamed', page.replaceAll('root-stage', 'stage-root'), 'layout-changed'],
      ['event classes renamed', page.replaceAll('oz_event', 'event-card').replaceAll('root-stage', 'stage-root'), 'layout-changed'],
      ['an unreadable event date', page.replace('data-eventdate="2012-01-10T09:30:00"', 'data-eventdate="10 января"'), 'layout-changed'],
      ['a dated event without its id', page.replace('id="30000000-0000-4000-8000-000000000001"', ''), 'layout-changed'],
      ['a next tab nested inside the events tab', page.replace('<div class="child_etaps arrh_div3">', '<div class="child_etaps arrh_div3"><div role="tabpanel">'), 'layout-changed'],
      ['an extra <DIV> opened in the events tab, in capitals before a tab', page.replace('<div class="child_etaps arrh_div3">', '<div class="child_etaps arrh_div3"><DIV\tclass="x">'), 'layout-changed'],
      ['an extra </Div > closed in the events tab, spaced', page.replace('<div class="child_etaps arrh_div3">', '<div class="child_etaps arrh_div3"></Div \n >'), 'layout-changed'],
      ['an empty title', buildBillPage({ ...PENDING_SPEC, title: '' }), 'invalid'],
    ])('%s → %s, from the text and from the bytes', (_description, html, reason) => {
      expect([failureReason(() => parseBillPage(html)), failureReason(() => parseBillPageBytes(Buffer.from(html)))]).toEqual([reason, reason]);
    });
  });
});
