import * as z from 'zod';
import { DEFAULT_TELEGRAM_API_BASE_URL } from '../telegram/telegram-bot-api.js';

/** Telegram delivery: the `telegram` section of the configuration (shared/config). */
export const TelegramConfigSchema = z
  .object({
    /** TELEGRAM_API_BASE_URL: the Bot API's base, the only address Telegram deliveries reach. */
    apiBaseUrl: z.url({ protocol: /^https?$/ }).default(DEFAULT_TELEGRAM_API_BASE_URL),
    /**
     * TELEGRAM_BOT_TOKEN (Secrets Manager in AWS: TELEGRAM_BOT_TOKEN_ARN): the service's bot, from @BotFather. Without
     * it Telegram endpoints are refused at registration. The message never repeats the value.
     */
    botToken: z
      .string()
      .trim()
      .regex(/^[0-9]{3,20}:[A-Za-z0-9_-]{20,80}$/, 'a bot token from @BotFather looks like 123456789:AAE…')
      .optional(),
  })
  .prefault({});
export type TelegramConfig = z.infer<typeof TelegramConfigSchema>;
