import { SQSClient } from '@aws-sdk/client-sqs';
import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBillPage, type BillPageSpec } from '../../local/simulator/sozd-page-builder.js';
import { createPoliteFetcher } from '../../shared/http/polite-fetcher.js';
import { createLogger } from '../../shared/log/logger.js';
import type { PollDependencies } from '../../shared/pipeline/poll-bills.js';
import { pollOnce } from '../support/poll-once.js';
import { createSqsMessageQueue } from '../../shared/queue/message-queue.js';
import { createSozdHttpSource } from '../../shared/sozd/sozd-http-source.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { DynamoChangeStore } from '../../shared/store/change-store.js';
import { startHttpServer, type LoopbackServer } from '../http/loopback-server.js';
import { testSettings } from '../http/test-settings.js';
import { HAVE_REAL_PAGES, readRealPage } from '../support/real-sozd-pages.js';
import { manageUrl } from '../../shared/subscriptions/subscriber-links.js';
import { cookieOf, csrfIn, linkIn, startApiTestStack, TABLE_NAME, uniqueAddress, type ApiTestStack } from './api-test-stack.js';

/*
 * The public page, Atom feed and calendar of a bill, served by the api function over dynalite, of bills stored by the
 * real poller from pages in sozd's structure (and one real sozd page), read back with real parsers: rss-parser for
 * Atom, ical.js for iCalendar.
 */

const NUMBER = '999150-99';
const HOSTILE_TITLE = 'О внесении изменений <script>alert("x")</script> & «кавычки»';
const EVENTS: BillPageSpec['events'] = [
  {
    id: 'e1-guid',
    stageId: 1,
    eventNumber: '1.1',
    name: 'Регистрация законопроекта и материалов к нему в САДД ГД',
    date: '2026-10-01T10:15:00',
    decisions: ['зарегистрирован и направлен Председателю Государственной Думы'],
    documents: [{ id: 'doc-1', title: 'Текст внесенного законопроекта' }],
  },
  {
    id: 'e2-guid',
    stageId: 3,
    eventNumber: '3.1',
    name: 'Рассмотрение законопроекта в первом чтении',
    date: '2026-11-20T13:20:00',
    decisions: ['принять законопроект в первом чтении', 'Свободный текст решения <b>жирно</b>'],
    protocol: '№ 45(2)',
  },
];
const SECOND_READING: BillPageSpec['events'][number] = {
  id: 'e3-guid',
  stageId: 4,
  eventNumber: '4.1',
  name: 'Рассмотрение законопроекта во втором чтении',
  date: '2026-11-28T12:05:00',
  decisions: ['принять законопроект во втором чтении'],
};
const PLANNED = { stageId: 4, eventNumber: '4.1', name: 'Рассмотрение законопроекта во втором чтении', date: '2026-12-15T11:00:00' };

const pages = new Map<string, string>();
let stack: ApiTestStack;
let sozd: LoopbackServer;
let sqs: SQSClient;
let poll: PollDependencies;
let now = new Date('2026-11-21T09:00:00Z');

beforeAll(async () => {
  stack = await startApiTestStack({ SIGNUP_LIMIT_PER_IP_PER_HOUR: '1000' });
  sozd = await startHttpServer((request, response) => {
    const page = pages.get(request.url!.split('/').at(-1)!);
    if (!page) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  poll = {
    bills: new DynamoBillStore(stack.db, TABLE_NAME),
    changes: new DynamoChangeStore(stack.db, TABLE_NAME),
    source: createSozdHttpSource(createPoliteFetcher(testSettings({ timeoutMs: 5000, maxBytes: 4_000_000 })), sozd.origin),
    fanOutQueue: createSqsMessageQueue(sqs, stack.queues.fanOut.url),
    now: () => now,
    logger: createLogger('test'),
  };
});
afterAll(async () => {
  sqs?.destroy();
  await sozd?.close();
  await stack?.stop();
});

/** Serves the page and runs the real poller on the bill once, at `at`. */
async function publish(number: string, page: string, at: string): Promise<string> {
  pages.set(number, page);
  now = new Date(at);
  await poll.bills.watch(number);
  const record = (await poll.bills.get(number))!;
  const result = await pollOnce(poll, { number, version: record.version, contentHash: record.contentHash });
  return result.outcome;
}

function billPage(spec: Partial<BillPageSpec> = {}): string {
  return buildBillPage({ number: NUMBER, title: HOSTILE_TITLE, events: EVENTS, plannedEvents: [PLANNED], ...spec });
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  return fetch(`${stack.url}${path}`, { method, headers });
}

async function atomOf(response: Response) {
  return new Parser().parseString(await response.text());
}

function vevents(text: string): ICAL.Component[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent');
}

describe('the public page of a bill', () => {
  beforeAll(async () => {
    expect(await publish(NUMBER, billPage(), '2026-11-21T09:00:00Z')).toBe('baseline');
  });

  it('shows its title escaped, current stage, timeline in the alerts’ English (unknown text marked), documents, planned events and the feeds', async () => {
    const response = await get(`/bills/${NUMBER}?lang=en`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('last-modified')).toBe('Sat, 21 Nov 2026 09:00:00 GMT');
    expect(response.headers.get('vary')).toBeNull();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>жирно');
    expect(html).toContain('<dt>Title (original, Russian)</dt><dd>О внесении изменений &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «кавычки»</dd>');
    expect(html).toContain('<dt>Current stage</dt><dd>First reading</dd>');
    expect(html).toContain('<dt>Status</dt><dd>Under consideration</dd>');
    expect(html).toContain('<h3>First reading of the bill</h3>');
    expect(html).toContain('<strong>Stage: Submitted to the State Duma → First reading</strong>');
    expect(html).toContain('<li>adopt the bill in the first reading</li><li>(original, Russian): Свободный текст решения &lt;b&gt;жирно&lt;/b&gt;</li>');
    expect(html).toContain("<h3>Registration of the bill and its materials in the State Duma&#39;s document system</h3>");
    expect(html).toContain('>Text of the bill as introduced</a>');
    expect(html).toContain('<li><strong>Second reading of the bill</strong> — Second reading<br><time datetime="2026-12-15T11:00:00+03:00">15 December 2026, 11:00 MSK</time>');
    expect(html).toContain(`<a href="/bills/${NUMBER}/feed.atom?lang=en" type="application/atom+xml">`);
    expect(html).toContain(`<a href="/bills/${NUMBER}/calendar.ics?lang=en" type="text/calendar">`);
    // Newest first: the first reading is listed before the registration.
    expect(html.indexOf('First reading of the bill')).toBeLessThan(html.indexOf('Registration of the bill'));
  });

  it('shows the federal law number, in both languages as the alerts write it, on the page, its timeline and its feed', async () => {
    const lawNumber = '999154-99';
    const signed = { id: 'e9-guid', stageId: 8, eventNumber: '8.1', name: 'Закон подписан Президентом Российской Федерации', date: '2026-11-29T16:00:00', lawNumber: '386-ФЗ' };
    await publish(lawNumber, billPage({ number: lawNumber, events: [...EVENTS, signed], plannedEvents: [] }), '2026-11-30T09:00:00Z');

    const en = await (await get(`/bills/${lawNumber}?lang=en`)).text();
    const ru = await (await get(`/bills/${lawNumber}?lang=ru`)).text();
    const feed = await atomOf(await get(`/bills/${lawNumber}/feed.atom?lang=en`));

    expect(en).toContain('<dt>Federal law</dt><dd>386-FZ</dd>');
    expect(en).toContain('Federal law: 386-FZ');
    expect(ru).toContain('<dt>Федеральный закон</dt><dd>386-ФЗ</dd>');
    expect(feed.items[0]!.content).toContain('Federal law: 386-FZ');
  });

  it('speaks Russian by Accept-Language, and says so in Vary', async () => {
    const response = await get(`/bills/${NUMBER}`, { 'accept-language': 'ru-RU,ru;q=0.9' });
    const html = await response.text();

    expect(response.headers.get('vary')).toBe('Accept-Language');
    expect(html).toContain('<dt>Текущая стадия</dt><dd>Рассмотрение законопроекта в первом чтении</dd>');
    expect(html).toContain('<h3>Рассмотрение законопроекта в первом чтении</h3>');
  });

  it('answers an unwatched or unknown bill with a 404 page offering to follow it, and hostile numbers with a 400 that does not echo them', async () => {
    const unknown = await get('/bills/424242-8?lang=en');
    const hostile = await get(`/bills/${encodeURIComponent('<script>alert(1)</script>')}?lang=en`);
    const hostileHtml = await hostile.text();

    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<a href="/?bill=424242-8&amp;lang=en">Follow it: we start watching it once you confirm</a>');
    expect(hostile.status).toBe(400);
    expect(hostile.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(hostileHtml).not.toContain('<script>alert(1)');
  });

  it('its follow form opens the sign-up with the bill filled in; sending it makes exactly one pending request and one confirmation email', async () => {
    const html = await (await get(`/bills/${NUMBER}?lang=en`)).text();
    const form = /<form method="get" action="\/">([\s\S]*?)<\/form>/.exec(html)![1]!;
    const fields = Object.fromEntries([...form.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]));
    expect(fields).toEqual({ bill: NUMBER, lang: 'en' });
    const signup = await get(`/?${new URLSearchParams(fields).toString()}`);
    const signupHtml = await signup.text();
    expect(signupHtml).toContain(`>${NUMBER}</textarea>`);
    const email = uniqueAddress('follow');

    const sent = await fetch(`${stack.url}/subscribe?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(signup) },
      body: new URLSearchParams({ csrf: csrfIn(signupHtml), email, bills: NUMBER, language: 'en', frequency: 'instant', timeZone: 'Europe/Moscow', stageMode: 'all' }).toString(),
    });

    expect(sent.status).toBe(200);
    const pending = await stack.pendingRequests(await stack.subscriberId(email));
    expect(pending.map((request) => (request.preferences as { bills: string[] }).bills)).toEqual([[NUMBER]]);
    expect((await stack.emailsTo(email)).map((mail) => mail.subject)).toEqual(['Confirm your duma-alerts subscription']);
  });

  it('answers a matching If-None-Match (strong or weak) or a current If-Modified-Since with 304 and no body, and HEAD with the headers alone', async () => {
    const first = await get(`/bills/${NUMBER}?lang=en`);
    const etag = first.headers.get('etag')!;

    const strong = await get(`/bills/${NUMBER}?lang=en`, { 'if-none-match': etag });
    const weak = await get(`/bills/${NUMBER}?lang=en`, { 'if-none-match': `"other", W/${etag}` });
    const other = await get(`/bills/${NUMBER}?lang=en`, { 'if-none-match': '"other"' });
    const since = await get(`/bills/${NUMBER}?lang=en`, { 'if-modified-since': 'Sat, 21 Nov 2026 09:00:00 GMT' });
    const head = await get(`/bills/${NUMBER}?lang=en`, {}, 'HEAD');

    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect([strong.status, await strong.text(), strong.headers.get('etag'), strong.headers.get('cache-control')]).toEqual([304, '', etag, 'public, max-age=300']);
    expect(weak.status).toBe(304);
    expect(other.status).toBe(200);
    expect(since.status).toBe(304);
    expect([head.status, await head.text(), head.headers.get('etag'), head.headers.get('content-type')]).toEqual([200, '', etag, 'text/html; charset=utf-8']);
  });
});

describe('the Atom feed and the calendar of a bill', () => {
  const number = '999151-99';
  const page = (spec: Partial<BillPageSpec>) => billPage({ number, ...spec });

  it('the feed has an entry per dated event, newest first, with ids that stay the same when the bill moves on', async () => {
    await publish(number, page({}), '2026-11-21T09:00:00Z');
    const before = await get(`/bills/${number}/feed.atom?lang=en`);
    const feed = await atomOf(before);

    expect(before.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(before.headers.get('cache-control')).toBe('public, max-age=300');
    expect(feed.title).toBe(`Bill ${number}: changes`);
    expect(feed.link).toBe(`${stack.url}/bills/${number}?lang=en`);
    expect(feed.items.map((item) => [item.id, item.title, item.isoDate, item.link])).toEqual([
      [
        `tag:duma-alerts,2026:bill/${number}/event/e2-guid`,
        `Bill ${number}: First reading of the bill — Stage: Submitted to the State Duma → First reading`,
        '2026-11-20T10:20:00.000Z',
        `${stack.url}/bills/${number}?lang=en#event-e2-guid`,
      ],
      [
        `tag:duma-alerts,2026:bill/${number}/event/e1-guid`,
        `Bill ${number}: Registration of the bill and its materials in the State Duma's document system — Stage: Submitted to the State Duma`,
        '2026-10-01T07:15:00.000Z',
        `${stack.url}/bills/${number}?lang=en#event-e1-guid`,
      ],
    ]);
    expect(feed.items[0]!.content).toBe(
      '<p>Stage: Submitted to the State Duma → First reading</p><p>Decisions:</p><ul><li>adopt the bill in the first reading</li><li>(original, Russian): Свободный текст решения &lt;b&gt;жирно&lt;/b&gt;</li></ul><p>Protocol: № 45(2)</p>',
    );

    await publish(number, page({ events: [...EVENTS, SECOND_READING], plannedEvents: [] }), '2026-11-28T10:00:00Z');
    const after = await atomOf(await get(`/bills/${number}/feed.atom?lang=ru`));

    expect(after.items.map((item) => [item.id, item.title])).toEqual([
      [`tag:duma-alerts,2026:bill/${number}/event/e3-guid`, `Законопроект № ${number}: Рассмотрение законопроекта во втором чтении — Стадия: Рассмотрение законопроекта в первом чтении → Рассмотрение законопроекта во втором чтении`],
      [`tag:duma-alerts,2026:bill/${number}/event/e2-guid`, `Законопроект № ${number}: Рассмотрение законопроекта в первом чтении — Стадия: Внесение законопроекта в Государственную Думу → Рассмотрение законопроекта в первом чтении`],
      [`tag:duma-alerts,2026:bill/${number}/event/e1-guid`, `Законопроект № ${number}: Регистрация законопроекта и материалов к нему в САДД ГД — Стадия: Внесение законопроекта в Государственную Думу`],
    ]);
  });

  it('the calendar keeps a planned event’s UID across polls and raises its SEQUENCE only when its date moves', async () => {
    const calendarNumber = '999152-99';
    const at = (date: string) => billPage({ number: calendarNumber, plannedEvents: [{ ...PLANNED, date }] });
    await publish(calendarNumber, at('2026-12-15T11:00:00'), '2026-11-21T09:00:00Z');
    const first = await get(`/bills/${calendarNumber}/calendar.ics?lang=en`);
    const firstText = await first.text();
    expect(await publish(calendarNumber, at('2026-12-15T11:00:00'), '2026-11-22T09:00:00Z')).toBe('unchanged');
    const unchanged = await (await get(`/bills/${calendarNumber}/calendar.ics?lang=en`)).text();
    await publish(calendarNumber, at('2026-12-17T15:30:00'), '2026-11-23T09:00:00Z');
    const moved = await (await get(`/bills/${calendarNumber}/calendar.ics?lang=en`)).text();

    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(unchanged).toBe(firstText);
    const describe = (text: string) =>
      vevents(text).map((event) => ({
        uid: event.getFirstPropertyValue('uid'),
        sequence: event.getFirstPropertyValue('sequence'),
        stamp: String(event.getFirstPropertyValue('dtstamp')),
        start: String(event.getFirstPropertyValue('dtstart')),
        zone: (event.getFirstPropertyValue('dtstart') as ICAL.Time).zone?.tzid,
        utc: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
        summary: event.getFirstPropertyValue('summary'),
      }));
    expect(describe(firstText)).toEqual([
      {
        uid: `${calendarNumber}.4_4.1@planned.duma-alerts`,
        sequence: 0,
        stamp: '2026-11-21T09:00:00Z',
        start: '2026-12-15T11:00:00',
        zone: 'Europe/Moscow',
        utc: '2026-12-15T08:00:00.000Z',
        summary: `Bill ${calendarNumber}: Second reading of the bill`,
      },
    ]);
    expect(describe(moved)).toEqual([
      {
        uid: `${calendarNumber}.4_4.1@planned.duma-alerts`,
        sequence: 1,
        stamp: '2026-11-23T09:00:00Z',
        start: '2026-12-17T15:30:00',
        zone: 'Europe/Moscow',
        utc: '2026-12-17T12:30:00.000Z',
        summary: `Bill ${calendarNumber}: Second reading of the bill`,
      },
    ]);
  });

  it('the calendar is CRLF-terminated and folded at 75 octets, and its description carries the hostile title as escaped text', async () => {
    const text = await (await get(`/bills/${NUMBER}/calendar.ics?lang=ru`)).text();
    const lines = text.split('\r\n');

    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(vevents(text)[0]!.getFirstPropertyValue('description')).toBe(
      [
        `Законопроект № ${NUMBER}`,
        HOSTILE_TITLE,
        'Текущая стадия: Рассмотрение законопроекта во втором чтении',
        'Дума отмечает запланированные даты как неокончательные; они могут измениться.',
        `${stack.url}/bills/${NUMBER}?lang=ru`,
      ].join('\n'),
    );
  });

  it('feeds answer 304 to their ETag, HEAD, and 404 (JSON) for a bill not watched', async () => {
    const feed = await get(`/bills/${NUMBER}/feed.atom?lang=en`);
    const calendar = await get(`/bills/${NUMBER}/calendar.ics?lang=en`);

    const feedAgain = await get(`/bills/${NUMBER}/feed.atom?lang=en`, { 'if-none-match': feed.headers.get('etag')! });
    const calendarAgain = await get(`/bills/${NUMBER}/calendar.ics?lang=en`, { 'if-none-match': calendar.headers.get('etag')! });
    const head = await get(`/bills/${NUMBER}/feed.atom?lang=en`, {}, 'HEAD');
    const missing = await get('/bills/424242-8/feed.atom');

    expect([feedAgain.status, calendarAgain.status]).toEqual([304, 304]);
    expect([head.status, await head.text(), head.headers.get('etag')]).toEqual([200, '', feed.headers.get('etag')]);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('a subscriber’s private feed and calendar', () => {
  const bills = ['999160-99', '999161-99'];
  const plannedOn = (number: string, date: string) => billPage({ number, plannedEvents: [{ ...PLANNED, date }] });
  let email: string;
  let managePage: string;

  /** Signs an address up for the bills and confirms it: an active subscriber. */
  async function activeSubscriber(): Promise<string> {
    const address = uniqueAddress('feeds');
    await fetch(`${stack.url}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: address, bills, language: 'en' }) });
    const link = linkIn((await stack.emailsTo(address))[0]!, '/confirm');
    const html = await (await fetch(link)).text();
    await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${encodeURIComponent(csrfIn(html))}` });
    return address;
  }
  const feedLinks = (html: string) => [...html.matchAll(/<a href="([^"]+\/feeds\/[^"]+)" rel="nofollow">/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));

  beforeAll(async () => {
    await publish(bills[0]!, plannedOn(bills[0]!, '2026-12-15T11:00:00'), '2026-11-21T09:00:00Z');
    await publish(bills[1]!, plannedOn(bills[1]!, '2026-12-16T10:00:00'), '2026-11-21T09:00:00Z');
    email = await activeSubscriber();
    managePage = await (await fetch(manageUrl(stack.url, await stack.subscriberId(email), stack.tokenSecret) + '&lang=en')).text();
  });

  it('the preferences page offers an Atom feed and a calendar of everything followed; both parse, privately cached, with 304 on their ETag', async () => {
    const [atomUrl, calendarUrl] = feedLinks(managePage);

    const atom = await fetch(atomUrl!);
    const atomText = await atom.text();
    const calendar = await fetch(calendarUrl!);
    const again = await fetch(atomUrl!, { headers: { 'if-none-match': atom.headers.get('etag')! } });

    expect([atom.status, atom.headers.get('content-type'), atom.headers.get('cache-control')]).toEqual([200, 'application/atom+xml; charset=utf-8', 'private, max-age=300']);
    const feed = await new Parser().parseString(atomText);
    expect(feed.title).toBe('duma-alerts: the bills you follow');
    expect(new Set(feed.items.map((item) => item.title!.split(':')[0]))).toEqual(new Set(bills.map((number) => `Bill ${number}`)));
    expect(feed.items).toHaveLength(4);
    expect([calendar.status, calendar.headers.get('content-type'), calendar.headers.get('cache-control')]).toEqual([200, 'text/calendar; charset=utf-8', 'private, max-age=300']);
    expect(vevents(await calendar.text()).map((event) => [event.getFirstPropertyValue('uid'), String(event.getFirstPropertyValue('dtstart'))])).toEqual([
      [`${bills[0]}.4_4.1@planned.duma-alerts`, '2026-12-15T11:00:00'],
      [`${bills[1]}.4_4.1@planned.duma-alerts`, '2026-12-16T10:00:00'],
    ]);
    expect([again.status, await again.text()]).toEqual([304, '']);
  });

  it('keeps each planned event’s UID, as in the bill’s own calendar, and raises its SEQUENCE when its date moves', async () => {
    const calendarUrl = feedLinks(managePage)[1]!;
    const before = vevents(await (await fetch(calendarUrl)).text());

    await publish(bills[0]!, plannedOn(bills[0]!, '2026-12-18T12:00:00'), '2026-11-24T09:00:00Z');
    const after = vevents(await (await fetch(calendarUrl)).text());
    const own = vevents(await (await get(`/bills/${bills[0]}/calendar.ics?lang=en`)).text());

    const describe = (events: ICAL.Component[]) => events.map((event) => [event.getFirstPropertyValue('uid'), event.getFirstPropertyValue('sequence'), String(event.getFirstPropertyValue('dtstart'))]);
    expect(describe(before)).toEqual([
      [`${bills[0]}.4_4.1@planned.duma-alerts`, 0, '2026-12-15T11:00:00'],
      [`${bills[1]}.4_4.1@planned.duma-alerts`, 0, '2026-12-16T10:00:00'],
    ]);
    expect(describe(after)).toEqual([
      [`${bills[0]}.4_4.1@planned.duma-alerts`, 1, '2026-12-18T12:00:00'],
      [`${bills[1]}.4_4.1@planned.duma-alerts`, 0, '2026-12-16T10:00:00'],
    ]);
    expect(describe(own)).toEqual([describe(after)[0]]);
  });

  it('"reset my feed links" makes the old URLs answer 410 and new ones work; a forged or foreign token is a 404; leaving ends the feed', async () => {
    const old = feedLinks(managePage);
    const reset = await fetch(/action="(\/preferences\/feed-links[^"]+)"/.exec(managePage)![1]!.replaceAll('&amp;', '&').replace(/^/, stack.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `csrf=${encodeURIComponent(/name="csrf" value="([^"]+)"><button type="submit" class="secondary">Reset my feed links/.exec(managePage)![1]!)}`,
    });
    const resetPage = await reset.text();
    const fresh = feedLinks(resetPage);

    const statuses = async (urls: string[]) => Promise.all(urls.map(async (url) => (await fetch(url)).status));
    expect(reset.status).toBe(200);
    expect(resetPage).toContain('Your feed links were reset');
    expect(fresh).toHaveLength(2);
    expect(fresh).not.toEqual(old);
    expect(await statuses(old)).toEqual([410, 410]);
    expect(await statuses(fresh)).toEqual([200, 200]);
    const manageToken = new URL(manageUrl(stack.url, await stack.subscriberId(email), stack.tokenSecret)).searchParams.get('token')!;
    expect(await statuses([`${stack.url}/feeds/not-a-token/feed.atom`, `${stack.url}/feeds/${manageToken}/calendar.ics`])).toEqual([404, 404]);
    await fetch(`${stack.url}/api/subscription?token=${manageToken}`, { method: 'DELETE' });
    expect(await statuses(fresh)).toEqual([410, 410]);
  });
});

describe.runIf(HAVE_REAL_PAGES)('a real sozd page through the real parser', () => {
  it('134824-8: ten entries in the feed and its one planned event (the first reading, 15 September 2023, 16:34 Moscow) in the calendar', async () => {
    await publish('134824-8', readRealPage('134824-8'), '2023-09-01T09:00:00Z');

    const feed = await atomOf(await get('/bills/134824-8/feed.atom?lang=en'));
    const events = vevents(await (await get('/bills/134824-8/calendar.ics?lang=en')).text());

    expect(feed.items).toHaveLength(10);
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(10);
    expect(feed.items.map((item) => item.title).filter((title) => title!.includes('(original, Russian)'))).toEqual([]);
    expect(events.map((event) => [event.getFirstPropertyValue('uid'), String(event.getFirstPropertyValue('dtstart')), event.getFirstPropertyValue('sequence')])).toEqual([
      ['134824-8.3_3.1@planned.duma-alerts', '2023-09-15T16:34:00', 0],
    ]);
  });
});
