import type { OutgoingEmail } from '../email/mailer.js';
import { escapeHtml } from '../email/html-escape.js';
import type { DisabledReason, Endpoint } from './endpoint.js';

const WORDS = {
  en: {
    subject: 'duma-alerts: your endpoint was disabled',
    gone: 'it answered 410 Gone, which asks us to stop sending',
    'bot-removed': 'Telegram answered 403: our bot was removed from the chat, or blocked, or the chat is gone. Add the bot again (as an admin of a channel) before enabling it',
    failing: 'every delivery to it failed for 5 days',
    operator: 'an operator disabled it',
    body: (url: string, why: string) =>
      `We stopped sending alerts to ${url} because ${why}. Alerts since then are kept: enable the endpoint again and they will be replayed.`,
  },
  ru: {
    subject: 'duma-alerts: доставка на ваш адрес отключена',
    gone: 'он ответил 410 Gone, то есть попросил больше не присылать',
    'bot-removed': 'Telegram ответил 403: наш бот удалён из чата или заблокирован, либо чата больше нет. Добавьте бота снова (в канал — администратором), прежде чем включать адрес',
    failing: 'все доставки на него не удавались 5 дней',
    operator: 'его отключил оператор',
    body: (url: string, why: string) =>
      `Мы перестали отправлять уведомления на ${url}, потому что ${why}. Уведомления с этого момента сохранены: включите адрес снова, и они будут доставлены.`,
  },
} as const;

/** The email that tells an endpoint's owner it was disabled, and why, in the endpoint's language. */
export function endpointDisabledEmail(endpoint: Endpoint, reason: DisabledReason): OutgoingEmail {
  const words = WORDS[endpoint.language];
  const text = words.body(endpoint.url, words[reason]);
  return {
    to: endpoint.ownerEmail,
    subject: words.subject,
    text: `${text}\n`,
    html: `<!DOCTYPE html>\n<html lang="${endpoint.language}"><body><p>${escapeHtml(text)}</p></body></html>\n`,
    headers: [],
    tags: [{ name: 'kind', value: 'endpoint-disabled' }],
  };
}
