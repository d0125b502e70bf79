import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferencesPage } from '../../shared/api/pages/preferences-page.js';
import { formValuesOf } from '../../shared/api/preferences-form.js';
import { PreferencesSchema } from '../../shared/subscriptions/subscription-preferences.js';
import { startApiTestStack, type ApiTestStack } from './api-test-stack.js';

let stack: ApiTestStack;

beforeAll(async () => {
  stack = await startApiTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const post = (body: unknown) =>
  fetch(`${stack.url}/api/topics/test`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /api/topics/test', () => {
  it('says whether a topic matches a headline and summary, and which words were found where', async () => {
    const response = await post({ query: '"иностранные граждане", мигранты', text: 'Права иностранных граждан', summary: 'Мигрантам разрешат' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      match: true,
      why: [
        { term: 'иностранные граждане', field: 'title', found: ['иностранных граждан'] },
        { term: 'мигранты', field: 'summary', found: ['Мигрантам'] },
      ],
      missing: [],
    });
  });

  it('answers 200 with match false and what was found for a topic that does not match', async () => {
    const response = await post({ query: 'санкции NOT США', text: 'Санкции США против банков' });

    expect(await response.json()).toEqual({
      match: false,
      why: [
        { term: 'санкции', field: 'title', found: ['Санкции'] },
        { term: 'США', field: 'title', found: ['США'] },
      ],
      missing: [],
    });
  });

  it('refuses a query of stop words with 400 invalid_query and the parser’s message', async () => {
    const response = await post({ query: 'и', text: 'Закон и порядок' });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_query',
        message: "'и' has only stop words, which appear in almost every text: add a word that names the topic at 0",
        issues: [{ field: 'body.query', message: "'и' has only stop words, which appear in almost every text: add a word that names the topic at 0" }],
      },
    });
  });

  it('refuses a body with an unknown field or without the headline, naming the field', async () => {
    const unknown = await post({ query: 'налог', text: 'Налоги', extra: 1 });
    const missing = await post({ query: 'налог' });

    expect([unknown.status, missing.status]).toEqual([400, 400]);
    expect(((await missing.json()) as { error: { issues: Array<{ field: string }> } }).error.issues.map((issue) => issue.field)).toEqual(['body.text']);
  });
});

describe('the topic tester page', () => {
  it('shows the form alone, then the outcome with the words found, in the language asked', async () => {
    const empty = await (await fetch(`${stack.url}/topics/test?lang=en`)).text();
    const tried = await (await fetch(`${stack.url}/topics/test?lang=ru&topic=${encodeURIComponent('Иран')}&text=${encodeURIComponent('Выборы в Иране')}`)).text();

    expect(empty).toContain('<form method="get" action="/topics/test">');
    expect(empty).not.toContain('role="status"');
    expect(tried).toContain('Тема срабатывает на этом заголовке.');
    expect(tried).toContain('<li>Иран: найдено как «Иране»</li>');
    expect(tried).toContain('value="Иран"');
  });

  it('says why a topic cannot be followed', async () => {
    const html = await (await fetch(`${stack.url}/topics/test?lang=en&topic=NOT%20tax&text=Taxes`)).text();

    expect(html).toContain('This topic cannot be followed:');
    expect(html).toContain('NOT needs a word beside it that must appear (on its own it matches everything) at 0');
  });
});

describe('the preferences page', () => {
  it('offers the tester: a form that sends the topic and a headline to the tester page', () => {
    const html = preferencesPage({
      language: 'en',
      email: 'a@example.org',
      status: 'active',
      values: formValuesOf(PreferencesSchema.parse({ language: 'en' })),
      offered: { committees: [], initiators: [] },
      errors: {},
      saved: false,
      followedBills: [],
      action: '/preferences?token=t',
      csrfToken: 'c',
      unsubscribeAction: '/unsubscribe?token=t',
      otherLanguageHref: '/preferences?token=t&lang=ru',
    });

    expect(html).toContain('<h2 id="topic-tester">Try a topic on a headline</h2>');
    expect(html).toContain('<form method="get" action="/topics/test">');
    expect(html).toContain('<input type="text" id="tester-topic" name="topic"');
  });
});
