import { describe, expect, it } from 'vitest';
import { redactedUrl } from '../../shared/api/console/routes/endpoint-routes.js';
import { escapeWithin } from '../../shared/telegram/telegram-html.js';
import { splitTelegramMessage } from '../../shared/telegram/telegram-message.js';
import { telegramChangeMessages } from '../../shared/telegram/telegram-render.js';
import { EXAMPLE_BILL_CHANGE } from '../../shared/webhooks/webhook-examples.js';

/* Telegram HTML: escaping that never leaves half an entity, and splitting that keeps order and every tag whole. */

describe('Telegram messages', () => {
  it('escapes the four characters and cuts on the raw text, so a cut never leaves half an entity', () => {
    expect(escapeWithin('a < b & "c" > d', 100)).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
    expect(escapeWithin('&&&&', 11)).toBe('&amp;&amp;…');
    expect(escapeWithin('😀😀😀', 5)).toBe('😀😀…');
  });

  it('keeps blocks whole when they fit, and continues a block line by line when it does not', () => {
    // Arrange
    const line = (n: number) => `<b>${n}</b>${'x'.repeat(40)}`;
    const blocks = [[line(1), line(2)], [line(3), line(4), line(5)], [line(6)]];

    // Act
    const messages = splitTelegramMessage(blocks, 110);

    // Assert
    expect(messages).toEqual([`${line(1)}\n${line(2)}`, `${line(3)}\n${line(4)}`, `${line(5)}\n\n${line(6)}`]);
    expect(messages.every((message) => message.length <= 110)).toBe(true);
  });

  it('refuses a line that could not fit any message, rather than cutting inside it', () => {
    expect(() => splitTelegramMessage([['x'.repeat(11)]], 10)).toThrow(new RangeError('a line of 11 code units does not fit a Telegram message'));
  });

  it('renders a change in Russian with Russian words and no "original" marking', () => {
    // Act
    const [message] = telegramChangeMessages(EXAMPLE_BILL_CHANGE, 'ru');

    // Assert
    expect(message?.split('\n').slice(0, 5)).toEqual([
      '<b>Законопроект № 1075342-8: предварительное рассмотрение → первое чтение: Принять законопроект в первом чтении</b>',
      '<a href="https://sozd.duma.gov.ru/bill/1075342-8">О внесении изменений в Федеральный закон «Об информации, информационных технологиях и о защите информации»</a>',
      '',
      '<b>Что изменилось</b>',
      'Новое событие: Рассмотрение законопроекта в первом чтении',
    ]);
  });

  it('shows a Telegram endpoint in the console as its chat, and still hides a webhook URL’s path', () => {
    expect(redactedUrl('telegram:@duma_newsroom')).toBe('telegram:@duma_newsroom');
    expect(redactedUrl('https://hooks.slack.com/services/T0/B0/secret')).toBe('https://hooks.slack.com/services/…');
  });
});
