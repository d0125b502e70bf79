import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT_TOKEN, startFakeTelegramBotApi, type FakeTelegramBotApi } from '../support/fake-telegram-bot-api.js';
import { consoleSession as signIn, startApiTestStack, type ApiTestStack } from './api-test-stack.js';

/* Registering a Telegram chat from the console's form, as from the API and the CLI: the bot's test message first. */

let bot: FakeTelegramBotApi;
let stack: ApiTestStack;

beforeAll(async () => {
  bot = await startFakeTelegramBotApi();
  stack = await startApiTestStack({ TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN, TELEGRAM_API_BASE_URL: bot.baseUrl, WEBHOOK_ALLOW_HOSTS: bot.hostPort, LOG_LEVEL: 'ERROR' });
});
afterAll(async () => {
  await stack?.stop();
  await bot?.close();
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const consoleSession = () => signIn(stack);

describe('registering an endpoint from the console', () => {
  it('registers a Telegram chat after the bot posted its test message, and lists it as its chat', async () => {
    // Arrange
    const { cookie, csrf } = await consoleSession();
    const fields = { csrf, kind: 'telegram', url: '', chatId: '-1001234567890', ownerEmail: 'desk@example.org', bills: '999201-8, 999202-8', language: 'en', frequency: 'daily' };

    // Act
    const registered = await fetch(`${stack.url}/admin/endpoints?lang=en`, { method: 'POST', headers: { ...FORM, cookie }, body: new URLSearchParams(fields).toString() });
    const list = await (await fetch(`${stack.url}/admin/endpoints?lang=en`, { headers: { cookie } })).text();

    // Assert
    const page = await registered.text();
    expect(registered.status).toBe(200);
    expect(page).toContain('<h1>Endpoint registered</h1>');
    expect(page).not.toContain('whsec_');
    expect(bot.posted.map((message) => message.chatId)).toEqual(['-1001234567890']);
    expect(list).toContain('telegram:-1001234567890');
    expect(list).toContain('999201-8, 999202-8');
  });

  it('shows the form again with Telegram\'s reason when the bot cannot post to the chat, registering nothing', async () => {
    // Arrange
    const { cookie, csrf } = await consoleSession();
    bot.answer({ kind: 'chat-not-found' });
    const fields = { csrf, kind: 'telegram', chatId: '-1009999999999', ownerEmail: 'desk@example.org', bills: '', language: 'en', frequency: 'instant' };

    // Act
    const refused = await fetch(`${stack.url}/admin/endpoints?lang=en`, { method: 'POST', headers: { ...FORM, cookie }, body: new URLSearchParams(fields).toString() });

    // Assert
    const page = await refused.text();
    expect(refused.status).toBe(400);
    expect(page).toMatch(/role="alert"><p>Not registered: chatId: /);
    expect(page).toContain('value="-1009999999999"');
    expect(page).not.toContain('telegram:-1009999999999');
  });
});
