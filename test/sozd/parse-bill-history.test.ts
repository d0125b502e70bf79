import { describe, expect, it } from 'vitest';
import { BillPageError } from '../../shared/sozd/bill-page-error.js';
import { parseBillHistory as parseHistoryBytes } from '../../shared/sozd/parse-bill-history.js';

/** The parser reads a tab as its UTF-8 bytes, as the page slicer hands it over. */
const parseBillHistory = (html: string) => parseHistoryBytes(Buffer.from(html, 'utf8'));

/*
 * The events tab alone, written by hand in the markup sozd uses (see local/simulator/sozd-page-builder.ts for whole
 * pages): each test shows exactly the markup whose reading it states.
 */
const stage = (id: number, title: string, ...events: string[]) =>
  `<div class="root-stage bh_item bhi${id} green"><div class="ttl"><a href="#">${title}</a></div><div class="child_etaps">${events.join('\n')}</div></div>`;
const typeHeader = (eventNumber: string, name: string) =>
  `<div class="oz_event bh_etap bh_etap_not" data-eventnum="${eventNumber}"><div class="table_td"><span class="name">${name}</span></div></div>`;
const dated = (id: string, eventNumber: string, date: string, inner = '') =>
  `<div id="${id}" class="oz_event bh_etap with_datatime" data-eventdate="${date}" data-eventnum="${eventNumber}">${inner}</div>`;
const planned = (eventNumber: string, inner: string, attributes = '') =>
  `<div class="bh_etap oz_event future_event"${attributes} data-eventnum="${eventNumber}"><span class="no_data_fevent">Дата события не определена</span>${inner}</div>`;
const tooltip = (title: string, value: string) => `<span data-toggle="tooltip" data-original-title="${title}"> ${value} </span>`;

const STAGE_1 = { id: 1, name: 'Внесение законопроекта' };
const REGISTRATION = dated('e-1', '1.1', '2023-03-01T12:00:00');

/** The error parseBillHistory throws for this tab, as its reason and message. */
function refusal(historyHtml: string): { reason: string; message: string } {
  try {
    parseBillHistory(historyHtml);
  } catch (error) {
    if (error instanceof BillPageError) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error('the parser accepted the events tab');
}

describe('parseBillHistory', () => {
  it('names each event by the type header before it, reads its stage, trimmed id, decisions and tooltips', () => {
    // Arrange
    const html = stage(
      3,
      ' Рассмотрение  в первом чтении ',
      typeHeader('3.1', 'Решение комитета'),
      dated(
        ' e-31 ',
        ' 3.1 ',
        '2014-10-27T12:00:00',
        `<div class="algstname"><span class="name"><ul><li> принять </li><li> </li><li>направить</li></ul></span></div>` +
          tooltip('Номер и пункт протокола', '12, п.3') +
          tooltip('Номер постановления Совета Федерации', '45-СФ') +
          tooltip('Номер федерального закона', '500-ФЗ') +
          `<a href=" http://publication.pravo.gov.ru/Document/View/1 ">№ 1</a>`,
      ),
      dated('e-32', '3.2', '2014-10-28T09:30'),
    );

    // Act
    const history = parseBillHistory(html);

    // Assert
    const stage3 = { id: 3, name: 'Рассмотрение в первом чтении' };
    expect(history).toEqual({
      events: [
        {
          id: 'e-31',
          eventNumber: '3.1',
          name: 'Решение комитета',
          stage: stage3,
          date: '2014-10-27T12:00:00+03:00',
          decisions: ['принять', 'направить'],
          protocol: '12, п.3',
          resolution: '45-СФ',
          lawNumber: '500-ФЗ',
          publication: 'http://publication.pravo.gov.ru/Document/View/1',
          documents: [],
        },
        { id: 'e-32', eventNumber: '3.2', name: '', stage: stage3, date: '2014-10-28T09:30:00+03:00', decisions: [], documents: [] },
      ],
      plannedEvents: [],
    });
  });

  it('gives an event without a protocol, resolution, law number or publication none of those fields, not empty ones', () => {
    // Arrange
    const html = stage(3, 'Рассмотрение в первом чтении', dated('e-32', '3.2', '2014-10-28T09:30'));

    // Act
    const [event] = parseBillHistory(html).events;

    // Assert
    expect(Object.keys(event!).sort()).toEqual(['date', 'decisions', 'documents', 'eventNumber', 'id', 'name', 'stage']);
  });

  it('reads character references in text and attributes as the characters they stand for, beside Cyrillic', () => {
    // Arrange
    const html = stage(
      1,
      'Внесение&nbsp;законопроекта',
      typeHeader('1.1', '&laquo;Регистрация&raquo; &amp; &#x2014; &#1087;&#x440;&#1080;&#1085;&#1103;&#1090;&#1080;&#1077;'),
      dated(
        'e-1',
        '1.1',
        '2023-03-01T12:00:00',
        tooltip('Номер и пункт протокола', '№&nbsp;12') +
          `<a class="a_event_files" href="/download/file?id=1&amp;kind=&quot;текст&quot;">Текст &lt;проект&gt;</a>`,
      ),
    );

    // Act
    const [event] = parseBillHistory(html).events;

    // Assert
    expect(event).toMatchObject({
      stage: { id: 1, name: 'Внесение законопроекта' },
      name: '«Регистрация» & — принятие',
      protocol: '№ 12',
      documents: [{ title: 'Текст <проект>', url: 'https://sozd.duma.gov.ru/download/file?id=1&kind=%22%D1%82%D0%B5%D0%BA%D1%81%D1%82%22' }],
    });
  });

  it('names an event by its whole type header when the header has no name element', () => {
    const html = stage(1, STAGE_1.name, '<div class="oz_event bh_etap bh_etap_not" data-eventnum="1.1"> Регистрация  законопроекта </div>', REGISTRATION);

    expect(parseBillHistory(html).events.map((event) => event.name)).toEqual(['Регистрация законопроекта']);
  });

  it('lists each document once, absolute, titled by its caption or else its link text, with an id only for sozd downloads', () => {
    // Arrange
    const id = 'AAAAAAAA-0000-4000-8000-000000000001';
    const links = [
      `<a class="a_event_files" href="/download/${id}"><div class="doc_wrap"> Текст  законопроекта </div></a>`,
      `<a class="a_event_files" href=" /download/${id} ">повтор</a>`,
      `<a class="a_event_files" href="https://example.org/files/note.pdf"> Пояснительная записка </a>`,
      `<a class="a_event_files">без ссылки</a>`,
      `<a class="other" href="/download/BBBBBBBB-0000-4000-8000-000000000002">не документ события</a>`,
    ];
    const html = stage(1, STAGE_1.name, dated('e-1', '1.1', '2023-03-01T12:00:00', links.join('')));

    // Act
    const [event] = parseBillHistory(html).events;

    // Assert
    expect(event?.documents).toEqual([
      { id, title: 'Текст законопроекта', url: `https://sozd.duma.gov.ru/download/${id}` },
      { title: 'Пояснительная записка', url: 'https://example.org/files/note.pdf' },
    ]);
  });

  it('titles a document and names a type header by their caption, not by other text around it', () => {
    // Arrange: a link with its file size beside the caption, a type header with its date beside the name.
    const link = '<a class="a_event_files" href="https://example.org/a.pdf"><span>PDF, 1 МБ</span><div class="doc_wrap">Текст законопроекта</div></a>';
    const header = '<div class="oz_event bh_etap bh_etap_not" data-eventnum="1.1"><span>28.04.2022</span><span class="name">Регистрация</span></div>';

    // Act
    const [event] = parseBillHistory(stage(1, STAGE_1.name, header, dated('e-1', '1.1', '2023-03-01T12:00:00', link))).events;

    // Assert
    expect([event?.name, event?.documents]).toEqual(['Регистрация', [{ title: 'Текст законопроекта', url: 'https://example.org/a.pdf' }]]);
  });

  it('names a planned event by its own div, not by an unclassed element of another kind before it', () => {
    const html = stage(1, STAGE_1.name, REGISTRATION, planned('1.2', '<span>сноска</span><div>Рассмотрение поправок</div>'));

    expect(parseBillHistory(html).plannedEvents.map((event) => event.name)).toEqual(['Рассмотрение поправок']);
  });

  it('reads planned events: named by their own unclassed div, else by the type header, else unnamed; id and date only when readable', () => {
    // Arrange
    const html = stage(
      4,
      'Второе чтение',
      typeHeader('4.1', 'Решение комитета о втором чтении'),
      planned('4.1', '<div class="note">примечание</div><div> Рассмотрение  поправок </div>', ' id=" p-1 " data-eventdate="2014-12-01T10:00:00"'),
      planned('4.1', '', ' data-eventdate="когда-нибудь"'),
      planned('4.2', ''),
    );

    // Act
    const history = parseBillHistory(stage(1, STAGE_1.name, REGISTRATION) + html);

    // Assert
    const stage4 = { id: 4, name: 'Второе чтение' };
    expect(history.plannedEvents).toEqual([
      { id: 'p-1', eventNumber: '4.1', name: 'Рассмотрение поправок', stage: stage4, date: '2014-12-01T10:00:00+03:00', documents: [] },
      { eventNumber: '4.1', name: 'Решение комитета о втором чтении', stage: stage4, documents: [] },
      { eventNumber: '4.2', name: '', stage: stage4, documents: [] },
    ]);
  });

  describe('refuses a tab it cannot read whole, naming what changed', () => {
    it.each<[string, string, string]>([
      ['a stage block without its bhiN class', stage(1, STAGE_1.name, REGISTRATION).replace('bhi1', 'bhi'), 'a stage block (div.root-stage) has no bhiN class'],
      ['an event with a blank data-eventnum', stage(2, 'Стадия', dated('e-1', ' ', '2023-03-01T12:00:00')), 'an event of stage 2 has no data-eventnum'],
      ['a dated event with a blank id', stage(2, 'Стадия', dated(' ', '2.1', '2023-03-01T12:00:00')), 'an event 2.1 of stage 2 has no id'],
      ['a dated event with an unreadable date', stage(1, STAGE_1.name, dated('e-1', '1.1', '1 марта')), 'event e-1 has no readable date (data-eventdate="1 марта")'],
      [
        'a dated event without a date',
        stage(1, STAGE_1.name, '<div id="e-1" class="oz_event bh_etap" data-eventnum="1.1"></div>'),
        'event e-1 has no readable date (data-eventdate=undefined)',
      ],
      [
        'an event outside any stage block',
        stage(1, STAGE_1.name, REGISTRATION) + dated('e-2', '1.2', '2023-03-02T12:00:00'),
        'the events tab has 2 event elements but only 1 sit in known stage blocks',
      ],
      [
        'a repeated event id, on which the diff keys',
        stage(1, STAGE_1.name, REGISTRATION, dated('e-1', '1.2', '2023-03-02T12:00:00')),
        'the events tab repeats an event id',
      ],
    ])('%s → layout-changed', (_description, html, message) => {
      expect(refusal(html)).toEqual({ reason: 'layout-changed', message: `layout-changed: ${message}` });
    });

    it('refuses a tab nested deeper than a page could be, naming the events tab', () => {
      const html = stage(1, STAGE_1.name, `${'<div>'.repeat(100)}${REGISTRATION}${'</div>'.repeat(100)}`);

      expect(refusal(html)).toEqual({ reason: 'layout-changed', message: 'layout-changed: the events tab nests elements deeper than 100 levels' });
    });

    it('refuses a tab with planned events only as holding no dated event', () => {
      expect(refusal(stage(4, 'Второе чтение', planned('4.1', '<div>Решение</div>')))).toEqual({
        reason: 'no-events',
        message: 'no-events: the events tab holds no dated event',
      });
    });
  });
});
