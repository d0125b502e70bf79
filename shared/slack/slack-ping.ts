import type { Language } from '../bill/stages.js';
import { pingText } from '../webhooks/ping-text.js';
import type { SlackMessage } from './slack-message.js';

/** The Slack message sent as a test event, in the endpoint's language. */
export function buildSlackPingMessage(language: Language): SlackMessage {
  const text = pingText(language);
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
