import { secretAccess } from '../access/access.js';
import type { Config } from '../config/config.js';
import { createTelegramBotApi, type TelegramBotApi } from '../telegram/telegram-bot-api.js';

/** What {@link configuredTelegramBot} reads: the bot's token. */
export const TELEGRAM_BOT_ACCESS = secretAccess('telegramBotToken');

/** The service's Telegram bot at the configured Bot API base, or undefined when no bot token is configured. */
export function configuredTelegramBot(config: Config): TelegramBotApi | undefined {
  const { botToken, apiBaseUrl } = config.telegram;
  return botToken ? createTelegramBotApi({ baseUrl: apiBaseUrl, token: botToken, timeoutMs: config.delivery.timeoutMs }) : undefined;
}
