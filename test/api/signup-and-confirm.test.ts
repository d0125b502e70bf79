import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/bill/bill.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { topicIdForQuery } from '../../shared/store/subscription-store.js';
import { DynamoSuppressionStore } from '../../shared/store/suppression-store.js';
import { keys } from '../../shared/store/table-schema.js';
import { cookieOf, csrfIn, linkIn, startApiTestStack, TABLE_NAME, uniqueAddress, type ApiTestStack, type JsonBody } from './api-test-stack.js';

const SETTLE_MS = 120;
let stack: ApiTestStack;

beforeAll(async () => {
  stack = await startApiTestStack({ SIGNUP_LIMIT_PER_IP_PER_HOUR: '1000', SIGNUP_SETTLE_MS: String(SETTLE_MS) });
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
    const id = await stack.subscriberId(email);
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
    expect((await stack.item(keys.subscriber(await stack.subscriberId(email))))?.status).toBe('pending');
    const confirmed = await confirm(linkIn(mail!, '/confirm'));

    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Подписка подтверждена');
    const id = await stack.subscriberId(email);
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
    expect(await stack.pendingRequests(id)).toEqual([]);
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

  it('never locks an address out: many sign-ups for it by anyone all get the same 202, one email per cool-down, and the owner gets theirs after it', async () => {
    const email = uniqueAddress('flooded');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await signUp({ email, bills: ['1-8'] })).status);
    const emailsDuringCooldown = (await stack.emailsTo(email)).length;
    await stack.endCooldowns();

    const owner = await signUp({ email, bills: ['7-8'], language: 'en' });

    expect(statuses).toEqual([202, 202, 202, 202, 202, 202]);
    expect(emailsDuringCooldown).toBe(1);
    expect(owner.status).toBe(202);
    expect(owner.headers.get('retry-after')).toBeNull();
    const emails = await stack.emailsTo(email);
    expect(emails).toHaveLength(2);
    expect(emails[1]!.body.text).toContain('  - 7-8 (title not known yet');
  });

  it('answers the same, and no sooner than the settle time, for an unknown, a pending, an active and a suppressed address', async () => {
    const unknown = uniqueAddress('state-unknown');
    const pending = uniqueAddress('state-pending');
    const active = uniqueAddress('state-active');
    const suppressed = uniqueAddress('state-suppressed');
    await signUp({ email: pending, bills: ['1-8'] });
    await signUp({ email: active, bills: ['1-8'] });
    await confirm(linkIn((await stack.emailsTo(active))[0]!, '/confirm'));
    await new DynamoSuppressionStore(stack.db, TABLE_NAME).suppress({ email: suppressed, reason: 'bounce', at: new Date().toISOString() });

    const answers = [];
    for (const email of [unknown, pending, active, suppressed]) {
      const started = performance.now();
      const response = await signUp({ email, bills: ['2-8'] });
      answers.push({ status: response.status, body: await response.text(), settled: performance.now() - started >= SETTLE_MS });
    }

    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 202, settled: true });
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
    expect((await response.json() as JsonBody).error.issues).toEqual([{ field: 'body.bills', message: 'follow at least one bill, topic, committee or initiator' }]);
  });

  it('refuses an unparsable topic naming its position', async () => {
    const response = await signUp({ email: uniqueAddress('topic'), topics: ['"налог'] });

    expect(response.status).toBe(400);
    expect((await response.json() as JsonBody).error.issues).toEqual([{ field: 'body.topics.0', message: 'unclosed quote at 0' }]);
  });
});

describe('a confirmation confirms one request', () => {
  const BILL_A = '1075342-8';
  const BILL_B = '4242-8';
  const TITLE_A = 'О внесении изменений в Федеральный закон "Об информации"';
  const firstRequest = (email: string) => ({ email, bills: [BILL_A], language: 'en', frequency: 'instant' });
  const secondRequest = (email: string) => ({
    email,
    bills: [BILL_B],
    topics: ['реклама OR казино'],
    language: 'ru',
    frequency: 'weekly',
    timeZone: 'Asia/Vladivostok',
  });

  beforeAll(async () => {
    // Bill A has been read from sozd, so its title and stage are known; bill B never was.
    const bill: Bill = {
      number: BILL_A,
      url: `https://sozd.duma.gov.ru/bill/${BILL_A}`,
      title: TITLE_A,
      status: 'На рассмотрении',
      archived: false,
      passport: [],
      currentStage: { id: 4, name: 'Рассмотрение законопроекта во втором чтении' },
      events: [],
      plannedEvents: [],
    };
    await new DynamoBillStore(stack.db, TABLE_NAME).saveSnapshot(BILL_A, 0, { bill, contentHash: 'h', at: '2026-01-01T00:00:00.000Z' });
  });

  it('a second sign-up within the cool-down, from another client, neither changes nor replaces what the first email confirms', async () => {
    const email = uniqueAddress('victim');
    await signUp(firstRequest(email), { 'x-forwarded-for': '203.0.113.1' });
    await signUp(secondRequest(email), { 'x-forwarded-for': '198.51.100.7' });
    const emails = await stack.emailsTo(email);

    const confirmed = await confirm(linkIn(emails[0]!, '/confirm'));

    expect(emails).toHaveLength(1);
    expect(confirmed.status).toBe(200);
    const id = await stack.subscriberId(email);
    expect(await stack.item(keys.subscriber(id))).toMatchObject({
      status: 'active',
      bills: [BILL_A],
      topics: [],
      language: 'en',
      frequency: 'instant',
      timeZone: 'Europe/Moscow',
    });
    expect(await stack.followers(BILL_B)).toEqual([]);
  });

  it('the email and the confirmation page say exactly what will be followed: bills with titles, topics, frequency, language, time zone', async () => {
    const email = uniqueAddress('summary');
    await signUp({ email, bills: [BILL_A, BILL_B], topics: ['налог AND НДС'], language: 'en', frequency: 'daily', timeZone: 'Asia/Yekaterinburg', stages: [3, 5] });
    const [mail] = await stack.emailsTo(email);

    const page = await (await fetch(linkIn(mail!, '/confirm'))).text();

    expect(mail!.body.text).toContain(
      [
        'Bills:',
        `  - ${BILL_A} — ${TITLE_A} (stage: Second reading)`,
        `  - ${BILL_B} (title not known yet: read from sozd.duma.gov.ru at the next poll)`,
        'Topics:',
        '  - «налог AND НДС»',
        'How often: a daily digest',
        'Language of the emails: English',
        'Time zone: Asia/Yekaterinburg',
        'Stage changes: First reading; Third reading',
        'News mentioning a followed bill: yes',
      ].join('\n'),
    );
    expect(mail!.body.html).toContain(`<li>${BILL_A} — О внесении изменений в Федеральный закон &quot;Об информации&quot; (stage: Second reading)</li>`);
    expect(page).toContain(`Confirm that ${email} should receive duma-alerts emails for exactly this:`);
    expect(page).toContain('<dt>How often</dt><dd>a daily digest</dd><dt>Language of the emails</dt><dd>English</dd><dt>Time zone</dt><dd>Asia/Yekaterinburg</dd>');
    expect(page).toContain('<li>«налог AND НДС»</li>');
    expect(page).not.toContain('already subscribed');
  });

  it('the email and the confirmation page list the committees and initiators followed, in English with the passport\'s name beside', async () => {
    const email = uniqueAddress('origins');
    const committee = 'Комитет Государственной Думы по бюджету и налогам';
    await signUp({ email, committees: [committee], initiators: ['Правительство Российской Федерации', 'А.К.Исаев'], language: 'en' });
    const [mail] = await stack.emailsTo(email);

    const page = await (await fetch(linkIn(mail!, '/confirm'))).text();

    expect(mail!.body.text).toContain(
      [
        'Committees (each new bill they are given):',
        `  - State Duma Committee on Budget and Taxes — ${committee}`,
        'Initiators (each new bill they introduce):',
        '  - The Government of the Russian Federation — Правительство Российской Федерации',
        '  - A.K.Isaev — А.К.Исаев',
        'How often: each change as it happens',
      ].join('\n'),
    );
    expect(page).toContain(`<dt>Committees (each new bill they are given)</dt><dd><ul><li>State Duma Committee on Budget and Taxes — ${committee}</li></ul></dd>`);
  });

  it('a later request for an active address changes nothing until its own link is followed, and then applies that request only', async () => {
    const email = uniqueAddress('active');
    await signUp(firstRequest(email));
    const id = await stack.subscriberId(email);
    const firstLink = linkIn((await stack.emailsTo(email))[0]!, '/confirm');
    await confirm(firstLink);
    await stack.endCooldowns();

    await signUp(secondRequest(email));
    const afterRequest = await stack.item(keys.subscriber(id));
    const emails = await stack.emailsTo(email);
    const secondLink = linkIn(emails[1]!, '/confirm');
    const secondPage = await (await fetch(secondLink)).text();
    // The first link, used again with a valid form token, must not bring the first request back.
    const reusedFirst = await fetch(firstLink, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: csrfIn(secondPage) }).toString(),
    });
    const afterReuse = await stack.item(keys.subscriber(id));
    await confirm(secondLink);

    expect(afterRequest).toMatchObject({ status: 'active', bills: [BILL_A], language: 'en', frequency: 'instant' });
    expect(emails).toHaveLength(2);
    expect(emails[1]!.body.text).toContain(
      [
        'Этот адрес уже подписан: подтверждение заменит то, за чем он следит сейчас, списком выше.',
        '',
        'Сейчас адрес следит за этим; после подтверждения уведомления прекратятся:',
        'Законопроекты:',
        `  - ${BILL_A} — ${TITLE_A} (стадия: Рассмотрение законопроекта во втором чтении)`,
      ].join('\n'),
    );
    expect(secondPage).toContain('Этот адрес уже подписан');
    expect(secondPage).toContain(`<p>Сейчас адрес следит за этим; после подтверждения уведомления прекратятся:</p><dl class="request-summary"><dt>Законопроекты</dt><dd><ul><li>${BILL_A} — ${TITLE_A.replaceAll('"', '&quot;')} (стадия: Рассмотрение законопроекта во втором чтении)</li></ul></dd></dl>`);
    expect(secondPage).toContain('<li>«реклама OR казино»</li>');
    expect(reusedFirst.status).toBe(200);
    expect(afterReuse).toMatchObject({ bills: [BILL_A], frequency: 'instant' });
    expect(await stack.item(keys.subscriber(id))).toMatchObject({
      status: 'active',
      bills: [BILL_B],
      topics: ['реклама OR казино'],
      language: 'ru',
      frequency: 'weekly',
      timeZone: 'Asia/Vladivostok',
    });
    expect(await stack.item(keys.follower(BILL_A, id))).toBeUndefined();
    expect(await stack.item(keys.follower(BILL_B, id))).toMatchObject({ frequency: 'weekly' });
    expect(await stack.pendingRequests(id)).toEqual([]);
  });
});

describe('inputs a Russian audience uses', () => {
  it('signs up a .рф address, in Unicode or punycode, as one subscriber mailed at its punycode address', async () => {
    const local = `reader.${Date.now().toString(36)}`;

    const unicode = await signUp({ email: `${local}@Пример.РФ`, bills: ['1-8'] });
    const punycode = await signUp({ email: `${local}@xn--e1afmkfd.xn--p1ai`, bills: ['1-8'] });

    expect([unicode.status, punycode.status]).toEqual([202, 202]);
    expect((await stack.emailsTo(`${local}@xn--e1afmkfd.xn--p1ai`)).map((mail) => mail.subject)).toEqual(['Подтвердите подписку на duma-alerts']);
  });

  it('keeps a JSON topic with a line break one topic, and a 500-character CJK topic within the index key limit', async () => {
    const email = uniqueAddress('cjk');
    const cjk = Array.from({ length: 167 }, () => '税收').join(' ').slice(0, 500);
    await signUp({ email, topics: ['налог\nAND НДС', cjk] });

    const confirmed = await confirm(linkIn((await stack.emailsTo(email))[0]!, '/confirm'));

    expect(confirmed.status).toBe(200);
    const profile = await stack.item(keys.subscriber(await stack.subscriberId(email)));
    expect(profile?.topics).toEqual(['налог AND НДС', cjk.trim()]);
    const [definition] = (await stack.partition(`TOPIC#${topicIdForQuery(cjk.trim())}`)).filter((item) => item.SK === 'QUERY');
    expect(Buffer.byteLength(String(definition?.GSI1SK), 'utf8')).toBeLessThanOrEqual(1024);
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
    expect((await stack.pendingRequests(await stack.subscriberId(email))).map((request) => request.preferences)).toMatchObject([{ newsAlerts: true }]);
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
    const id = await stack.subscriberId(email);
    const [pending] = await stack.pendingRequests(id);
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
