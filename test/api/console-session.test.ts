import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSession, SESSION_COOKIE, startSession } from '../../shared/api/console/console-session.js';
import type { ApiRequest } from '../../shared/api/http-types.js';
import { csrfIn, startApiTestStack, type ApiTestStack } from './api-test-stack.js';

let stack: ApiTestStack;

beforeAll(async () => {
  // A refused sign-in is logged as a warning; a green run prints nothing.
  stack = await startApiTestStack({ LOG_LEVEL: 'ERROR' });
});
afterAll(async () => {
  await stack?.stop();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The sign-in form: its CSRF token and the nonce cookie it is bound to. */
async function signInForm(): Promise<{ csrf: string; cookie: string }> {
  const response = await fetch(`${stack.url}/admin/sign-in?lang=en`);
  return { csrf: csrfIn(await response.text()), cookie: response.headers.getSetCookie()[0]!.split(';')[0]! };
}

async function signIn(key: string): Promise<Response> {
  const { csrf, cookie } = await signInForm();
  return fetch(`${stack.url}/admin/sign-in?lang=en`, { method: 'POST', redirect: 'manual', headers: { ...FORM, cookie }, body: form({ csrf, key }) });
}

async function session(): Promise<{ cookie: string; csrf: string }> {
  const cookie = (await signIn(stack.adminApiKey)).headers.getSetCookie()[0]!.split(';')[0]!;
  const page = await fetch(`${stack.url}/admin/bills?lang=en`, { headers: { cookie } });
  return { cookie, csrf: csrfIn(await page.text()) };
}

function requestWith(cookie: string | undefined): ApiRequest {
  return { method: 'GET', path: '/admin/bills', query: {}, headers: {}, cookies: cookie ? { [SESSION_COOKIE]: cookie } : {}, body: '', bodyBytes: 0, clientIp: '127.0.0.1' };
}

describe('console sign-in', () => {
  it('sends a page asked for without a session to sign-in, remembering only console paths', async () => {
    const page = await fetch(`${stack.url}/admin/bills/999001-8?lang=en`, { redirect: 'manual' });
    const form = await (await fetch(`${stack.url}/admin/sign-in?next=//evil.example/admin&lang=en`)).text();

    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/admin/sign-in?next=%2Fadmin%2Fbills%2F999001-8&lang=en');
    expect(form).toContain('action="/admin/sign-in?lang=en"');
  });

  it('starts a 30-minute HttpOnly, SameSite=Strict session for the right key and goes where it was asked', async () => {
    const { csrf, cookie } = await signInForm();

    const response = await fetch(`${stack.url}/admin/sign-in?next=/admin/queues&lang=en`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...FORM, cookie },
      body: form({ csrf, key: stack.adminApiKey }),
    });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/queues?lang=en');
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toMatch(/^console_session=[\w.-]{40,}; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=1800$/);
    expect(setCookie).not.toContain(stack.adminApiKey);
  });

  it('refuses a wrong key (401) and a sign-in without the form\'s CSRF token (403), starting no session', async () => {
    const wrong = await signIn(`${stack.adminApiKey}x`);
    const noToken = await fetch(`${stack.url}/admin/sign-in?lang=en`, { method: 'POST', redirect: 'manual', headers: FORM, body: form({ key: stack.adminApiKey }) });

    expect([wrong.status, noToken.status]).toEqual([401, 403]);
    expect(await wrong.text()).toContain('That is not the admin key.');
    expect([...wrong.headers.getSetCookie(), ...noToken.headers.getSetCookie()].filter((c) => c.startsWith(SESSION_COOKIE))).toEqual([]);
  });
});

describe('console forms', () => {
  it('refuse an action without this session\'s CSRF token (403) and change nothing; with it, the action runs', async () => {
    const mine = await session();
    const other = await session();
    const watch = (cookie: string, fields: Record<string, string>) =>
      fetch(`${stack.url}/admin/bills?lang=en`, { method: 'POST', redirect: 'manual', headers: { ...FORM, cookie }, body: form(fields) });

    const withoutToken = await watch(mine.cookie, { number: '999101-8' });
    const withOthersToken = await watch(mine.cookie, { number: '999101-8', csrf: other.csrf });
    const withoutSession = await watch('', { number: '999101-8', csrf: mine.csrf });
    const before = await stack.item({ PK: 'BILL#999101-8', SK: 'STATE' });
    const good = await watch(mine.cookie, { number: '999101-8', csrf: mine.csrf });

    expect([withoutToken.status, withOthersToken.status, withoutSession.status, good.status]).toEqual([403, 403, 403, 303]);
    expect(before).toBeUndefined();
    expect((await stack.item({ PK: 'BILL#999101-8', SK: 'STATE' }))?.watched).toBe(true);
  });

  it('end the session on sign-out', async () => {
    const { cookie, csrf } = await session();

    const response = await fetch(`${stack.url}/admin/sign-out?lang=en`, { method: 'POST', redirect: 'manual', headers: { ...FORM, cookie }, body: form({ csrf }) });

    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie()).toEqual([`${SESSION_COOKIE}=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0`]);
  });
});

describe('console sessions', () => {
  const secret = randomBytes(32).toString('hex');
  const key = 'the-admin-key';
  const at = new Date('2026-12-01T08:00:00Z');

  it('are Secure over https, last 30 minutes, and end when the admin key changes or the cookie is forged', () => {
    const { setCookie } = startSession(key, secret, at, true);
    const token = setCookie.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
    const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

    expect(setCookie.endsWith('; Secure')).toBe(true);
    expect(currentSession(requestWith(token), key, secret, later(29))?.expiresAt).toEqual(later(30));
    expect(currentSession(requestWith(token), key, secret, later(30))).toBeUndefined();
    expect(currentSession(requestWith(token), 'a-rotated-key', secret, later(1))).toBeUndefined();
    expect(currentSession(requestWith(`${token}x`), key, secret, later(1))).toBeUndefined();
    expect(currentSession(requestWith(token), undefined, secret, later(1))).toBeUndefined();
  });
});

describe('console sign-in rate limit', () => {
  it('refuses the eleventh attempt from one client within 15 minutes (429), even with the right key', async () => {
    const statuses: number[] = [];
    // Earlier tests of this file signed in from the same address: count until the limit is met.
    for (let attempt = 0; attempt < 12; attempt++) statuses.push((await signIn(`${stack.adminApiKey}x`)).status);
    const right = await signIn(stack.adminApiKey);

    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
