import { describe, expect, it } from 'vitest';
import type { BillChange } from '../../shared/bill/bill-change.js';
import { buildSlackBillMessage } from '../../shared/slack/slack-message.js';
import { cutSlackText, escapeSlackText } from '../../shared/slack/slack-text.js';
import { EXAMPLE_BILL_CHANGE } from '../../shared/webhooks/webhook-examples.js';
import { slackBlockTexts } from '../support/slack-block-texts.js';

const TITLE = 'О внесении изменений в Федеральный закон «Об информации, информационных технологиях и о защите информации»';


describe('buildSlackBillMessage', () => {
  it('renders a first-reading change in English with the old → new stage, decision, Moscow date and link', () => {
    expect(buildSlackBillMessage(EXAMPLE_BILL_CHANGE, 'en')).toEqual({
      text: '1075342-8: Event: First reading of the bill; Stage: Preliminary consideration → First reading',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: `1075342-8: ${TITLE}` } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*Event:* First reading of the bill\n*Stage:* Preliminary consideration → First reading',
          },
        },
        { type: 'section', text: { type: 'mrkdwn', text: '*Decision:* adopt the bill in the first reading' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Date: 16.12.2025 14:39 (Moscow time) · title: the original, in Russian' }] },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Open the bill' }, url: 'https://sozd.duma.gov.ru/bill/1075342-8' },
          ],
        },
      ],
    });
  });

  it('renders the same change in Russian', () => {
    expect(buildSlackBillMessage(EXAMPLE_BILL_CHANGE, 'ru')).toEqual({
      text:
        '1075342-8: Событие: Рассмотрение законопроекта в первом чтении; ' +
        'Стадия: Предварительное рассмотрение законопроекта → Рассмотрение законопроекта в первом чтении',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: `1075342-8: ${TITLE}` } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text:
              '*Событие:* Рассмотрение законопроекта в первом чтении\n' +
              '*Стадия:* Предварительное рассмотрение законопроекта → Рассмотрение законопроекта в первом чтении',
          },
        },
        { type: 'section', text: { type: 'mrkdwn', text: '*Решение:* Принять законопроект в первом чтении' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Дата: 16.12.2025 14:39 (МСК)' }] },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Открыть законопроект' },
              url: 'https://sozd.duma.gov.ru/bill/1075342-8',
            },
          ],
        },
      ],
    });
  });

  it('renders a status change without an event: no decision block, date from detection converted to Moscow time', () => {
    // Arrange
    const change: BillChange = {
      ...EXAMPLE_BILL_CHANGE,
      kind: 'status',
      event: undefined,
      detectedAt: '2025-12-31T22:30:00Z',
      facts: [
        { type: 'status-changed', from: 'На рассмотрении', to: 'Снят с рассмотрения', archived: true },
        { type: 'law-number-assigned', lawNumber: '353-ФЗ' },
        { type: 'published', publication: 'Российская газета' },
      ],
    };

    // Act
    const message = buildSlackBillMessage(change, 'en');

    // Assert
    expect(message.blocks.map((block) => block.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(message.blocks.slice(1, 3).flatMap(slackBlockTexts)).toEqual([
      '*Status:* Under consideration → Withdrawn from consideration (archived)\n*Law number:* 353-FZ\n*Published:* Российская газета',
      'Date: 01.01.2026 01:30 (Moscow time) · title: the original, in Russian',
    ]);
  });

  it("escapes &, < and > so a title or decision cannot ping a channel or forge a link", () => {
    // Arrange
    const change: BillChange = {
      ...EXAMPLE_BILL_CHANGE,
      event: { ...EXAMPLE_BILL_CHANGE.event!, decisions: ['<!channel> see <https://evil.example|this> & that'] },
      facts: [{ type: 'status-changed', from: 'A<B', to: 'B>A', archived: false }],
    };

    // Act
    const message = buildSlackBillMessage(change, 'en');

    // Assert
    expect(message.blocks.slice(1, 3).flatMap(slackBlockTexts)).toEqual([
      '*Status:* A&lt;B → B&gt;A',
      '*Decision:* &lt;!channel&gt; see &lt;https://evil.example|this&gt; &amp; that',
    ]);
    expect(message.text).toBe('1075342-8: Status: A&lt;B → B&gt;A');
  });

  it("keeps a huge change within Slack's limits: header ≤ 150, sections ≤ 3000, text ≤ 3000, blocks ≤ 50", () => {
    // Arrange
    const change: BillChange = {
      ...EXAMPLE_BILL_CHANGE,
      billTitle: '<Закон> & '.repeat(5_000),
      event: {
        ...EXAMPLE_BILL_CHANGE.event!,
        name: 'Событие '.repeat(2_000),
        decisions: Array.from({ length: 500 }, (_, i) => `Решение ${i} & <дополнение> 😀`),
      },
      facts: [
        { type: 'new-event' },
        { type: 'status-changed', from: 'x'.repeat(10_000), to: 'y'.repeat(10_000), archived: false },
        { type: 'published', publication: 'z'.repeat(10_000) },
      ],
    };

    // Act
    const message = buildSlackBillMessage(change, 'ru');

    // Assert: the decision section stops 3 short because cutting there would have split an entity.
    const [header, ...rest] = message.blocks;
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(header?.type === 'header' && header.text.text.length).toBe(150);
    expect(rest.filter((block) => block.type === 'section').map((block) => slackBlockTexts(block)[0]?.length)).toEqual([3000, 2997]);
    expect(message.text.length).toBe(3000);
    expect(message.blocks.flatMap(slackBlockTexts).filter((text) => /&[a-z]{0,3}…$|[\uD800-\uDBFF]…$/.test(text))).toEqual([]);
  });
});

describe('slack text helpers', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeSlackText('a & b < c > d * _ ~')).toBe('a &amp; b &lt; c &gt; d * _ ~');
  });

  it('cuts without leaving half an entity or half a surrogate pair', () => {
    expect([cutSlackText('abc&amp;def', 6), cutSlackText('ab😀cd', 4), cutSlackText('short', 10)]).toEqual(['abc…', 'ab…', 'short']);
  });
});
