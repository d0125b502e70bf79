import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../shared/email/html-escape.js';
import { webLink } from '../../shared/email/web-link.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or close an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  it('leaves Cyrillic and other text untouched', () => {
    expect(escapeHtml('Законопроект № 1075342-8 — «принят»')).toBe('Законопроект № 1075342-8 — «принят»');
  });
});

describe('webLink', () => {
  it('keeps http and https addresses', () => {
    expect(webLink('https://sozd.duma.gov.ru/download/AAA-111')).toBe('https://sozd.duma.gov.ru/download/AAA-111');
    expect(webLink('http://duma.gov.ru/news/1/')).toBe('http://duma.gov.ru/news/1/');
  });

  it('drops scripts, data, mail and relative links', () => {
    expect(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>', 'mailto:a@b.c', '/bill/1', ''].map(webLink)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
