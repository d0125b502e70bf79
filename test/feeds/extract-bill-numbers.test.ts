import { describe, expect, it } from 'vitest';
import { MAX_CONVOCATION } from '../../shared/bill/bill.js';
import { extractBillNumbers, findBillMentions } from '../../shared/feeds/extract-bill-numbers.js';

/*
 * What counts as naming a bill: a sozd link, or a word for a bill naming the number in the same sentence, and a real
 * convocation after the dash. Everything else with the same shape (resolutions, cases, orders, dates) is not a bill.
 */

describe('extractBillNumbers finds bills named as bills', () => {
  it.each([
    ['a bill word and №', 'Госдума рассмотрит законопроект № 1075342-8 в среду', ['1075342-8']],
    ['a bill word without a sign', 'Госдума рассмотрит законопроект 1075342-8 в среду', ['1075342-8']],
    ['the genitive and a glued №', 'поправки ко второму чтению законопроекта №1075342-8.', ['1075342-8']],
    ['the dative and N', 'Законопроекту N 1075342-8 дали ход', ['1075342-8']],
    ['the instrumental', 'Правительство выступило с законопроектом № 1075342-8', ['1075342-8']],
    ['the prepositional', 'о законопроекте № 1075342-8 спорят', ['1075342-8']],
    ['the plural genitive and №№', 'пакет законопроектов №№ 1-8, 2-8', ['1-8', '2-8']],
    ['проект федерального закона', 'Внесён проект федерального закона № 1075342-8', ['1075342-8']],
    ['проект федерального конституционного закона', 'проекта федерального конституционного закона № 12-9', ['12-9']],
    ['English bill No.', 'the bill No. 1075342-8 passed', ['1075342-8']],
    ['English bill no without a dot', 'Bill no 1075342-8', ['1075342-8']],
    ['English Nos. with several numbers', 'Bills Nos. 1075342-8 and 99010270-2 passed', ['1075342-8', '99010270-2']],
    ['English draft law', 'The draft law No. 1075342-8 was tabled', ['1075342-8']],
    ['a sozd link', 'https://sozd.duma.gov.ru/bill/1075342-8', ['1075342-8']],
    ['a sozd link without a scheme', 'см. sozd.duma.gov.ru/bill/1075342-8', ['1075342-8']],
    ['a sozd link with www.', 'http://www.sozd.duma.gov.ru/bill/1075342-8/', ['1075342-8']],
    ['sozd links with a query and a fragment', 'https://sozd.duma.gov.ru/bill/99010270-2?tab=events#x', ['99010270-2']],
    ['an en dash inside the number', 'законопроект № 1075342–8', ['1075342-8']],
    ['a non-breaking hyphen inside the number', 'законопроект № 1075342\u20118', ['1075342-8']],
    ['a list joined by commas, и and №', 'законопроекты № 1-8, 2-8 и № 3-8', ['1-8', '2-8', '3-8']],
    ['an English list with and and ;', 'bills 4-8 and 5-8;6-8', ['4-8', '5-8', '6-8']],
    ['a quoted title between the word and the number', 'законопроект «О внесении изменений в Федеральный закон "Об образовании"» (№ 1075342-8)', ['1075342-8']],
    ['a number further on in the same sentence', 'Законопроект о запрете коллекторов, внесённый в июне, № 1075342-8 принят', ['1075342-8']],
    ['a resolution next to the bill it is about', 'Постановление ГД № 5036-8 ГД о законопроекте № 1075342-8', ['1075342-8']],
    ['the highest convocation', `законопроект № 1-${MAX_CONVOCATION}`, [`1-${MAX_CONVOCATION}`]],
    ['leading zeros, written as sozd does', 'законопроект № 01075342-08', ['1075342-8']],
  ])('%s: %j', (_case, text, expected) => {
    expect(extractBillNumbers(text)).toEqual(expected);
  });

  it('lists each number once, in the order first found', () => {
    expect(extractBillNumbers('законопроект № 2-8, then bill 1-8, again законопроект 2-8 and https://sozd.duma.gov.ru/bill/1-8')).toEqual(['2-8', '1-8']);
  });
});

describe('extractBillNumbers leaves alone what is not a bill', () => {
  it.each([
    ['a resolution', 'Постановление ГД № 5036-8 ГД'],
    ['a court case', 'по делу № 1-45 вынесен приговор'],
    ['a court case with a real-looking convocation', 'Суд рассмотрел дело № 2-7 в закрытом режиме'],
    ['an order', 'приказ № 45-12 Минфина'],
    ['an order with a real-looking convocation', 'Приказом № 45-2 утверждён регламент'],
    ['a decree', 'Указ № 12-3 подписан'],
    ['a law', 'Федеральный закон № 44-1 вступил в силу'],
    ['an issue of a magazine', 'выпуск № 3-4 журнала'],
    ['an English resolution', 'Resolution No. 5036-8 was adopted'],
    ['an English court case', 'in case No. 1-4 the court'],
    ['an English issue', 'Issue No. 3-4 of the bulletin'],
    ['№ alone', '№ 3-4'],
    ['№ alone with a bill-like number', 'См. № 1075342-8'],
    ['a bill word in another sentence', 'Законопроект одобрен. № 1075342-8 — номер приказа'],
    ['a document named between the bill word and the number', 'законопроект о поправках в постановление № 12-8'],
    ['a contract named after the bill word', 'Законопроект о закупках ссылается на контракт № 45-3'],
    ['a clause of a regulation', 'законопроект меняет регламент № 7-2, пункт № 3-1'],
    ['a convocation that never sat', 'законопроект № 1075342-12'],
    ['convocation zero', 'законопроект № 1075342-0'],
    ['number zero', 'законопроект № 0-8'],
    ['a sozd link with a convocation that never sat', 'https://sozd.duma.gov.ru/bill/1075342-45'],
    ['a range of days after a bill word', 'Дума рассмотрит законопроект 1-2 октября'],
    ['a number after a bill word with words between', 'законопроект поддержали 300 депутатов, счёт 30-2'],
    ['a date', 'в 2024-10 заседание'],
    ['a phone number', 'звоните +7 495 692-80-00'],
    ['a number without context', 'счёт 12-3 в пользу'],
    ['a date after a bill word and №', 'законопроект № 2024-10-05'],
    ['a bill word inside another word', 'подзаконопроект 5-8, billion 12-3'],
    ['an adjective of the bill word', 'законопроектной работы № 5-8'],
    ['a /bill/ link to another site', 'https://example.com/bill/1075342-8'],
    ['a longer number', 'законопроект № 1075342-85'],
  ])('%s: %j', (_case, text) => {
    expect(extractBillNumbers(text)).toEqual([]);
  });
});

describe('findBillMentions', () => {
  it('spans each mention from the word for a bill (or the link) to the number', () => {
    const text = 'Законопроекты № 1-8 и 2-8 приняты; см. sozd.duma.gov.ru/bill/3-8';

    const spans = findBillMentions(text).map((mention) => [mention.number, text.slice(mention.start, mention.end)]);

    expect(spans).toEqual([
      ['1-8', 'Законопроекты № 1-8'],
      ['2-8', 'Законопроекты № 1-8 и 2-8'],
      ['3-8', 'sozd.duma.gov.ru/bill/3-8'],
    ]);
  });
});
