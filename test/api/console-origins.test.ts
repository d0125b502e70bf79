import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originId } from '../../shared/origins/bill-origin.js';
import { DynamoOriginStore } from '../../shared/store/origin-store.js';
import { activeSubscriber, consoleSession, startApiTestStack, TABLE_NAME, type ApiTestStack } from './api-test-stack.js';

/* The console's committees and initiators, server-rendered: the catalog with follower counts, one name's followers, a subscriber's follows. */

// Real names, as the passports of the shared real pages write them.
const BUDGET = 'Комитет Государственной Думы по бюджету и налогам';
const EDUCATION = 'Комитет Государственной Думы по просвещению';
const GOVERNMENT = 'Правительство Российской Федерации';
/** Followed, never named in a passport. */
const TYPED_ONLY = 'Комитет по делам, которых нет';

let stack: ApiTestStack;
let cookie: string;
const ids: Record<'budget' | 'both', string> = { budget: '', both: '' };

beforeAll(async () => {
  stack = await startApiTestStack();
  const origins = new DynamoOriginStore(stack.db, TABLE_NAME);
  await origins.recordSeen([{ kind: 'committee', name: BUDGET }, { kind: 'initiator', name: GOVERNMENT }], '990001-9', '2026-12-01T09:00:00.000Z');
  await origins.recordSeen([{ kind: 'committee', name: EDUCATION }], '990002-9', '2026-12-01T09:00:00.000Z');
  ids.budget = await activeSubscriber(stack, 'budget', { committees: [BUDGET], language: 'en' });
  ids.both = await activeSubscriber(stack, 'both', { committees: [BUDGET, TYPED_ONLY], initiators: [GOVERNMENT], language: 'en' });
  ({ cookie } = await consoleSession(stack));
});
afterAll(async () => {
  await stack?.stop();
});

const page = async (path: string) => {
  const response = await fetch(`${stack.url}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: response.status, html: await response.text() };
};

/** The rows of the table with this caption, each cell as text (tags dropped, spaces collapsed). */
function rowsOf(html: string, caption: string): string[][] {
  const table = new RegExp(`<caption>${caption}</caption>.*?<tbody>(.*?)</tbody>`, 's').exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
    [...row[1]!.matchAll(/<td>(.*?)<\/td>/gs)].map((cell) => cell[1]!.replace(/<br>/g, ' ').replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim()),
  );
}

describe('the console\'s committees and initiators', () => {
  it('lists every committee and initiator, seen or only followed, with how many follow each', async () => {
    const { status, html } = await page('/admin/origins?lang=en');

    expect(status).toBe(200);
    expect(rowsOf(html, 'Committees')).toEqual([
      [`State Duma Committee on Budget and Taxes ${BUDGET}`, '1 December 2026, 12:00 MSK bill 990001-9', '2'],
      [`State Duma Committee on Education ${EDUCATION}`, '1 December 2026, 12:00 MSK bill 990002-9', '0'],
      [`(original, Russian): ${TYPED_ONLY} ${TYPED_ONLY}`, 'followed, never named in a passport', '1'],
    ]);
    expect(rowsOf(html, 'Initiators')).toEqual([[`The Government of the Russian Federation ${GOVERNMENT}`, '1 December 2026, 12:00 MSK bill 990001-9', '1']]);
    expect(html).toContain(`<a href="/admin/origins/${originId('committee', BUDGET)}?lang=en">State Duma Committee on Budget and Taxes</a>`);
    expect(html).toContain('aria-current="page">Committees and initiators</a>');
  });

  it('shows one committee with its followers, each linked to its subscriber', async () => {
    const { status, html } = await page(`/admin/origins/${originId('committee', BUDGET)}?lang=en`);

    expect(status).toBe(200);
    const followers = rowsOf(html, 'Followers').map((row) => row[0]).sort();
    const addresses = await Promise.all([ids.budget, ids.both].map(async (id) => (await stack.item({ PK: `SUBSCRIBER#${id}`, SK: 'PROFILE' }))?.email as string));
    expect(followers).toEqual(addresses.sort());
    expect(html).toContain(`<a href="/admin/subscribers?id=${ids.budget}&amp;lang=en">`);
  });

  it('shows on a subscriber\'s row the committees and initiators they follow, linked to their pages', async () => {
    const { html } = await page(`/admin/subscribers?id=${ids.both}&lang=en`);

    const [row] = rowsOf(html, 'Subscribers');
    expect(row?.[4]).toBe(
      `State Duma Committee on Budget and Taxes ${BUDGET} (original, Russian): ${TYPED_ONLY} ${TYPED_ONLY} The Government of the Russian Federation ${GOVERNMENT}`,
    );
    expect(html).toContain(`<a href="/admin/origins/${originId('initiator', GOVERNMENT)}?lang=en">The Government of the Russian Federation</a>`);
  });

  it('answers 404 for an id no committee or initiator has, and 400 for one no origin could have', async () => {
    const unknown = await page(`/admin/origins/o${'0'.repeat(24)}?lang=en`);
    const malformed = await page('/admin/origins/nope?lang=en');

    expect([unknown.status, malformed.status]).toEqual([404, 400]);
  });

  it('sends a request without a session to sign-in', async () => {
    const response = await fetch(`${stack.url}/admin/origins?lang=en`, { redirect: 'manual' });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/sign-in?next=%2Fadmin%2Forigins&lang=en');
  });
});
