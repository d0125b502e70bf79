import { describe, expect, it } from 'vitest';
import { buildBillPage } from '../../local/simulator/sozd-page-builder.js';
import { committeeOf, parseInitiators, personName } from '../../shared/sozd/passport-facts.js';
import { parseBillPage } from '../../shared/sozd/parse-bill-page.js';

describe('parseInitiators', () => {
  it('splits groups on semicolons and people after their role on commas; a body keeps its commas', () => {
    expect(parseInitiators('Законодательное Собрание Ленинградской области, поддержанное депутатами; Члены Совета Федерации А.А.Клишас, В.В.Рязанский')).toEqual([
      { kind: 'body', name: 'Законодательное Собрание Ленинградской области, поддержанное депутатами' },
      { kind: 'senator', name: 'А.А.Клишас' },
      { kind: 'senator', name: 'В.В.Рязанский' },
    ]);
  });

  it('joins initials to the surname however they are spaced, and drops a repeat', () => {
    expect(parseInitiators('Депутат  Государственной Думы А. К. Исаев,  А.К.Исаев, Н.В. Костенко')).toEqual([
      { kind: 'deputy', name: 'А.К.Исаев' },
      { kind: 'deputy', name: 'Н.В.Костенко' },
    ]);
  });

  it('keeps a role without names as a body in the page’s own words', () => {
    expect(parseInitiators('Депутаты Государственной Думы')).toEqual([{ kind: 'body', name: 'Депутаты Государственной Думы' }]);
  });

  it('reads nothing from an empty row', () => {
    expect(parseInitiators(' ; ')).toEqual([]);
  });
});

describe('personName and committeeOf', () => {
  it('writes a name as sozd does', () => {
    expect(personName(' Э. Р.  Аиткулова ')).toBe('Э.Р.Аиткулова');
  });

  it('takes the responsible committee before the profile committee, and the profile committee when it is the only one', () => {
    expect(committeeOf([{ label: 'Профильный комитет', value: 'Комитет Государственной Думы по транспорту' }, { label: 'Ответственный  комитет', value: 'Комитет  Государственной Думы по транспорту и строительству' }])).toBe(
      'Комитет Государственной Думы по транспорту и строительству',
    );
    expect(committeeOf([{ label: 'Профильный комитет', value: 'Комитет Государственной Думы по транспорту' }])).toBe('Комитет Государственной Думы по транспорту');
    expect(committeeOf([{ label: 'Форма законопроекта', value: 'Федеральный закон' }])).toBeUndefined();
  });
});

describe('a page built in sozd’s structure', () => {
  it('reads back the committee and the initiators it was built with, in the rows sozd uses', () => {
    const page = buildBillPage({
      number: '4001-99',
      title: 'О проверке',
      initiators: 'Правительство Российской Федерации; Депутат Государственной Думы И.А.Антропенко',
      committee: 'Комитет Государственной Думы по бюджету и налогам',
      events: [{ id: '10000000-0000-4000-8000-000000000001', stageId: 1, eventNumber: '1.1', name: 'Регистрация законопроекта', date: '2026-11-30T10:00:00' }],
    });

    const bill = parseBillPage(page);

    expect({ committee: bill.committee, initiators: bill.initiators, labels: bill.passport.map((field) => field.label) }).toEqual({
      committee: 'Комитет Государственной Думы по бюджету и налогам',
      initiators: [
        { kind: 'body', name: 'Правительство Российской Федерации' },
        { kind: 'deputy', name: 'И.А.Антропенко' },
      ],
      labels: ['Субъект права законодательной инициативы', 'Форма законопроекта', 'Ответственный комитет', 'Профильный комитет'],
    });
  });
});
