import { describe, expect, it } from 'vitest';
import { summarizeDropped } from '../../shared/subscriptions/request-summary.js';

const BUDGET = 'Комитет Государственной Думы по бюджету и налогам';
const follows = (bills: string[], topics: string[], committees: string[], initiators: string[]) => ({ bills, topics, committees, initiators });

describe('summarizeDropped: what confirming a request for an active address stops', () => {
  it('is nothing when the request keeps everything the address follows now, adding more', () => {
    const current = follows(['1075342-8'], ['экстрадиция'], [BUDGET], ['А.К.Исаев']);
    const requested = follows(['1075342-8', '4242-8'], ['экстрадиция', 'мигранты'], [BUDGET], ['А.К.Исаев', 'Правительство Российской Федерации']);

    expect(summarizeDropped(current, requested, new Map(), 'en')).toBeUndefined();
  });

  it('lists, kind by kind, exactly the follows the request leaves out, in the reader\'s language', () => {
    const current = follows(['1075342-8', '4242-8'], ['экстрадиция', 'мигранты'], [BUDGET], ['А.К.Исаев']);
    const requested = follows(['4242-8'], ['мигранты'], [], ['А.К.Исаев']);

    const dropped = summarizeDropped(current, requested, new Map(), 'en');

    expect(dropped).toEqual({
      heading: 'It follows these now; confirming stops them:',
      lines: [
        { label: 'Bills', values: ['1075342-8 (title not known yet: read from sozd.duma.gov.ru at the next poll)'], list: true },
        { label: 'Topics', values: ['«экстрадиция»'], list: true },
        { label: 'Committees (each new bill they are given)', values: [`State Duma Committee on Budget and Taxes — ${BUDGET}`], list: true },
      ],
    });
  });

  it('says so in Russian for a Russian reader', () => {
    const dropped = summarizeDropped(follows([], ['экстрадиция'], [], []), follows(['4242-8'], [], [], []), new Map(), 'ru');

    expect(dropped).toEqual({
      heading: 'Сейчас адрес следит за этим; после подтверждения уведомления прекратятся:',
      lines: [{ label: 'Темы', values: ['«экстрадиция»'], list: true }],
    });
  });
});
