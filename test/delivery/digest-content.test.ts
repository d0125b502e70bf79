import { describe, expect, it } from 'vitest';
import { renderDigestEmail } from '../../shared/email/render-digest-email.js';
import { changeMatchesStages } from '../../shared/pipeline/stage-filter.js';
import { buildSlackDigestMessage } from '../../shared/slack/slack-digest.js';
import type { Alert } from '../../shared/topics/alert.js';
import { BILL, exampleChange } from './delivery-harness.js';

const unsubscribeUrl = 'https://alerts.example.org/unsubscribe?t=abc';

describe('renderDigestEmail', () => {
  it('counts changes and bills with Russian plural forms in the subject', () => {
    const subjects = [1, 2, 5, 21].map(
      (count) => renderDigestEmail(Array.from({ length: count }, (_, n) => exampleChange(n)), { language: 'ru', unsubscribeUrl }).subject,
    );
    expect(subjects).toEqual([
      'duma-alerts: 1 изменение в 1 законопроекте',
      'duma-alerts: 2 изменения в 1 законопроекте',
      'duma-alerts: 5 изменений в 1 законопроекте',
      'duma-alerts: 21 изменение в 1 законопроекте',
    ]);
  });

  it('shows every change old → new with the change email’s wording, and the unsubscribe link', () => {
    const email = renderDigestEmail([exampleChange(1), exampleChange(2)], { language: 'en', unsubscribeUrl });
    expect(email.text.match(/→/g)).toHaveLength(4); // subject line and body line of each change's stage move
    expect(email.text).toContain('test-1');
    expect(email.text).toContain('test-2');
    expect(email.html).toContain(`href="${unsubscribeUrl}"`);
  });

  it('refuses an empty digest', () => {
    expect(() => renderDigestEmail([], { language: 'en', unsubscribeUrl })).toThrow('a digest needs at least one change');
  });
});

describe('buildSlackDigestMessage', () => {
  it('stays within Slack’s 50 blocks and counts the changes that did not fit', () => {
    const message = buildSlackDigestMessage(Array.from({ length: 30 }, (_, n) => exampleChange(n)), 'en');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const shown = message.blocks.filter((block) => block.type === 'header').length - 1;
    expect(message.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${30 - shown} more change(s): see the bills on sozd.duma.gov.ru` }],
    });
  });
});

const NEWS: Alert = {
  kind: 'bill-news',
  id: `news:${BILL}:n1`,
  createdAt: '2026-03-01T10:00:00.000Z',
  item: { source: 'news', title: 'The bill in the press', link: 'https://news.example/1' },
  billNumber: BILL,
};
const TOPIC: Alert = {
  kind: 'topic-match',
  id: 'topic:k:n2',
  createdAt: '2026-03-01T09:30:00.000Z',
  item: { source: 'news', title: 'Taxes again', link: 'https://news.example/2' },
  topic: { key: 'k', query: 'taxes' },
  why: [{ term: 'taxes', field: 'title', found: ['Taxes'] }],
};

describe('digests with alerts', () => {
  it('counts alerts in the email subject and sends an alerts-only digest', () => {
    const subjects = [
      renderDigestEmail([exampleChange(1)], { language: 'en', unsubscribeUrl }, [NEWS, TOPIC]).subject,
      renderDigestEmail([], { language: 'ru', unsubscribeUrl }, [TOPIC]).subject,
    ];
    expect(subjects).toEqual(['duma-alerts: 1 change in 1 bill and 2 alerts', 'duma-alerts: 1 уведомление']);
  });

  it('puts a bill\'s news right after its changes in Slack, and topic matches last', () => {
    const message = buildSlackDigestMessage([exampleChange(1), exampleChange(2)], 'en', [TOPIC, NEWS]);
    const headers = message.blocks.flatMap((block) => (block.type === 'header' ? [block.text.text] : []));
    expect(headers).toEqual([
      'duma-alerts digest: 2 change(s), 2 alert(s)',
      `${BILL}: ${exampleChange(1).billTitle}`,
      `${BILL}: ${exampleChange(2).billTitle}`,
      `Bill ${BILL} in the news`,
      'Topic: taxes',
    ]);
  });
});

describe('changeMatchesStages', () => {
  it('passes a change in or into a chosen stage, drops others, and passes a change that names no stage', () => {
    const firstReading = exampleChange(1); // event in stage 3, moved from 2 to 3
    const statusOnly = { ...firstReading, event: undefined, facts: [{ type: 'status-changed' as const, from: 'a', to: 'b', archived: true }] };
    expect([
      changeMatchesStages(firstReading, 'all'),
      changeMatchesStages(firstReading, [3]),
      changeMatchesStages(firstReading, [2, 7]),
      changeMatchesStages(statusOnly, [7]),
    ]).toEqual([true, true, false, true]);
  });
});
