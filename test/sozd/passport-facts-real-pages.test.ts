import { describe, expect, it } from 'vitest';
import type { Initiator } from '../../shared/bill/bill.js';
import { parseBillPage } from '../../shared/sozd/parse-bill-page.js';
import { HAVE_REAL_PAGES, readRealPage } from '../support/real-sozd-pages.js';

const deputies = (...names: string[]): Initiator[] => names.map((name) => ({ kind: 'deputy', name }));
const GOVERNMENT: Initiator = { kind: 'body', name: 'Правительство Российской Федерации' };
const LABOUR = 'Комитет Государственной Думы по труду, социальной политике и делам ветеранов';

// Read off each page's "Субъект права законодательной инициативы" and "Ответственный комитет" rows by hand.
const EXPECTED: Array<{ number: string; committee: string; initiators: Initiator[] }> = [
  {
    number: '1001390-6',
    committee: LABOUR,
    initiators: [
      ...deputies(
        'А.К.Исаев', 'Н.Ф.Герасименко', 'С.Ш.Мурзабаева', 'В.Е.Позгалев', 'Н.И.Борцов', 'О.В.Хоронжук', 'М.М.Бариев', 'А.В.Кузьмина',
        'А.П.Петров', 'Н.В.Герасимова', 'П.И.Пимашков', 'С.Б.Дорофеев', 'О.Г.Борзова', 'Л.А.Огуль', 'В.Ю.Максимов', 'Н.А.Шайденко',
        'О.К.Красильникова', 'Л.Г.Фечина', 'Р.Х.Натхо',
      ),
      { kind: 'senator', name: 'В.В.Рязанский' },
    ],
  },
  { number: '115864-8', committee: 'Комитет Государственной Думы по государственному строительству и законодательству', initiators: deputies('Н.В.Костенко', 'И.И.Демченко', 'А.Н.Дорошенко') },
  { number: '125874-8', committee: 'Комитет Государственной Думы по науке и высшему образованию', initiators: deputies('О.Г.Дмитриева', 'Н.А.Останина') },
  {
    number: '134824-8',
    committee: 'Комитет Государственной Думы по просвещению',
    initiators: [{ kind: 'body', name: 'Государственное Собрание - Курултай Республики Башкортостан' }, ...deputies('Э.Р.Аиткулова')],
  },
  { number: '137906-8', committee: 'Комитет Государственной Думы по бюджету и налогам', initiators: deputies('И.А.Антропенко') },
  {
    number: '160451-6',
    committee: 'Комитет Государственной Думы по земельным отношениям и строительству',
    initiators: deputies('Б.К.Балашов', 'Д.В.Волков', 'Е.Н.Сенаторова', 'З.Я.Рахматуллина', 'М.Х.Юсупов', 'М.Л.Шаккум', 'И.Б.Богуславский', 'Р.Ш.Хайров', 'Б.В.Агаев', 'А.Б.Выборный'),
  },
  { number: '204628-7', committee: 'Комитет Государственной Думы по природным ресурсам, собственности и земельным отношениям', initiators: [GOVERNMENT] },
  { number: '259246-6', committee: LABOUR, initiators: [GOVERNMENT] },
  // The responsible committee, not the profile committee ("по транспорту", the remit's committee since).
  { number: '49153-6', committee: 'Комитет Государственной Думы по транспорту и строительству', initiators: deputies('Я.Е.Нилов', 'А.Н.Свинцов', 'А.С.Старовойтов', 'Р.С.Ильясов', 'А.А.Андреев') },
  // sozd's English page names the group only.
  { number: '96008902-2', committee: 'State Duma Committee on Affairs of Public Associations and Religious Organizations', initiators: [{ kind: 'body', name: 'Deputies of the State Duma' }] },
];

describe.skipIf(!HAVE_REAL_PAGES)('the committee and the initiators of the ten real sozd pages', () => {
  it.each(EXPECTED)('bill $number: its responsible committee and every initiator, split and in passport order', (expected) => {
    const bill = parseBillPage(readRealPage(expected.number));

    expect({ number: bill.number, committee: bill.committee, initiators: bill.initiators }).toEqual(expected);
  });
});
