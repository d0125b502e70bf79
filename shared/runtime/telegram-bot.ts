import type { Config } from '../config/config.js';
import { createTelegramBotApi, type TelegramBotApi } from '../telegram/telegram-bot-api.js';

/** The service's Telegram bot at the configured Bot API base, or undefined when no bot token is configured. */
export function configuredTelegramBot(config: Config): TelegramBotApi | undefined {
  const { botToken, apiBaseUrl } = config.telegram;
  return botToken ? createTelegramBotApi({ baseUrl: apiBaseUrl, token: botToken, timeoutMs: config.delivery.timeoutMs }) : undefined;
}
