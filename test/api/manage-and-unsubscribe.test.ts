import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/bill/bill.js';
import { signToken } from '../../shared/security/signed-token.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { keys } from '../../shared/store/table-schema.js';
import { manageUrl, unsubscribeUrl } from '../../shared/subscriptions/subscriber-links.js';
import { csrfIn, linkIn, startApiTestStack, TABLE_NAME, uniqueAddress, type ApiTestStack, type JsonBody } from './api-test-stack.js';

let stack: ApiTestStack;

beforeAll(async () => {
  stack = await startApiTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** Signs an address up and follows its confirmation link: an active subscriber with the given bills. */
async function activeSubscriber(label: string, bills: string[]): Promise<{ email: string; id: string }> {
  const email = uniqueAddress(label);
  await fetch(`${stack.url}/api/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, bills, language: 'en' }),
  });
  const link = linkIn((await stack.emailsTo(email))[0]!, '/confirm');
  const html = await (await fetch(link)).text();
  await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${encodeURIComponent(csrfIn(html))}` });
  return { email, id: await stack.subscriberId(email) };
}

/** A token of the earlier signed-only form, as links mailed before tokens were sealed carry. */
function legacyToken(payload: object, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) params.append(name, one);
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() };
};

describe('the preferences page behind a signed manage link', () => {
  it('shows the subscriber their preferences and saves changes, re-syncing follower items', async () => {
    const { email, id } = await activeSubscriber('prefs', ['1-8', '2-8']);
    const link = manageUrl(stack.url, id, stack.tokenSecret);
    const page = await fetch(link);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(`Alerts for ${email}.`);
    expect(html).toContain('<input type="checkbox" id="newsAlerts" name="newsAlerts" value="on" checked><label for="newsAlerts">Also tell me when the news mentions a bill I follow</label>');

    // No newsAlerts field: that is what a browser sends for an unticked checkbox.
    const saved = await fetch(link, form({ csrf: csrfIn(html), bills: '2-8\n3-8', topics: 'бюджет', frequency: 'daily', stageMode: 'chosen', stages: ['5', '8'], language: 'en', timeZone: 'Asia/Yekaterinburg' }));

    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Your preferences are saved.');
    expect(await stack.item(keys.follower('1-8', id))).toBeUndefined();
    expect(await stack.item(keys.follower('3-8', id))).toMatchObject({ frequency: 'daily', stages: [5, 8] });
    expect(await stack.item(keys.follower('2-8', id))).toMatchObject({ frequency: 'daily', stages: [5, 8] });
    expect(await stack.item(keys.subscriber(id))).toMatchObject({ timeZone: 'Asia/Yekaterinburg', topics: ['бюджет'], newsAlerts: false });
  });

  it('reads and patches the subscription as JSON with the same token', async () => {
    const { id } = await activeSubscriber('json', ['1-8']);
    const token = new URL(manageUrl(stack.url, id, stack.tokenSecret)).searchParams.get('token')!;

    const patched = await fetch(`${stack.url}/api/subscription?token=${token}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ bills: ['7-8'], frequency: 'weekly', newsAlerts: false }),
    });
    const read = await (await fetch(`${stack.url}/api/subscription?token=${token}`)).json() as JsonBody;

    expect(patched.status).toBe(200);
    expect(read.preferences).toEqual({ bills: ['7-8'], topics: [], committees: [], initiators: [], language: 'en', timeZone: 'Europe/Moscow', frequency: 'weekly', stages: 'all', newsAlerts: false, weekAhead: false });
    expect((await stack.item(keys.subscriber(id)))?.newsAlerts).toBe(false);
    expect(await stack.item(keys.follower('1-8', id))).toBeUndefined();
  });

  it('turns the week ahead on through the JSON API, and the preferences page shows it ticked', async () => {
    // Arrange
    const { id } = await activeSubscriber('week-ahead', ['1-8']);
    const token = new URL(manageUrl(stack.url, id, stack.tokenSecret)).searchParams.get('token')!;

    // Act
    const patched = await fetch(`${stack.url}/api/subscription?token=${token}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ weekAhead: true }),
    });
    const page = await (await fetch(`${stack.url}/preferences?token=${token}&lang=en`)).text();

    // Assert
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as JsonBody).preferences).toMatchObject({ bills: ['1-8'], weekAhead: true });
    expect((await stack.item(keys.subscriber(id)))?.weekAhead).toBe(true);
    expect(page).toContain('<input type="checkbox" id="weekAhead" name="weekAhead" value="on" checked><label for="weekAhead">Every Monday at 08:00 my time, send me the week ahead');
  });
});

describe('what the pages show of a subscription', () => {
  it('the preferences page lists each followed bill with its title and current stage, where known', async () => {
    const bill: Bill = {
      number: '61-8',
      url: 'https://sozd.duma.gov.ru/bill/61-8',
      title: 'О связи',
      status: 'На рассмотрении',
      archived: false,
      passport: [],
      currentStage: { id: 3, name: 'Рассмотрение законопроекта в первом чтении' },
      events: [],
      plannedEvents: [],
    };
    await new DynamoBillStore(stack.db, TABLE_NAME).saveSnapshot('61-8', 0, { bill, contentHash: 'h', at: '2026-01-01T00:00:00.000Z' });
    const { id } = await activeSubscriber('titles', ['61-8', '62-8']);

    const html = await (await fetch(manageUrl(stack.url, id, stack.tokenSecret))).text();

    expect(html).toContain(
      '<h2 id="followed">Bills you follow</h2><ul class="followed-bills"><li>61-8 — О связи (stage: First reading)</li><li>62-8 (title not known yet: read from sozd.duma.gov.ru at the next poll)</li></ul>',
    );
  });

  it('the unsubscribe page of an address already unsubscribed says so and offers to subscribe again', async () => {
    const { id } = await activeSubscriber('already', ['63-8']);
    const link = unsubscribeUrl(stack.url, id, stack.tokenSecret);
    await fetch(link, form({ 'List-Unsubscribe': 'One-Click' }));

    const page = await fetch(`${link}&lang=en`);
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(html).toContain('<h1>Already unsubscribed</h1>');
    expect(html).toMatch(/a•••@example\.org is already unsubscribed and receives no emails from duma-alerts\./);
    expect(html).toContain('<a href="/?lang=en">Subscribe again</a>');
    expect(html).not.toContain('<button');
  });
});

describe('the preferences form saves what the JSON API accepts', () => {
  it('saves 50 topics of 500 Cyrillic characters through the form (a body over 130 KB)', async () => {
    const { id } = await activeSubscriber('long-topics', ['71-8']);
    const letters = 'абвгдежзиклмнопрстуфхцчшщэюя';
    const topics = Array.from({ length: 50 }, (_, index) => {
      const start = `тема${letters[index % letters.length]}${letters[Math.floor(index / letters.length)]}`;
      return `${start}${' бюджетный налоговый кодекс'.repeat(40)}`.slice(0, 500).trim();
    });
    const link = manageUrl(stack.url, id, stack.tokenSecret);
    const html = await (await fetch(link)).text();
    const request = form({ csrf: csrfIn(html), bills: '71-8', topics: topics.join('\n'), frequency: 'instant', stageMode: 'all', language: 'en', timeZone: 'Europe/Moscow' });

    const saved = await fetch(link, request);

    expect(Buffer.byteLength(request.body)).toBeGreaterThan(130_000);
    expect(saved.status).toBe(200);
    expect((await stack.item(keys.subscriber(id)))?.topics).toEqual(topics);
  });
});

describe('committees and initiators on the preferences form', () => {
  it('shows the committees and initiators followed, and saving the form as shown keeps them', async () => {
    // Arrange: follows set through the JSON API, which the form must not lose.
    const { id } = await activeSubscriber('origins', ['81-8']);
    const link = manageUrl(stack.url, id, stack.tokenSecret);
    const token = new URL(link).searchParams.get('token')!;
    const committees = ['Комитет Государственной Думы по бюджету и налогам'];
    const initiators = ['Правительство Российской Федерации', 'Исаев А.К.'];
    const patched = await fetch(`${stack.url}/api/subscription?token=${token}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ committees, initiators }),
    });
    const html = await (await fetch(link)).text();
    const shown = (name: string) => new RegExp(`<textarea id="${name}" name="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];

    // Act: the form posted back with what it shows, and one initiator removed.
    const saved = await fetch(link, form({ csrf: csrfIn(html), bills: '81-8', topics: '', committees: shown('committees')!, initiators: initiators[0]!, frequency: 'instant', stageMode: 'all', language: 'ru', timeZone: 'Europe/Moscow' }));

    // Assert
    expect(patched.status).toBe(200);
    expect(shown('committees')).toBe(committees.join('\n'));
    expect(shown('initiators')).toBe(initiators.join('\n'));
    expect(saved.status).toBe(200);
    const stored = await stack.item(keys.subscriber(id));
    expect([stored?.committees, stored?.initiators]).toEqual([committees, [initiators[0]]]);
  });
});

describe('PATCH on a subscription that is not active', () => {
  it('answers 409 for an unsubscribed subscription and changes nothing', async () => {
    const { id } = await activeSubscriber('patch-unsubscribed', ['51-8']);
    await fetch(unsubscribeUrl(stack.url, id, stack.tokenSecret), form({ 'List-Unsubscribe': 'One-Click' }));
    const before = await stack.item(keys.subscriber(id));
    const token = new URL(manageUrl(stack.url, id, stack.tokenSecret)).searchParams.get('token')!;

    const response = await fetch(`${stack.url}/api/subscription?token=${token}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ bills: ['52-8'], frequency: 'weekly', topics: ['налог'] }),
    });

    expect(response.status).toBe(409);
    expect((await response.json() as JsonBody).error.code).toBe('not_changeable');
    expect(await stack.item(keys.subscriber(id))).toEqual(before);
    expect(await stack.followers('52-8')).toEqual([]);
  });
});

describe('one subscriber’s link never reaches another subscriber', () => {
  it('a token re-signed with another subject, or with another purpose, is refused and changes nothing', async () => {
    const alice = await activeSubscriber('alice', ['11-8']);
    const bob = await activeSubscriber('bob', ['12-8']);
    const aliceToken = new URL(manageUrl(stack.url, alice.id, stack.tokenSecret)).searchParams.get('token')!;
    // Alice's token with one character changed, and a token of the earlier signed-only form naming Bob with Alice's MAC.
    const flipped = `${aliceToken.slice(0, 20)}${aliceToken[20] === 'A' ? 'B' : 'A'}${aliceToken.slice(21)}`;
    const aliceLegacy = legacyToken({ sub: alice.id, purpose: 'manage' }, stack.tokenSecret);
    const forgedBody = Buffer.from(JSON.stringify({ sub: bob.id, purpose: 'manage' })).toString('base64url');
    const forged = `${forgedBody}.${aliceLegacy.split('.')[1]}`;
    const bobUnsubscribeToken = new URL(unsubscribeUrl(stack.url, bob.id, stack.tokenSecret)).searchParams.get('token')!;
    const foreignSecretToken = signToken({ sub: bob.id, purpose: 'manage' }, 'x'.repeat(32));

    const attempts = await Promise.all([
      fetch(`${stack.url}/api/subscription?token=${forged}`),
      fetch(`${stack.url}/api/subscription?token=${bobUnsubscribeToken}`),
      fetch(`${stack.url}/api/subscription?token=${foreignSecretToken}`),
      fetch(`${stack.url}/preferences?token=${flipped}`),
      fetch(`${stack.url}/api/subscription?token=${flipped}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ bills: [] }),
      }),
      fetch(`${stack.url}/api/subscription?token=${bobUnsubscribeToken}`, { method: 'DELETE' }),
    ]);
    const aliceRead = await (await fetch(`${stack.url}/api/subscription?token=${aliceToken}`)).json() as JsonBody;

    expect(attempts.map((response) => response.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(aliceRead.email).toBe(alice.email);
    expect((await (await fetch(`${stack.url}/api/subscription?token=${aliceLegacy}`)).json() as JsonBody).email).toBe(alice.email);
    expect(await stack.item(keys.subscriber(bob.id))).toMatchObject({ status: 'active', bills: ['12-8'] });
    expect(await stack.item(keys.follower('12-8', bob.id))).toBeDefined();
  });

  it('a CSRF token from one subscriber’s page does not let a form change another subscriber', async () => {
    const alice = await activeSubscriber('alice2', ['21-8']);
    const bob = await activeSubscriber('bob2', ['22-8']);
    const aliceHtml = await (await fetch(manageUrl(stack.url, alice.id, stack.tokenSecret))).text();

    const response = await fetch(manageUrl(stack.url, bob.id, stack.tokenSecret), form({ csrf: csrfIn(aliceHtml), bills: '' }));

    expect(response.status).toBe(403);
    expect(await stack.item(keys.subscriber(bob.id))).toMatchObject({ bills: ['22-8'] });
  });
});

describe('unsubscribe', () => {
  it('GET shows one button and changes nothing', async () => {
    const { id } = await activeSubscriber('look', ['31-8']);

    const page = await fetch(unsubscribeUrl(stack.url, id, stack.tokenSecret) + '&lang=en');
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).toContain('name="List-Unsubscribe" value="One-Click"');
    expect((await stack.item(keys.subscriber(id)))?.status).toBe('active');
  });

  it('an RFC 8058 one-click POST without cookies takes effect at once and removes the follows', async () => {
    const { id } = await activeSubscriber('oneclick', ['32-8', '33-8']);

    const response = await fetch(unsubscribeUrl(stack.url, id, stack.tokenSecret), form({ 'List-Unsubscribe': 'One-Click' }));

    expect(response.status).toBe(200);
    expect(await stack.item(keys.subscriber(id))).toMatchObject({ status: 'unsubscribed' });
    expect(await stack.followers('32-8')).toEqual([]);
    expect(await stack.followers('33-8')).toEqual([]);
  });

  it('a multipart one-click POST works too', async () => {
    const { id } = await activeSubscriber('multipart', ['34-8']);
    const body = new FormData();
    body.append('List-Unsubscribe', 'One-Click');

    const response = await fetch(unsubscribeUrl(stack.url, id, stack.tokenSecret), { method: 'POST', body });

    expect(response.status).toBe(200);
    expect((await stack.item(keys.subscriber(id)))?.status).toBe('unsubscribed');
  });

  it('a tampered unsubscribe token is refused with 403 and unsubscribes no one', async () => {
    const { id } = await activeSubscriber('tamper', ['35-8']);
    const url = unsubscribeUrl(stack.url, id, stack.tokenSecret);

    const response = await fetch(`${url.slice(0, -2)}xx`, form({ 'List-Unsubscribe': 'One-Click' }));

    expect(response.status).toBe(403);
    expect((await stack.item(keys.subscriber(id)))?.status).toBe('active');
  });
});

describe('bounced and complained addresses', () => {
  it('a suppressed address gets the usual sign-up answer but no email, and is never re-activated', async () => {
    const { email, id } = await activeSubscriber('suppressed', ['41-8']);
    const { handleSesEvents } = await import('../../shared/subscriptions/ses-events.js');
    const { sesEventsDependencies } = await import('../../shared/runtime/ses-events-dependencies.js');
    const { loadConfig } = await import('../../shared/config/config.js');
    await handleSesEvents(sesEventsDependencies(loadConfig()), {
      Records: [{ Sns: { MessageId: 'm1', Message: JSON.stringify({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: email }], complaintFeedbackType: 'abuse' } }) } }],
    } as never);
    const before = (await stack.emailsTo(email)).length;

    const response = await fetch(`${stack.url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, bills: ['41-8'] }),
    });
    const admin = await fetch(`${stack.url}/api/admin/subscriptions/${id}`, { headers: { 'x-api-key': stack.adminApiKey } });

    expect(response.status).toBe(202);
    expect((await stack.emailsTo(email)).length).toBe(before);
    expect(await admin.json() as JsonBody).toMatchObject({ status: 'suppressed', suppressionReason: 'complaint: abuse' });
    expect(await stack.followers('41-8')).toEqual([]);
  });
});
