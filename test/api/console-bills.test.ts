import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { consoleSession, startApiTestStack, TABLE_NAME, type ApiTestStack } from './api-test-stack.js';

/* The console's bills page, server-rendered: the last poll run in the page's language. */

let stack: ApiTestStack;
let cookie: string;

beforeAll(async () => {
  stack = await startApiTestStack();
  // A run that polled one bill, whose source could not be reached (a newcomer's first poll, with no network).
  const outcomes = { unchanged: 0, baseline: 0, changed: 0, 'no-new-events': 0, missing: 0, 'missing-later': 0, 'dropped-missing': 0, 'source-error': 1, conflict: 0 };
  await new DynamoBillStore(stack.db, TABLE_NAME).recordPollRun({ startedAt: '2026-12-02T11:34:28.930Z', finishedAt: '2026-12-02T11:34:29.937Z', bills: 1, changes: 0, outcomes });
  ({ cookie } = await consoleSession(stack));
});
afterAll(async () => {
  await stack?.stop();
});

/** The text of the page's "last poll run" line (tags dropped, spaces collapsed). */
async function lastRunLine(language: 'en' | 'ru'): Promise<string> {
  const html = await (await fetch(`${stack.url}/admin/bills?lang=${language}`, { headers: { cookie } })).text();
  const facts = /<dl class="facts">(.*?)<\/dl>/s.exec(html)?.[1] ?? '';
  return facts.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe("the console's bills page", () => {
  it('says how the last poll run ended in words of the page\'s language, only the ways some bill ended', async () => {
    const [english, russian] = await Promise.all([lastRunLine('en'), lastRunLine('ru')]);

    expect(english).toBe('Last poll run 2 December 2026, 14:34 MSK — 1 bill polled, 0 changes (source error: 1)');
    expect(russian).toBe('Последний опрос списка 2 декабря 2026, 14:34 МСК — опрошено законопроектов: 1, изменений: 0 (ошибка источника: 1)');
  });
});
