import type { Logger } from '@aws-lambda-powertools/logger';
import type { Mailer } from '../email/mailer.js';
import type { SafeHttpClient } from '../net/safe-http-client.js';
import type { SlackMessage } from '../slack/slack-message.js';
import type { EndpointStore } from '../store/endpoint-store.js';
import { sendTelegramMessages, type TelegramBotApi } from '../telegram/telegram-bot-api.js';
import { disableEndpoint, TELEGRAM_NOT_CONFIGURED } from '../webhooks/deliver-to-endpoint.js';
import type { Endpoint } from '../webhooks/endpoint.js';

/** What a scheduled post (a digest, the week ahead) to a Slack or Telegram channel needs. */
export interface ChannelPostDependencies {
  /** Posts to Slack under the SSRF policy. */
  http: SafeHttpClient;
  /** The service's Telegram bot. */
  telegram?: TelegramBotApi;
  endpoints: EndpointStore;
  /** Emails an endpoint's owner when its chat is disabled. */
  mailer: Mailer;
  now: () => Date;
  logger: Logger;
}

/**
 * Posts one message to a Slack incoming webhook.
 * @throws when Slack answers anything but 2xx (the caller keeps the post for its next run)
 */
export async function postToSlack(deps: Pick<ChannelPostDependencies, 'http'>, url: string, message: SlackMessage): Promise<void> {
  const response = await deps.http.post(url, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
  if (response.status < 200 || response.status >= 300) throw new Error(`Slack answered HTTP ${response.status}`);
}

/**
 * Posts messages to a Telegram chat in order. A chat the bot was removed from (403) is disabled and its owner emailed,
 * as a queued delivery would; any failure throws, and the caller's next run repeats the messages (those that went
 * through before the failure included).
 */
export async function postToTelegram(deps: ChannelPostDependencies, endpoint: Endpoint, chatId: string, messages: readonly string[]): Promise<void> {
  if (!deps.telegram) throw new Error(TELEGRAM_NOT_CONFIGURED);
  const { last } = await sendTelegramMessages(deps.telegram, chatId, messages);
  if (last.kind === 'sent') return;
  if (last.kind === 'bot-removed') await disableEndpoint(deps, endpoint, 'bot-removed');
  throw new Error(`Telegram answered ${last.result}`);
}
