import type { Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import { pageStrings } from './page-strings.js';

export interface PageOptions {
  language: Language;
  title: string;
  /** The page's main content, already escaped HTML. */
  main: string;
  /** Where the language switch points (the same page in the other language); none when absent. */
  otherLanguageHref?: string;
  /** More of the header after the brand (the console's navigation), already escaped HTML. */
  headerExtra?: string;
  /** A class on the body: `console` lays the page out wide, for tables. */
  bodyClass?: string;
}

/** A whole HTML document: one stylesheet, no script, a skip link, a language switch. */
export function renderPage(options: PageOptions): string {
  const words = pageStrings(options.language);
  const other = words.otherLanguage;
  const switcher = options.otherLanguageHref
    ? `<a href="${escapeHtml(options.otherLanguageHref)}" hreflang="${other.code}" lang="${other.code}">${escapeHtml(other.label)}</a>`
    : '';
  return [
    '<!doctype html>',
    `<html lang="${options.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(options.title)} — ${escapeHtml(words.siteName)}</title>`,
    '<link rel="stylesheet" href="/style.css">',
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    '</head>',
    options.bodyClass ? `<body class="${options.bodyClass}">` : '<body>',
    `<a class="skip" href="#main">${escapeHtml(words.skipToContent)}</a>`,
    `<header><span class="brand">${escapeHtml(words.siteName)}</span>${options.headerExtra ?? ''}<nav>${switcher}</nav></header>`,
    `<main id="main" tabindex="-1"><h1>${escapeHtml(options.title)}</h1>${options.main}</main>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** The same path and query with `lang` set: the language switch's target. */
export function withLanguage(path: string, query: Record<string, string>, language: Language): string {
  const search = new URLSearchParams({ ...query, lang: language });
  return `${path}?${search.toString()}`;
}

/** A paragraph of text. */
export function paragraph(text: string, className?: string): string {
  return `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`;
}
