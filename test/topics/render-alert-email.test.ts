import { describe, expect, it } from 'vitest';
import { renderAlertEmail } from '../../shared/email/render-topic-email.js';
import type { Alert } from '../../shared/topics/alert.js';

const UNSUBSCRIBE = 'https://alerts.example/unsubscribe?token=abc';
const ITEM = {
  source: 'news' as const,
  title: 'Bills on <extradition> & "foreign fighters"',
  link: 'https://news.example/a?x=1&y=2',
  summary: 'The Duma passed two bills.',
  publishedAt: '2024-10-02T09:30:00.000Z',
  sourceLabel: 'The Moscow Times',
};
const TOPIC_ALERT: Alert = {
  kind: 'topic-match',
  id: 'topic:q1:n1',
  createdAt: '2024-10-02T10:00:00.000Z',
  item: ITEM,
  topic: { key: 'q1', query: 'bill AND extradition' },
  why: [
    { term: 'bill', field: 'title', found: ['Bills'] },
    { term: 'bill', field: 'summary', found: ['bills'] },
    { term: 'extradition', field: 'title', found: ['extradition'] },
  ],
};

describe('renderAlertEmail', () => {
  it('a topic match says which words were found in which field, with the item, its source and date', () => {
    const email = renderAlertEmail(TOPIC_ALERT, { language: 'en', unsubscribeUrl: UNSUBSCRIBE });

    expect(email.subject).toBe('Topic "bill AND extradition": Bills on <extradition> & "foreign fighters"');
    expect(email.text).toBe(
      [
        'Topic: bill AND extradition',
        'Bills on <extradition> & "foreign fighters"',
        'https://news.example/a?x=1&y=2',
        '',
        'Why it matched',
        '- Title: bill — found "Bills"',
        '- Summary: bill — found "bills"',
        '- Title: extradition — found "extradition"',
        '',
        'Item',
        '- Source: The Moscow Times',
        '- Date: 2 October 2024, 12:30 MSK',
        '',
        'Summary',
        '- The Duma passed two bills.',
        '',
        '--',
        'You receive this email because you follow the topic "bill AND extradition" on duma-alerts.',
        `Unsubscribe: ${UNSUBSCRIBE}`,
        '',
      ].join('\n'),
    );
  });

  it('escapes every piece of item text in the HTML part', () => {
    const { html } = renderAlertEmail(TOPIC_ALERT, { language: 'en', unsubscribeUrl: UNSUBSCRIBE });

    expect(html).toContain(
      '<a href="https://news.example/a?x=1&amp;y=2" style="color:#0b57d0;text-decoration:underline">Bills on &lt;extradition&gt; &amp; &quot;foreign fighters&quot;</a>',
    );
    expect(html).not.toContain('<extradition>');
  });

  it('an "in the news" alert names the bill, in Russian, and says how to turn such news off', () => {
    const alert: Alert = { kind: 'bill-news', id: 'news:1075342-8:n1', createdAt: '2024-10-02T10:00:00.000Z', item: ITEM, billNumber: '1075342-8' };

    const email = renderAlertEmail(alert, { language: 'ru', unsubscribeUrl: UNSUBSCRIBE });

    expect(email.subject).toBe('Законопроект № 1075342-8 в новостях: Bills on <extradition> & "foreign fighters"');
    expect(email.text.split('\n').slice(0, 9)).toEqual([
      'Законопроект № 1075342-8 в новостях',
      'Bills on <extradition> & "foreign fighters"',
      'https://news.example/a?x=1&y=2',
      '',
      'Материал',
      '- Источник: The Moscow Times',
      '- Дата: 2 октября 2024, 12:30 МСК',
      '',
      'Анонс',
    ]);
    expect(email.text).toContain('Новости о законопроектах можно отключить в настройках.');
  });
});
