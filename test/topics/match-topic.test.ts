import { describe, expect, it } from 'vitest';
import { matchTopic } from '../../shared/topics/match-topic.js';
import { parseTopicQuery } from '../../shared/topics/parse-topic-query.js';
import { tokenize } from '../../shared/topics/tokenize.js';

function match(query: string, fields: Record<string, string>) {
  return matchTopic(parseTopicQuery(query), { fields });
}

describe('tokenize', () => {
  it('gives each word its match keys, exact offsets and sentence, splitting hyphenated words into parts', () => {
    expect(tokenize('Санкт-Петербург, ёлки! Иране')).toEqual([
      { keys: ['~санкт'], word: 'Санкт', start: 0, end: 5, sentence: 0 },
      { keys: ['=петербург', '~петербург'], word: 'Петербург', start: 6, end: 15, sentence: 0 },
      { keys: ['=елка', '~елк'], word: 'ёлки', start: 17, end: 21, sentence: 0 },
      { keys: ['=иран', '~иран'], word: 'Иране', start: 23, end: 28, sentence: 1 },
    ]);
  });

  it('keeps soft hyphens, zero-width characters and stress marks inside the word they break', () => {
    expect(tokenize('Пес\u00ADко\u0301ва за\u200Bкон').map((token) => [token.word, token.keys])).toEqual([
      ['Пес\u00ADко\u0301ва', ['=песков', '~песков']],
      ['за\u200Bкон', ['=закон', '~закон']],
    ]);
  });
});

describe('matchTopic', () => {
  it('finds a Russian word in its inflected forms and says which words were found where', () => {
    expect(match('экстрадиция', { title: 'Об экстрадиции граждан', summary: 'Порядок отказа в экстрадицию' })).toEqual({
      hits: [
        { term: 'экстрадиция', field: 'title', found: ['экстрадиции'] },
        { term: 'экстрадиция', field: 'summary', found: ['экстрадицию'] },
      ],
    });
  });

  it('finds an English word in its plural', () => {
    expect(match('bill', { title: 'Two bills passed' })).toEqual({ hits: [{ term: 'bill', field: 'title', found: ['bills'] }] });
  });

  it('ignores case and reads ё as е, in the query and in the text', () => {
    expect(match('ОТЧЁТ', { title: 'Отчета нет', summary: 'отчёты правительства' })).toEqual({
      hits: [
        { term: 'ОТЧЁТ', field: 'title', found: ['Отчета'] },
        { term: 'ОТЧЁТ', field: 'summary', found: ['отчёты'] },
      ],
    });
  });

  it('lists each distinct form once, in text order', () => {
    expect(match('санкции', { title: 'Санкции, санкций и снова санкции' })).toEqual({
      hits: [{ term: 'санкции', field: 'title', found: ['Санкции', 'санкций', 'санкции'] }],
    });
  });

  it('matches on word boundaries only: "bill" not in "billion", "закон" not in "законопроект"', () => {
    expect(match('bill', { title: 'a billion roubles' })).toBeNull();
    expect(match('закон', { title: 'законопроект внесён' })).toBeNull();
  });

  it('matches a phrase only where its words stand consecutively, in any inflection', () => {
    expect(match('"военная служба"', { title: 'О военной службе' })).toEqual({
      hits: [{ term: 'военная служба', field: 'title', found: ['военной службе'] }],
    });
    expect(match('"военная служба"', { title: 'служба военная' })).toBeNull();
    expect(match('"военная служба"', { title: 'военная и служба' })).toBeNull();
  });

  it('matches "иностранные граждане" AND "военная служба" only when both phrases are there, reporting both', () => {
    const query = '"иностранные граждане" AND "военная служба"';
    expect(
      match(query, { title: 'О военной службе', summary: 'Иностранным гражданам разрешат контракт' }),
    ).toEqual({
      hits: [
        { term: 'иностранные граждане', field: 'summary', found: ['Иностранным гражданам'] },
        { term: 'военная служба', field: 'title', found: ['военной службе'] },
      ],
    });
    expect(match(query, { title: 'О военной службе', summary: 'Гражданам разрешат контракт' })).toBeNull();
  });

  it('lets NOT exclude a document and reports nothing for the excluded term', () => {
    expect(match('санкции NOT суд', { title: 'Санкции отменены' })).toEqual({
      hits: [{ term: 'санкции', field: 'title', found: ['Санкции'] }],
    });
    expect(match('санкции NOT суд', { title: 'Санкции отменены', decision: 'решение суда' })).toBeNull();
  });

  it('reports every branch of an OR that matched', () => {
    expect(match('налог OR пенсия OR суд', { title: 'Налоги и пенсии' })).toEqual({
      hits: [
        { term: 'налог', field: 'title', found: ['Налоги'] },
        { term: 'пенсия', field: 'title', found: ['пенсии'] },
      ],
    });
  });

  it('matches a hyphenated query word as the whole hyphenated word, and a part on its own', () => {
    expect(match('военно-промышленный', { title: 'Военно-промышленного комплекса' })).toEqual({
      hits: [{ term: 'военно-промышленный', field: 'title', found: ['Военно-промышленного'] }],
    });
    expect(match('петербург', { title: 'Санкт-Петербурге' })).toEqual({
      hits: [{ term: 'петербург', field: 'title', found: ['Петербурге'] }],
    });
  });

  it('matches a phrase of three or more words only where all stand consecutively, in any inflection', () => {
    const query = '"проект федерального закона"';
    expect(match(query, { title: 'Внесены проекты федеральных законов о налогах' })).toEqual({
      hits: [{ term: 'проект федерального закона', field: 'title', found: ['проекты федеральных законов'] }],
    });
    expect(match(query, { title: 'Проект закона федерального значения' })).toBeNull();
    expect(match('"о внесении изменений в закон"', { title: 'О внесении изменений в Закон о полиции' })).toEqual({
      hits: [{ term: 'о внесении изменений в закон', field: 'title', found: ['О внесении изменений в Закон'] }],
    });
  });

  it('reports a form a text repeats once, and at most 10 distinct forms per term and field', () => {
    expect(match('налог', { title: 'налог '.repeat(1_000) })).toEqual({ hits: [{ term: 'налог', field: 'title', found: ['налог'] }] });
    const forms = ['налог', 'налога', 'налогу', 'налогом', 'налоге', 'налоги', 'налогов', 'налогам', 'налогами', 'налогах', 'Налог', 'НАЛОГ'];
    expect(match('налог', { title: forms.join(' ') })).toEqual({ hits: [{ term: 'налог', field: 'title', found: forms.slice(0, 10) }] });
  });

  it('keeps a phrase within one sentence: not across a full stop, question mark or ellipsis, but across a comma', () => {
    expect(match('"военная служба"', { title: 'Техника военная. Служба доставки' })).toBeNull();
    expect(match('"военная служба"', { title: 'Он военная? Служба…' })).toBeNull();
    expect(match('"военная служба"', { title: 'Какая военная… служба' })).toBeNull();
    expect(match('"военная служба"', { title: 'военная, служба' })).toEqual({
      hits: [{ term: 'военная служба', field: 'title', found: ['военная, служба'] }],
    });
  });

  it('reads a word broken by a soft hyphen, a zero-width space, a stress mark or a Latin look-alike letter as the word', () => {
    for (const written of ['Пес\u00ADкова', 'Пес\u200Bкова', 'Песко\u0301ва', 'Пеcкова']) {
      expect(match('Песков', { title: `Слова ${written}` })).toEqual({ hits: [{ term: 'Песков', field: 'title', found: [written] }] });
    }
  });

  it('tells names from common words: Песков is not sand, Ростов is not growth, казнь is not the treasury', () => {
    expect(match('Песков', { title: 'Много песка и песков' })).toBeNull();
    expect(match('Ростов', { title: 'Рост цен' })).toBeNull();
    expect(match('казнь', { title: 'Доходы казны' })).toBeNull();
    expect(match('суд', { title: 'Судно на мели' })).toBeNull();
  });

  it('tells words apart that differ by a doubled letter: суд is not ссуда, сумма is not сума, Ана is not Анна', () => {
    // Arrange
    const cases: Array<[string, string]> = [
      ['суд', 'Банки выдали ссуды'],
      ['ссуда', 'Суд отменил решение'],
      ['сумма', 'Сума и тюрьма'],
      ['Ана', 'Анна Каренина'],
    ];

    // Act
    const results = cases.map(([query, title]) => match(query, { title }));

    // Assert
    expect(results).toEqual([null, null, null, null]);
    expect(match('ссуда', { title: 'Банки выдали ссуды' })).toEqual({ hits: [{ term: 'ссуда', field: 'title', found: ['ссуды'] }] });
  });
});
