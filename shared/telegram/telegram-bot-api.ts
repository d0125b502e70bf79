import * as z from 'zod';
import { describeRequestError } from '../net/describe-request-error.js';
import { createSafeHttpClient, type SafeHttpClient } from '../net/safe-http-client.js';

/** The official Bot API; TELEGRAM_API_BASE_URL points elsewhere (a local Bot API server, a test's fake). */
export const DEFAULT_TELEGRAM_API_BASE_URL = 'https://api.telegram.org';

/** What one `sendMessage` came to, classified for delivery; `result` is for the delivery log and never holds the token. */
export type TelegramSendResult =
  | { kind: 'sent'; result: string }
  /** 429: Telegram says when to try again (`parameters.retry_after`, seconds). */
  | { kind: 'retry-after'; result: string; retryAfterSeconds: number }
  /** 403: the bot was removed from the chat, kicked, or blocked by the user; nothing more will get through. */
  | { kind: 'bot-removed'; result: string }
  /** Any other 4xx ("Bad Request: chat not found", a message Telegram cannot parse): the same request would fail again. */
  | { kind: 'rejected'; result: string }
  /** 5xx, a timeout, a network failure: worth trying again later. */
  | { kind: 'unavailable'; result: string };

/** The service's bot, posting through the Bot API at one base URL only. */
export interface TelegramBotApi {
  /** Sends one `parse_mode=HTML` message to a chat, without link previews. Never throws for what Telegram answers. */
  sendMessage(chatId: string, html: string): Promise<TelegramSendResult>;
  close(): Promise<void>;
}

/** The Bot API's answer, read defensively: only what classification needs. */
const BotApiAnswerSchema = z.object({
  ok: z.boolean(),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().int().nonnegative().optional() }).optional(),
});

const MAX_DESCRIPTION = 200;

export interface TelegramBotApiOptions {
  /** The Bot API base URL, e.g. https://api.telegram.org; the only address the client ever reaches. */
  baseUrl: string;
  token: string;
  timeoutMs: number;
  /** Injected by tests; by default a safe client that allow-lists a configured base other than the official one. */
  http?: SafeHttpClient;
}

/**
 * A Bot API client for the service's bot. Every request goes to `<baseUrl>/bot<token>/<method>` and nowhere else: the
 * chat id travels in the JSON body (and is validated at registration), so no endpoint's data can point it at another
 * host. The token is in the path only, and is cut out of anything the client reports.
 */
export function createTelegramBotApi(options: TelegramBotApiOptions): TelegramBotApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  const http = options.http ?? createTelegramHttpClient(base, options.timeoutMs);
  const redact = (text: string) => text.split(options.token).join('<token>');
  return {
    async sendMessage(chatId, html) {
      const body = JSON.stringify({ chat_id: chatId, text: html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
      try {
        const response = await http.post(`${base}/bot${options.token}/sendMessage`, { headers: { 'content-type': 'application/json' }, body });
        return redactResult(classify(response.status, response.bodyText), redact);
      } catch (error) {
        return { kind: 'unavailable', result: redact(describeRequestError(error)) };
      }
    },
    close: () => http.close(),
  };
}

/**
 * The client for the Bot API base: an operator-configured base (a local Bot API server, a test's fake on loopback) is
 * allow-listed as its host:port; the official host goes through the SSRF guard like any public address.
 */
function createTelegramHttpClient(base: string, timeoutMs: number): SafeHttpClient {
  const url = new URL(base);
  const allowHosts = base === DEFAULT_TELEGRAM_API_BASE_URL ? [] : [`${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`];
  return createSafeHttpClient({ timeoutMs, allowHosts });
}

function classify(status: number, bodyText: string): TelegramSendResult {
  const parsed = BotApiAnswerSchema.safeParse(safeJson(bodyText));
  const answer = parsed.success ? parsed.data : undefined;
  const description = answer?.description ? `: ${answer.description.slice(0, MAX_DESCRIPTION)}` : '';
  const result = `HTTP ${status}${description}`;
  if (status >= 200 && status < 300 && answer?.ok) return { kind: 'sent', result };
  if (status === 429) return { kind: 'retry-after', result, retryAfterSeconds: answer?.parameters?.retry_after ?? 0 };
  if (status === 403) return { kind: 'bot-removed', result };
  if (status >= 400 && status < 500) return { kind: 'rejected', result };
  // A 2xx that is not `ok`, a 3xx (never followed) or a 5xx: the Bot API is having trouble.
  return { kind: 'unavailable', result };
}

function redactResult(result: TelegramSendResult, redact: (text: string) => string): TelegramSendResult {
  return { ...result, result: redact(result.result) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Sends the messages of one delivery in order, from `firstPart`, stopping at the first that does not go through.
 * @returns how many went through (counting from `firstPart`) and the last answer
 */
export async function sendTelegramMessages(
  bot: TelegramBotApi,
  chatId: string,
  messages: readonly string[],
  firstPart = 0,
): Promise<{ sent: number; last: TelegramSendResult }> {
  let last: TelegramSendResult = { kind: 'sent', result: 'nothing to send' };
  let sent = 0;
  for (const message of messages.slice(firstPart)) {
    last = await bot.sendMessage(chatId, message);
    if (last.kind !== 'sent') break;
    sent++;
  }
  return { sent, last };
}
