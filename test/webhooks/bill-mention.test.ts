import { describe, expect, it } from 'vitest';
import { findBillMention } from '../../shared/webhooks/bill-mention.js';

describe('findBillMention', () => {
  it.each([
    [{ title: 'Госдума приняла законопроект № 1075342-8 в первом чтении' }, { field: 'title', matchedText: 'законопроект № 1075342-8' }],
    [{ title: 'Duma news', summary: 'The bill No. 1075342-8 passed' }, { field: 'summary', matchedText: 'bill No. 1075342-8' }],
    [{ title: 'Рассмотрен законопроект 1075342-8' }, { field: 'title', matchedText: 'законопроект 1075342-8' }],
    [{ title: 'Законопроекты № 1-8 и 1075342-8 приняты' }, { field: 'title', matchedText: 'Законопроекты № 1-8 и 1075342-8' }],
    [{ title: 'Законопроект № 1075342–8 (en dash)' }, { field: 'title', matchedText: 'Законопроект № 1075342–8' }],
    [{ title: 'Новость', summary: 'Текст без номера', billLinks: ['https://sozd.duma.gov.ru/bill/1075342-8'] }, { field: 'summary', matchedText: 'https://sozd.duma.gov.ru/bill/1075342-8' }],
    [{ title: 'Принят закон', link: 'https://sozd.duma.gov.ru/bill/1075342-8' }, { field: 'link', matchedText: 'https://sozd.duma.gov.ru/bill/1075342-8' }],
  ])('finds how %j names the bill', (item, expected) => {
    expect(findBillMention(item, '1075342-8')).toEqual(expected);
  });

  it('skips a field where the number is not a bill mention (a longer number, no context, a resolution) for one where it is', () => {
    const item = { title: 'Телефон 1075342-8, постановление № 1075342-8 и законопроект № 1075342-85', summary: 'См. законопроект № 1075342-8' };
    expect(findBillMention(item, '1075342-8')).toEqual({ field: 'summary', matchedText: 'законопроект № 1075342-8' });
  });

  it('finds nothing when no field names the bill', () => {
    expect(findBillMention({ title: 'Законопроект № 2-8 принят' }, '1075342-8')).toBeUndefined();
  });
});
