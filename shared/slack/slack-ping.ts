import type { Language } from '../bill/stages.js';
import type { SlackMessage } from './slack-message.js';

const TEXT: Record<Language, string> = {
  en: 'duma-alerts test message: this channel will receive bill alerts.',
  ru: 'Тестовое сообщение duma-alerts: в этот канал будут приходить уведомления о законопроектах.',
};

/** The Slack message sent as a test event, in the endpoint's language. */
export function buildSlackPingMessage(language: Language): SlackMessage {
  return { text: TEXT[language], blocks: [{ type: 'section', text: { type: 'mrkdwn', text: TEXT[language] } }] };
}
