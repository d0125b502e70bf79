import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscriberIdForEmail } from '../../shared/store/subscriber-store.js';
import { keys } from '../../shared/store/table-schema.js';
import { cookieOf, csrfIn, linkIn, startApiTestStack, uniqueAddress, type ApiTestStack, type JsonBody } from './api-test-stack.js';

let stack: ApiTestStack;

beforeAll(async () => {
  stack = await startApiTestStack({ SIGNUP_LIMIT_PER_ADDRESS_PER_HOUR: '3', SIGNUP_LIMIT_PER_IP_PER_HOUR: '1000' });
});
afterAll(async () => {
  await stack?.stop();
});

async function signUp(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${stack.url}/api/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function confirm(link: string): Promise<Response> {
  const page = await fetch(link);
  const html = await page.text();
  return fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: csrfIn(html) }).toString(),
  });
}

describe('POST /api/subscriptions (double opt-in)', () => {
  it('stores a pending subscriber with an expiry, sends exactly one confirmation email, and creates no follower items', async () => {
    const email = uniqueAddress('new');
    const response = await signUp({ email, bills: ['1075342-8'], topics: ['налог'], language: 'en', frequency: 'daily', stages: [5, 3] });

    expect(response.status).toBe(202);
    expect(await response.json() as JsonBody).toEqual({
      status: 'pending',
      message: 'If the address can receive email, a confirmation link has been sent to it. It works for 7 days.',
    });
    const id = subscriberIdForEmail(email);
    const profile = await stack.item(keys.subscriber(id));
    expect(profile?.status).toBe('pending');
    expect(typeof profile?.expiresAt).toBe('number');
    expect(await stack.followers('1075342-8')).toEqual([]);
    const emails = await stack.emailsTo(email);
    expect(emails.map((mail) => mail.subject)).toEqual(['Confirm your duma-alerts subscription']);
    expect(linkIn(emails[0]!, '/confirm').startsWith(`${stack.url}/confirm?token=`)).toBe(true);
  });

  it('confirming activates the subscriber and writes follower items carrying frequency and stage filter', async () => {
    const email = uniqueAddress('confirm');
    await signUp({ email, bills: ['1075342-8', '42-8'], language: 'ru', frequency: 'weekly', stages: [6, 3] });
    const [mail] = await stack.emailsTo(email);

    const page = await fetch(linkIn(mail!, '/confirm'));
    const pageHtml = await page.text();
    expect(page.status).toBe(200);
    expect(pageHtml).toContain(email);
    expect((await stack.item(keys.subscriber(subscriberIdForEmail(email))))?.status).toBe('pending');
    const confirmed = await confirm(linkIn(mail!, '/confirm'));

    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Подписка подтверждена');
    const id = subscriberIdForEmail(email);
    const profile = await stack.item(keys.subscriber(id));
    expect(profile).toMatchObject({ status: 'active', bills: ['1075342-8', '42-8'], frequency: 'weekly', stages: [3, 6], newsAlerts: true });
    expect(profile?.expiresAt).toBeUndefined();
    expect(await stack.item(keys.follower('42-8', id))).toEqual({
      ...keys.follower('42-8', id),
      billNumber: '42-8',
      subscriberId: id,
      frequency: 'weekly',
      stages: [3, 6],
    });
    expect(await stack.item(keys.pendingSignup(id))).toBeUndefined();
    // Following a bill puts it on the watch list: a web sign-up for a bill nobody polled would never alert.
    expect(await stack.item(keys.billState('42-8'))).toMatchObject({ watched: true, GSI1PK: 'WATCHED' });
  });

  it('answers a known address exactly as a new one, and sends no second email within the cool-down', async () => {
    const known = uniqueAddress('known');
    const fresh = uniqueAddress('fresh');
    const first = await signUp({ email: known, bills: ['1-8'] });
    const again = await signUp({ email: known, bills: ['2-8'] });
    const other = await signUp({ email: fresh, bills: ['1-8'] });

    expect([first.status, again.status, other.status]).toEqual([202, 202, 202]);
    expect(await again.text()).toEqual(await other.text());
    expect((await stack.emailsTo(known)).length).toBe(1);
  });

  it('refuses a fourth sign-up for one address within the hour with 429 and Retry-After', async () => {
    const email = uniqueAddress('limited');
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await signUp({ email, bills: ['1-8'] })).status);
    const refused = await signUp({ email, bills: ['1-8'] });

    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json() as JsonBody).error.code).toBe('rate_limited');
  });

  it('names every bad field in a 400', async () => {
    const response = await signUp({ email: 'nope', bills: ['x'], frequency: 'hourly', stages: [42], timeZone: 'Mars/Base', extra: 1 });

    expect(response.status).toBe(400);
    const fields = (await response.json() as JsonBody).error.issues.map((issue: { field: string }) => issue.field).sort();
    expect(fields).toEqual(['body', 'body.bills.0', 'body.email', 'body.frequency', 'body.stages', 'body.timeZone']);
  });

  it('refuses a sign-up that follows nothing', async () => {
    const response = await signUp({ email: uniqueAddress('empty') });

    expect(response.status).toBe(400);
    expect((await response.json() as JsonBody).error.issues).toEqual([{ field: 'body.bills', message: 'follow at least one bill or topic' }]);
  });

  it('refuses an unparsable topic naming its position', async () => {
    const response = await signUp({ email: uniqueAddress('topic'), topics: ['"налог'] });

    expect(response.status).toBe(400);
    expect((await response.json() as JsonBody).error.issues).toEqual([{ field: 'body.topics.0', message: 'unclosed quote at 0' }]);
  });
});

describe('the sign-up form', () => {
  it('signs up through the HTML form with its CSRF cookie and token, then shows "check your email"', async () => {
    const email = uniqueAddress('form');
    const form = await fetch(`${stack.url}/?lang=en`);
    const html = await form.text();

    const submitted = await fetch(`${stack.url}/subscribe?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(form) },
      body: new URLSearchParams({ csrf: csrfIn(html), email, bills: '1075342-8\n42-8', stageMode: 'all', frequency: 'instant', language: 'en', timeZone: 'Europe/Moscow', newsAlerts: 'on' }).toString(),
    });

    expect(submitted.status).toBe(200);
    expect(await submitted.text()).toContain('Check your email');
    expect((await stack.emailsTo(email)).length).toBe(1);
    expect((await stack.item(keys.pendingSignup(subscriberIdForEmail(email))))?.preferences).toMatchObject({ newsAlerts: true });
  });

  it('shows "in the news" ticked; a sign-up that unticks it confirms with newsAlerts false on the profile', async () => {
    const email = uniqueAddress('nonews');
    const form = await fetch(`${stack.url}/?lang=ru`);
    const html = await form.text();

    await fetch(`${stack.url}/subscribe?lang=ru`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(form) },
      body: new URLSearchParams({ csrf: csrfIn(html), email, bills: '1075342-8', stageMode: 'all', frequency: 'instant', language: 'ru', timeZone: 'Europe/Moscow' }).toString(),
    });
    const id = subscriberIdForEmail(email);
    const pending = await stack.item(keys.pendingSignup(id));
    await confirm(linkIn((await stack.emailsTo(email))[0]!, '/confirm'));

    expect(html).toContain('<input type="checkbox" id="newsAlerts" name="newsAlerts" value="on" checked><label for="newsAlerts">Сообщать, когда о моём законопроекте пишут в новостях</label>');
    expect((pending?.preferences as { newsAlerts: boolean }).newsAlerts).toBe(false);
    expect(await stack.item(keys.subscriber(id))).toMatchObject({ status: 'active', newsAlerts: false });
  });

  it('refuses a form post without the CSRF cookie with 403 and sends nothing', async () => {
    const email = uniqueAddress('csrf');
    const form = await fetch(`${stack.url}/?lang=en`);
    const html = await form.text();

    const submitted = await fetch(`${stack.url}/subscribe?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: csrfIn(html), email, bills: '1-8' }).toString(),
    });

    expect(submitted.status).toBe(403);
    expect(await submitted.text()).toContain('The form expired');
    expect(await stack.emailsTo(email)).toEqual([]);
  });

  it('re-renders the form with each mistake named and the values kept', async () => {
    const form = await fetch(`${stack.url}/?lang=en`);
    const html = await form.text();

    const submitted = await fetch(`${stack.url}/subscribe?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(form) },
      body: new URLSearchParams({ csrf: csrfIn(html), email: 'not-an-address', bills: '1075342-8 oops', timeZone: 'Nowhere/Land' }).toString(),
    });
    const page = await submitted.text();

    expect(submitted.status).toBe(400);
    expect(page).toContain('<a href="#email">Email address</a>: not an email address');
    expect(page).toContain('<a href="#bills">Bills to follow</a>: “oops”: a bill number looks like 1075342-8');
    expect(page).toContain('<a href="#timeZone">Time zone</a>: not an IANA time zone, e.g. Europe/Moscow');
    expect(page).toContain('value="not-an-address"');
  });
});
