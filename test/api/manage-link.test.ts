import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageUrl, MANAGE_LINK_TTL_SECONDS } from '../../shared/subscriptions/subscriber-links.js';
import { cookieOf, csrfIn, linkIn, startApiTestStack, uniqueAddress, type ApiTestStack, type JsonBody } from './api-test-stack.js';

let stack: ApiTestStack;

beforeAll(async () => {
  stack = await startApiTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function signUp(email: string): Promise<void> {
  await fetch(`${stack.url}/api/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, bills: ['91-8'], language: 'en' }),
  });
}

async function activeSubscriber(label: string): Promise<{ email: string; id: string }> {
  const email = uniqueAddress(label);
  await signUp(email);
  const link = linkIn((await stack.emailsTo(email))[0]!, '/confirm');
  const html = await (await fetch(link)).text();
  await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${encodeURIComponent(csrfIn(html))}` });
  return { email, id: await stack.subscriberId(email) };
}

async function askForLink(email: string): Promise<Response> {
  return fetch(`${stack.url}/api/subscription/link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
}

describe('preferences links expire and can be asked for again', () => {
  it('a preferences link works for 30 days; after that the page says so and points to the new-link form', async () => {
    const { id } = await activeSubscriber('expiring');
    const issuedAt = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000);

    const fresh = await fetch(manageUrl(stack.url, id, stack.tokenSecret, issuedAt(MANAGE_LINK_TTL_SECONDS - 60)));
    const stale = await fetch(`${manageUrl(stack.url, id, stack.tokenSecret, issuedAt(MANAGE_LINK_TTL_SECONDS + 60))}&lang=en`);

    expect(MANAGE_LINK_TTL_SECONDS).toBe(30 * 24 * 3600);
    expect(fresh.status).toBe(200);
    expect(stale.status).toBe(410);
    const html = await stale.text();
    expect(html).toContain('The link has expired. Ask for a new one by email.');
    expect(html).toContain('<a href="/manage-link?lang=en">Email me a new link</a>');
  });

  it('mails a working link to a subscribed address, once per cool-down, and answers an unknown or unconfirmed address exactly the same', async () => {
    const { email } = await activeSubscriber('relink');
    const unknown = uniqueAddress('nobody');
    const pending = uniqueAddress('unconfirmed');
    await signUp(pending);

    const answers = [await askForLink(email), await askForLink(email), await askForLink(unknown), await askForLink(pending)];
    const bodies = await Promise.all(answers.map((answer) => answer.json() as Promise<JsonBody>));
    const mailed = (await stack.emailsTo(email)).filter((mail) => mail.subject === 'Your duma-alerts preferences link');
    const page = await fetch(linkIn(mailed[0]!, '/preferences'));

    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202]);
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(bodies[0]).toEqual({ status: 'accepted', message: 'If the address is subscribed, a new preferences link has been sent to it. It works for 30 days.' });
    expect(mailed).toHaveLength(1);
    expect(page.status).toBe(200);
    expect(await stack.emailsTo(unknown)).toEqual([]);
    expect((await stack.emailsTo(pending)).map((mail) => mail.subject)).toEqual(['Confirm your duma-alerts subscription']);
  });

  it('the HTML form asks for a link with its CSRF cookie and shows "check your email"', async () => {
    const { email } = await activeSubscriber('relink-form');
    const form = await fetch(`${stack.url}/manage-link?lang=en`);
    const html = await form.text();

    const submitted = await fetch(`${stack.url}/manage-link?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(form) },
      body: new URLSearchParams({ csrf: csrfIn(html), email: email.toUpperCase() }).toString(),
    });

    expect(submitted.status).toBe(200);
    expect(await submitted.text()).toContain('If this address is subscribed, a new preferences link is on its way.');
    expect((await stack.emailsTo(email)).map((mail) => mail.subject)).toContain('Your duma-alerts preferences link');
  });
});
