import { describe, expect, it } from 'vitest';
import { COMMITTEES } from '../../shared/vocabulary/committees.js';
import { DAY_COUNTS, DECISION_DETAILS, DECISION_PHRASES, RECIPIENTS } from '../../shared/vocabulary/decisions.js';
import { DOCUMENT_KINDS, DOCUMENT_QUALIFIERS } from '../../shared/vocabulary/document-kinds.js';
import { EVENT_NAMES } from '../../shared/vocabulary/event-names.js';
import { STAGE_NAMES } from '../../shared/vocabulary/stage-names.js';
import { STATUSES } from '../../shared/vocabulary/statuses.js';
import { lawNumberText, protocolText, sozdText } from '../../shared/vocabulary/sozd-text.js';
import {
  translateCommittee,
  translateDecision,
  translateDocumentTitle,
  translateEventName,
  translateStatus,
} from '../../shared/vocabulary/translate-sozd-text.js';
import { transliterate } from '../../shared/vocabulary/transliterate.js';

const CYRILLIC = /[\u0400-\u04FF]/;

describe('the vocabulary tables', () => {
  const tables = { EVENT_NAMES, DECISION_PHRASES, DECISION_DETAILS, DAY_COUNTS, RECIPIENTS, DOCUMENT_KINDS, DOCUMENT_QUALIFIERS, STATUSES, COMMITTEES };

  it.each(Object.entries(tables))('%s: every entry has its Russian source, an English rendering with no Cyrillic, and no source twice', (_name, table) => {
    const entries = table as ReadonlyArray<{ ru: string; en: string; body?: string }>;

    expect(entries.filter((entry) => !CYRILLIC.test(entry.ru) && !/^\{\w+(:\w+)?\}$/.test(entry.ru))).toEqual([]);
    expect(entries.filter((entry) => CYRILLIC.test(entry.en) || entry.en.trim() === '')).toEqual([]);
    const sources = entries.map((entry) => `${entry.body ?? ''} ${entry.ru.toLowerCase()}`);
    expect(sources.filter((source, index) => sources.indexOf(source) !== index)).toEqual([]);
  });

  it('names every stage in both languages', () => {
    expect(STAGE_NAMES.map((stage) => stage.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(STAGE_NAMES.filter((stage) => CYRILLIC.test(stage.en + stage.shortEn) || !CYRILLIC.test(stage.ru.join('') + stage.shortRu))).toEqual([]);
  });
});

describe('translateDecision', () => {
  it('matches a standard decision whatever its case, whitespace, ё or final full stop', () => {
    expect(
      ['Принять законопроект в первом чтении', 'принять  законопроект\n в первом чтении.', 'ПРИНЯТЬ ЗАКОНОПРОЕКТ В ПЕРВОМ ЧТЕНИИ'].map((text) => translateDecision(text).text),
    ).toEqual(['adopt the bill in the first reading', 'adopt the bill in the first reading', 'adopt the bill in the first reading']);
    expect(translateDecision('закон отклонён').text).toBe('the law is rejected');
  });

  it('renders dates, deadlines, sessions and months inside a decision', () => {
    expect(translateDecision('внести законопроект на рассмотрение Государственной Думы (15.05.2018)').text).toBe('put the bill before the State Duma (15.05.2018)');
    expect(translateDecision('внести законопроект на рассмотрение Государственной Думы (январь; 2023)').text).toBe('put the bill before the State Duma (January; 2023)');
    expect(
      translateDecision(
        'принять законопроект в первом чтении; представить поправки к законопроекту (Срок представления поправок в семидневный срок со дня принятия постановления; 27.06.2022)',
      ),
    ).toEqual({ text: 'adopt the bill in the first reading; submit amendments to the bill (amendments due within seven days of the resolution; 27.06.2022)', originals: [] });
    expect(translateDecision('закон одобрен (Дата направления уведомления в Государственную Думу 04.10.2022; Дата направления Президенту Российской Федерации 04.10.2022)').text).toBe(
      'the law is approved (notice sent to the State Duma on 04.10.2022; sent to the President of the Russian Federation on 04.10.2022)',
    );
  });

  it('names committees, addressees and people inside a decision', () => {
    expect(translateDecision('Назначить ответственным комитетом Комитет Государственной Думы по бюджету и налогам').text).toBe(
      'appoint the State Duma Committee on Budget and Taxes as the responsible committee',
    );
    expect(translateDecision('направить законопроект Президенту Российской Федерации, в Совет Федерации и в Правительство Российской Федерации на отзыв').text).toBe(
      'send the bill to the President of the Russian Federation, the Federation Council, the Government of the Russian Federation for their responses',
    );
    expect(translateDecision('дополнение состава инициаторов законопроекта (Депутаты ГД Е.Н. Сенаторова; З.Я. Рахматуллина)').text).toBe(
      'co-sponsors added to the bill (State Duma deputies E.N. Senatorova; Z.Ya. Rakhmatullina)',
    );
    expect(translateDecision('иное решение (назначить комитет-соисполнитель (Комитет Государственной Думы по финансовому рынку))').text).toBe(
      'another decision (appoint a co-responsible committee (State Duma Committee on the Financial Market))',
    );
  });

  it('keeps a bill title inside a decision as the marked original, and says so', () => {
    const rendered = translateDecision('предложить принять законопроект во втором чтении (Новое наименование: "О внесении изменения в статью 1363")');

    expect(rendered).toEqual({
      text: 'propose adopting the bill in the second reading (new title: (original, Russian): "О внесении изменения в статью 1363")',
      originals: ['"О внесении изменения в статью 1363"'],
    });
  });

  it('keeps free text as the marked original, clause by clause', () => {
    expect(translateDecision('снять с контроля поручение; принять закон')).toEqual({
      text: '(original, Russian): снять с контроля поручение; adopt the law',
      originals: ['снять с контроля поручение'],
    });
    expect(translateDecision('принять закон (по мотивам непонятного)').text).toBe('adopt the law ((original, Russian): по мотивам непонятного)');
  });

  it('passes English text (sozd\'s English pages) through as it is', () => {
    expect(translateDecision('pass the bill in the first reading')).toEqual({ text: 'pass the bill in the first reading', originals: [] });
  });
});

describe('event names, statuses, committees, documents', () => {
  it('renders the numbered event types', () => {
    expect(translateEventName('Регистрация писем и документов об изменении текста и паспортных данных законопроекта').text).toBe(
      "Registration of letters and documents changing the bill's text or details",
    );
    expect(translateEventName('Опубликование закона').text).toBe('Publication of the law');
    expect(translateEventName('Неизвестное событие')).toEqual({ text: '(original, Russian): Неизвестное событие', originals: ['Неизвестное событие'] });
  });

  it('renders statuses', () => {
    expect(['На рассмотрении', 'В архиве', 'In the archive'].map((status) => translateStatus(status).text)).toEqual(['Under consideration', 'Archived', 'In the archive']);
  });

  it('renders a committee of either chamber in any grammatical case, and nothing for an unknown one', () => {
    expect(translateCommittee('Комитет Совета Федерации по социальной политике')?.text).toBe('Federation Council Committee on Social Policy');
    expect(translateCommittee('Комитета Государственной Думы по охране здоровья')?.text).toBe('State Duma Committee on Health Protection');
    expect(translateCommittee('Комитет Государственной Думы по вопросам, которых нет')).toBeUndefined();
  });

  it('renders a document title: its kind, its qualifiers and its committee', () => {
    expect(translateDocumentTitle('Пояснительная записка (новая редакция) (Комитет Государственной Думы по просвещению)').text).toBe(
      'Explanatory note (new version) (State Duma Committee on Education)',
    );
    expect(translateDocumentTitle('Заключение Правового управления (2 чт. повторно)').text).toBe('Opinion of the Legal Department (reading 2, again)');
    expect(translateDocumentTitle('Заключение Комитета Совета Федерации по бюджету и финансовым рынкам').text).toBe(
      'Opinion of the Federation Council Committee on Budget and Financial Markets',
    );
    expect(translateDocumentTitle('395693-8.PDF').text).toBe('395693-8.PDF');
    expect(translateDocumentTitle('Справка (Комитет Государственной Думы по просвещению)').text).toBe(
      '(original, Russian): Справка (Комитет Государственной Думы по просвещению)',
    );
  });

  it('spells a person in Latin letters', () => {
    expect(transliterate('С.Ш. Мурзабаева, Ю.Щ. Жуков')).toBe('S.Sh. Murzabaeva, Yu.Shch. Zhukov');
  });
});

describe('sozdText', () => {
  it('leaves Russian text as the page wrote it for a Russian reader', () => {
    expect(sozdText('decision', 'Принять законопроект в первом чтении', 'ru')).toBe('Принять законопроект в первом чтении');
    expect([lawNumberText('386-ФЗ', 'ru'), protocolText('289, п.65', 'ru')]).toEqual(['386-ФЗ', '289, п.65']);
  });

  it('writes law numbers and protocol references the English way', () => {
    expect([lawNumberText('386-ФЗ', 'en'), lawNumberText('1-ФКЗ', 'en'), protocolText('289, п.65', 'en'), protocolText('б/н', 'en')]).toEqual([
      '386-FZ',
      '1-FKZ',
      '289, item 65',
      'no number',
    ]);
  });
});
