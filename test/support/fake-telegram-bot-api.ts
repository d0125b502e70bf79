import { startHttpServer, type LoopbackServer } from '../http/loopback-server.js';

/** A message the fake Bot API accepted, as Telegram would post it. */
export interface PostedMessage {
  chatId: string;
  text: string;
}

/** A request the fake refused, and why (method, path, token, body). */
export interface RefusedRequest {
  path: string;
  reason: string;
}

/** How the fake answers one `sendMessage`: as Telegram does for success, flood control, a removed bot, a bad chat. */
export type FakeAnswer =
  | { kind: 'ok' }
  | { kind: 'too-many-requests'; retryAfter: number }
  | { kind: 'forbidden'; description?: string }
  | { kind: 'chat-not-found' }
  | { kind: 'server-error' };

/**
 * A fake Telegram Bot API on loopback: a real HTTP server that checks each request as Telegram would (POST to
 * `/bot<token>/sendMessage`, a JSON body with `chat_id`, `text` of 1–4,096 characters and `parse_mode` `HTML`, tags
 * Telegram accepts, entities it knows) and answers in the Bot API's shape. A request it cannot accept is answered
 * 400 and kept in `refused`; accepted messages are kept in `posted`, in order. `answer` scripts the next answers.
 */
export interface FakeTelegramBotApi {
  /** The base URL (`TELEGRAM_API_BASE_URL`). */
  baseUrl: string;
  /** `127.0.0.1:<port>`. */
  hostPort: string;
  token: string;
  posted: PostedMessage[];
  refused: RefusedRequest[];
  /** Every request's path, in order, as received (the token in it): for tests that look for leaks elsewhere. */
  paths: string[];
  /** Answers the next `sendMessage` calls so, in order; after them, `ok`. */
  answer(...answers: FakeAnswer[]): void;
  close(): Promise<void>;
}

/** A token in @BotFather's format, made up for the tests. */
export const FAKE_BOT_TOKEN = '7000000001:AAF_fake-token-for-tests-0123456789ab';

const ALLOWED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'blockquote', 'tg-spoiler', 'span']);

/** Starts a {@link FakeTelegramBotApi} on 127.0.0.1. */
export async function startFakeTelegramBotApi(token = FAKE_BOT_TOKEN): Promise<FakeTelegramBotApi> {
  const posted: PostedMessage[] = [];
  const refused: RefusedRequest[] = [];
  const paths: string[] = [];
  const script: FakeAnswer[] = [];
  const server: LoopbackServer = await startHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      paths.push(path);
      const reply = (status: number, body: object) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const refuse = (reason: string, status = 400) => {
        refused.push({ path, reason });
        reply(status, { ok: false, error_code: status, description: `Bad Request: ${reason}` });
      };
      if (path !== `/bot${token}/sendMessage`) {
        return path.startsWith('/bot') && !path.startsWith(`/bot${token}/`) ? refuse('invalid token', 401) : refuse('not found', 404);
      }
      if (request.method !== 'POST') return refuse(`method ${request.method ?? '?'}`);
      if (!String(request.headers['content-type']).startsWith('application/json')) return refuse('not JSON');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return refuse('body is not JSON');
      }
      const problem = checkMessage(body);
      if (problem) return refuse(problem);
      const answer = script.shift() ?? { kind: 'ok' };
      switch (answer.kind) {
        case 'ok':
          posted.push({ chatId: String(body.chat_id), text: String(body.text) });
          return reply(200, { ok: true, result: { message_id: posted.length, chat: { id: -1001, type: 'channel' }, date: 0, text: '' } });
        case 'too-many-requests':
          return reply(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${answer.retryAfter}`, parameters: { retry_after: answer.retryAfter } });
        case 'forbidden':
          return reply(403, { ok: false, error_code: 403, description: answer.description ?? 'Forbidden: bot was kicked from the channel chat' });
        case 'chat-not-found':
          return reply(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
        case 'server-error':
          return reply(502, { ok: false, error_code: 502, description: 'Bad Gateway' });
      }
    });
  });
  return {
    baseUrl: server.origin,
    hostPort: `127.0.0.1:${server.port}`,
    token,
    posted,
    refused,
    paths,
    answer: (...answers) => script.push(...answers),
    close: () => server.close(),
  };
}

/** Why Telegram would refuse the message, or undefined when it would take it. */
function checkMessage(body: Record<string, unknown>): string | undefined {
  if (typeof body.chat_id !== 'string' && typeof body.chat_id !== 'number') return 'chat_id is missing';
  if (body.parse_mode !== 'HTML') return `parse_mode is ${String(body.parse_mode)}, not HTML`;
  if (typeof body.text !== 'string' || body.text.length === 0) return 'message text is empty';
  if (body.text.length > 4096) return `message is too long (${body.text.length} characters)`;
  return checkHtml(body.text);
}

/** Telegram's HTML rules: known tags only, each closed in order, `&` only in the four entities it knows. */
function checkHtml(text: string): string | undefined {
  const open: string[] = [];
  for (const match of text.matchAll(/<(\/?)([a-z-]+)([^>]*)>|&([^;\s]*);?|<|>/g)) {
    const [whole, closing, tag, attributes, entity] = match;
    if (whole === '<' || whole === '>') return `can't parse entities: unescaped "${whole}"`;
    if (whole.startsWith('&')) {
      if (!['amp', 'lt', 'gt', 'quot'].includes(entity ?? '') || !whole.endsWith(';')) return `can't parse entities: bad entity "${whole}"`;
      continue;
    }
    if (!ALLOWED_TAGS.has(tag!)) return `can't parse entities: unsupported start tag "${tag}"`;
    if (closing) {
      if (open.pop() !== tag) return `can't parse entities: can't find end tag corresponding to start tag "${tag}"`;
    } else {
      if (tag === 'a' && !/^ href="[^"<>]*"$/.test(attributes ?? '')) return 'can\'t parse entities: a link needs href="…"';
      open.push(tag!);
    }
  }
  return open.length > 0 ? `can't parse entities: unclosed "${open.at(-1)}"` : undefined;
}
