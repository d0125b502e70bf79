import * as z from 'zod';

/**
 * A chat the bot posts to: a public channel or group by its `@username` (5–32 letters, digits and underscores,
 * starting with a letter), or any chat, group or user by its numeric id (negative for groups, `-100…` for channels
 * and supergroups). Nothing else passes, so a chat id can never change the Bot API request it goes into.
 */
export const TelegramChatIdSchema = z
  .string()
  .trim()
  .regex(/^(@[A-Za-z][A-Za-z0-9_]{4,31}|-?[1-9][0-9]{0,19})$/, 'a Telegram chat: @channelname or a numeric chat id such as -1001234567890');

/** The address a Telegram endpoint is shown and stored under: `telegram:@newsroom`, `telegram:-1001234567890`. */
export function telegramChatAddress(chatId: string): string {
  return `telegram:${chatId}`;
}
