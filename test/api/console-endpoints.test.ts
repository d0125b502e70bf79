import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT_TOKEN, startFakeTelegramBotApi, type FakeTelegramBotApi } from '../support/fake-telegram-bot-api.js';
import { consoleSession as signIn, csrfIn, startApiTestStack, type ApiTestStack } from './api-test-stack.js';

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

describe('what an endpoint follows and its week ahead, in the console', () => {
  // Real names, as the passports of the shared real pages write them.
  const BUDGET = 'Комитет Государственной Думы по бюджету и налогам';
  const EDUCATION = 'Комитет Государственной Думы по просвещению';
  const GOVERNMENT = 'Правительство Российской Федерации';

  const post = (cookie: string, path: string, fields: Record<string, string>) =>
    fetch(`${stack.url}${path}`, { method: 'POST', redirect: 'manual', headers: { ...FORM, cookie }, body: new URLSearchParams(fields).toString() });
  const read = async (id: string) =>
    (await (await fetch(`${stack.url}/api/admin/endpoints/${id}`, { headers: { 'x-api-key': stack.adminApiKey } })).json()) as { committees: string[]; initiators: string[]; weekAhead?: boolean };

  it('registers a chat following committees and initiators, one per line, with the week ahead on, and lists them', async () => {
    // Arrange
    const { cookie, csrf } = await consoleSession();
    const fields = { csrf, kind: 'telegram', chatId: '-1001234567891', ownerEmail: 'desk@example.org', bills: '', committees: `${BUDGET}\r\n\r\n${EDUCATION}`, initiators: GOVERNMENT, language: 'ru', frequency: 'instant', weekAhead: 'on' };

    // Act
    const registered = await post(cookie, '/admin/endpoints?lang=en', fields);
    const id = /ep_[0-9a-f]{24}/.exec(await registered.text())![0];
    const list = await (await fetch(`${stack.url}/admin/endpoints?lang=en`, { headers: { cookie } })).text();

    // Assert
    expect(registered.status).toBe(200);
    expect(await read(id)).toMatchObject({ committees: [BUDGET, EDUCATION], initiators: [GOVERNMENT], weekAhead: true });
    expect(list).toContain(`Committees: ${BUDGET}; ${EDUCATION}</span><br><span class="detail">Initiators: ${GOVERNMENT}</span>`);
    expect(list).toContain('<span class="badge ok">on, Mondays 08:00</span>');
  });

  it('changes them and turns the week ahead off from the endpoint\'s page, each form under the session\'s CSRF token', async () => {
    // Arrange
    const { cookie, csrf } = await consoleSession();
    const registered = await post(cookie, '/admin/endpoints?lang=en', { csrf, kind: 'telegram', chatId: '-1001234567892', ownerEmail: 'desk@example.org', committees: BUDGET, weekAhead: 'on' });
    const id = /ep_[0-9a-f]{24}/.exec(await registered.text())![0];
    const pagePath = `/admin/endpoints/${id}?lang=en`;
    const before = await (await fetch(`${stack.url}${pagePath}`, { headers: { cookie } })).text();
    const pageCsrf = csrfIn(before);
    const tooMany = Array.from({ length: 21 }, (_, n) => `Депутат ${n + 1}`).join('\n');

    // Act
    const forged = await post(cookie, `/admin/endpoints/${id}/week-ahead?lang=en`, { csrf: 'forged', weekAhead: 'off' });
    const saved = await post(cookie, `/admin/endpoints/${id}/follows?lang=en`, { csrf: pageCsrf, committees: ` ${EDUCATION} `, initiators: `${GOVERNMENT}\nО. Г. Дмитриева` });
    const over = await post(cookie, `/admin/endpoints/${id}/follows?lang=en`, { csrf: pageCsrf, committees: EDUCATION, initiators: tooMany });
    const turnedOff = await post(cookie, `/admin/endpoints/${id}/week-ahead?lang=en`, { csrf: pageCsrf, weekAhead: 'off' });
    const after = await (await fetch(`${stack.url}${turnedOff.headers.get('location')}`, { headers: { cookie } })).text();

    // Assert
    expect(before).toContain(`<textarea id="follows-committees" name="committees" rows="3" aria-describedby="follows-committees-hint">${BUDGET}</textarea>`);
    expect(before).toContain('<button type="submit" class="secondary small">Turn the week ahead off</button>');
    expect(forged.status).toBe(403);
    expect([saved.status, saved.headers.get('location')]).toEqual([303, `/admin/endpoints/${id}?done=followsSaved&lang=en`]);
    expect([over.status, await over.text()]).toEqual([400, expect.stringContaining('body.initiators: at most 20 initiators (21 given)')]);
    expect(turnedOff.status).toBe(303);
    expect(await read(id)).toMatchObject({ committees: [EDUCATION], initiators: [GOVERNMENT, 'О. Г. Дмитриева'], weekAhead: false });
    expect(after).toContain('The week ahead is off.');
    expect(after).toContain(`<dt>Initiators</dt><dd>${GOVERNMENT}<br>О. Г. Дмитриева</dd>`);
    expect(after).toContain('<button type="submit" class="small">Turn the week ahead on</button>');
  });
});
