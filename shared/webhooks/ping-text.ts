import type { Language } from '../bill/stages.js';

const TEXT: Record<Language, string> = {
  en: 'duma-alerts test message: this channel will receive bill alerts.',
  ru: 'Тестовое сообщение duma-alerts: в этот канал будут приходить уведомления о законопроектах.',
};

/** The words of the test message a chat channel (Slack, Telegram) gets, in the endpoint's language. */
export function pingText(language: Language): string {
  return TEXT[language];
}
