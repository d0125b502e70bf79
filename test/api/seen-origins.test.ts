import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originId } from '../../shared/origins/bill-origin.js';
import { DynamoOriginStore } from '../../shared/store/origin-store.js';
import { keys } from '../../shared/store/table-schema.js';
import { manageUrl } from '../../shared/subscriptions/subscriber-links.js';
import { activeSubscriber, cookieOf, csrfIn, startApiTestStack, TABLE_NAME, uniqueAddress, type ApiTestStack, type JsonBody } from './api-test-stack.js';

// Real committee names and initiators, as the passports of the shared real pages write them.
const BUDGET = 'Комитет Государственной Думы по бюджету и налогам';
const EDUCATION = 'Комитет Государственной Думы по просвещению';
const LABOUR = 'Комитет Государственной Думы по труду, социальной политике и делам ветеранов';
const GOVERNMENT = 'Правительство Российской Федерации';
const DMITRIEVA = 'О.Г.Дмитриева';
/** A committee a subscriber typed that no passport has named: theirs, never offered to others. */
const TYPED_ONLY = 'Комитет по делам, которых нет';
const SEEN_AT = '2026-12-01T09:00:00.000Z';

let stack: ApiTestStack;
let follower: string;

beforeAll(async () => {
  stack = await startApiTestStack();
  // Every test reads the catalog as it is now: the api function keeps what it read for a minute.
  const origins = new DynamoOriginStore(stack.db, TABLE_NAME);
  await origins.recordSeen([{ kind: 'committee', name: LABOUR }, { kind: 'initiator', name: DMITRIEVA }], '990003-9', '2026-11-30T09:00:00.000Z');
  await origins.recordSeen([{ kind: 'committee', name: BUDGET }, { kind: 'initiator', name: GOVERNMENT }], '990001-9', SEEN_AT);
  await origins.recordSeen([{ kind: 'committee', name: EDUCATION }], '990002-9', SEEN_AT);
  follower = await activeSubscriber(stack, 'origins', { committees: [BUDGET, TYPED_ONLY], initiators: [DMITRIEVA], language: 'en' });
});
afterAll(async () => {
  await stack?.stop();
});

/** The committee checkboxes of a form: each one's value, label text and whether it is ticked. */
function committeeBoxes(html: string): Array<{ value: string; label: string; checked: boolean }> {
  return [...html.matchAll(/<input type="checkbox" id="(committee-\d+)" name="committees" value="([^"]*)"( checked)?><label for="\1">(.*?)<\/label>/g)].map(
    (match) => ({ value: match[2]!, label: match[4]!, checked: match[3] !== undefined }),
  );
}

/** The initiator suggestions of a form's datalist: each one's value and its label when it has one. */
function initiatorOptions(html: string): Array<{ value: string; label?: string }> {
  const list = /<datalist id="initiator-names">(.*?)<\/datalist>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<option value="([^"]*)"(?: label="([^"]*)")?><\/option>/g)].map((match) => ({ value: match[1]!, ...(match[2] ? { label: match[2] } : {}) }));
}

const textArea = (html: string, name: string) => new RegExp(`<textarea id="${name}" name="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];

const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) params.append(name, one);
  return params.toString();
};

describe('GET /api/origins', () => {
  it('lists exactly the committees and initiators passports named, sorted by name, never a name only a subscriber typed', async () => {
    const response = await fetch(`${stack.url}/api/origins`);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.json()).toEqual({
      committees: [
        { id: originId('committee', BUDGET), name: BUDGET, nameEn: 'State Duma Committee on Budget and Taxes', lastSeenAt: SEEN_AT, lastBill: '990001-9' },
        { id: originId('committee', EDUCATION), name: EDUCATION, nameEn: 'State Duma Committee on Education', lastSeenAt: SEEN_AT, lastBill: '990002-9' },
        {
          id: originId('committee', LABOUR),
          name: LABOUR,
          nameEn: "State Duma Committee on Labour, Social Policy and Veterans' Affairs",
          lastSeenAt: '2026-11-30T09:00:00.000Z',
          lastBill: '990003-9',
        },
      ],
      initiators: [
        { id: originId('initiator', DMITRIEVA), name: DMITRIEVA, nameEn: 'O.G.Dmitrieva', lastSeenAt: '2026-11-30T09:00:00.000Z', lastBill: '990003-9' },
        { id: originId('initiator', GOVERNMENT), name: GOVERNMENT, nameEn: 'The Government of the Russian Federation', lastSeenAt: SEEN_AT, lastBill: '990001-9' },
      ],
    });
  });

  it('answers a repeated request with its ETag by 304 and no body', async () => {
    const first = await fetch(`${stack.url}/api/origins`);

    const again = await fetch(`${stack.url}/api/origins`, { headers: { 'if-none-match': first.headers.get('etag')! } });

    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});

describe('the sign-up form', () => {
  it('offers exactly the three committees seen as checkboxes, none ticked, and the two initiators seen as suggestions', async () => {
    const html = await (await fetch(`${stack.url}/?lang=en`)).text();

    expect(committeeBoxes(html)).toEqual([
      { value: BUDGET, label: `State Duma Committee on Budget and Taxes <span class="detail" lang="ru">${BUDGET}</span>`, checked: false },
      { value: EDUCATION, label: `State Duma Committee on Education <span class="detail" lang="ru">${EDUCATION}</span>`, checked: false },
      { value: LABOUR, label: `State Duma Committee on Labour, Social Policy and Veterans&#39; Affairs <span class="detail" lang="ru">${LABOUR}</span>`, checked: false },
    ]);
    expect(textArea(html, 'committees')).toBe('');
    expect(initiatorOptions(html)).toEqual([
      { value: DMITRIEVA, label: 'O.G.Dmitrieva' },
      { value: GOVERNMENT, label: 'The Government of the Russian Federation' },
    ]);
    expect(html).toContain('<input id="initiator-add" name="initiators" type="text" list="initiator-names" autocomplete="off" aria-describedby="initiator-add-hint">');
  });

  it('asks to follow the ticked committees, the typed ones, and the initiators listed and added', async () => {
    const page = await fetch(`${stack.url}/?lang=ru`);
    const html = await page.text();
    const email = uniqueAddress('ticked');

    const response = await fetch(`${stack.url}/subscribe?lang=ru`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(page) },
      body: form({
        csrf: csrfIn(html),
        email,
        committees: [EDUCATION, LABOUR, 'Комитет Совета Федерации по бюджету и финансовым рынкам'],
        initiators: [`${GOVERNMENT}\nА.К.Исаев`, DMITRIEVA],
        frequency: 'instant',
        stageMode: 'all',
        language: 'ru',
      }),
    });

    expect(response.status).toBe(200);
    const [request] = await stack.pendingRequests(await stack.subscriberId(email));
    const preferences = request?.preferences as JsonBody;
    expect([preferences.committees, preferences.initiators]).toEqual([
      [EDUCATION, LABOUR, 'Комитет Совета Федерации по бюджету и финансовым рынкам'],
      [GOVERNMENT, 'А.К.Исаев', DMITRIEVA],
    ]);
  });

  it('sent back with a mistake, keeps the ticks and the typed names where they were', async () => {
    const page = await fetch(`${stack.url}/?lang=en`);

    const response = await fetch(`${stack.url}/subscribe?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(page) },
      body: form({ csrf: csrfIn(await page.text()), email: 'not an address', committees: [BUDGET, TYPED_ONLY], initiators: ['', GOVERNMENT] }),
    });

    expect(response.status).toBe(400);
    const html = await response.text();
    expect(committeeBoxes(html).map((box) => [box.value, box.checked])).toEqual([[BUDGET, true], [EDUCATION, false], [LABOUR, false]]);
    expect(textArea(html, 'committees')).toBe(TYPED_ONLY);
    expect(textArea(html, 'initiators')).toBe(GOVERNMENT);
  });
});

describe('the preferences form', () => {
  it('ticks the seen committees followed, lists the others in the text area, and saving it as shown keeps every follow', async () => {
    const link = manageUrl(stack.url, follower, stack.tokenSecret);
    const html = await (await fetch(link)).text();
    const ticked = committeeBoxes(html).filter((box) => box.checked).map((box) => box.value);

    const saved = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({
        csrf: csrfIn(html),
        committees: [...ticked, textArea(html, 'committees')!],
        initiators: [textArea(html, 'initiators')!, ''],
        frequency: 'instant',
        stageMode: 'all',
        language: 'en',
        timeZone: 'Europe/Moscow',
      }),
    });

    expect(ticked).toEqual([BUDGET]);
    expect(textArea(html, 'committees')).toBe(TYPED_ONLY);
    expect(textArea(html, 'initiators')).toBe(DMITRIEVA);
    expect(saved.status).toBe(200);
    const stored = await stack.item(keys.subscriber(follower));
    expect([stored?.committees, stored?.initiators]).toEqual([[BUDGET, TYPED_ONLY], [DMITRIEVA]]);
  });
});
