import type { Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import { formatMoscowDate } from '../../email/moscow-date.js';
import type { SourceHealth } from '../../store/bill-store.js';
import { renderPage } from '../pages/layout.js';
import { CONSOLE_ROOT } from './console-paths.js';
import type { ConsoleSession } from './console-session.js';
import { CONSOLE_SECTIONS, consoleStrings, type ConsoleSection, type ConsoleStrings } from './console-strings.js';

export { CONSOLE_ROOT } from './console-paths.js';

/** What every console page knows: its reader's language and words, the session and the CSRF token of its forms. */
export interface ConsoleView {
  language: Language;
  words: ConsoleStrings;
  session: ConsoleSession;
  csrfToken: string;
  /** The page's own path and query, for the language switch. */
  path: string;
  query: Record<string, string>;
}

/** A console link: the path with the given query and the reader's language. */
export function consoleHref(path: string, language: Language, query: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(name, value);
  search.set('lang', language);
  return `${path}?${search.toString()}`;
}

/** A whole console page: the navigation, who is signed in until when, sign-out, then the section's content. */
export function consolePage(view: ConsoleView, input: { section?: ConsoleSection; title: string; main: string; notice?: string }): string {
  const { words, language } = view;
  const links = CONSOLE_SECTIONS.map((section) => {
    const current = section === input.section ? ' aria-current="page"' : '';
    return `<li><a href="${escapeHtml(consoleHref(`${CONSOLE_ROOT}/${section}`, language))}"${current}>${escapeHtml(words.sections[section])}</a></li>`;
  }).join('');
  const signOut = postForm(view, `${CONSOLE_ROOT}/sign-out`, {}, words.signOut, 'link-button');
  const other = language === 'ru' ? 'en' : 'ru';
  return renderPage({
    language,
    title: input.title,
    bodyClass: 'console',
    otherLanguageHref: consoleHref(view.path, other, { ...view.query, lang: undefined }),
    headerExtra: [
      `<span class="console-name">${escapeHtml(words.title)}</span>`,
      `<nav aria-label="${escapeHtml(words.nav)}" class="sections"><ul>${links}</ul></nav>`,
      `<div class="session"><span>${escapeHtml(words.signedInUntil(formatMoscowDate(view.session.expiresAt.toISOString(), language)))}</span>${signOut}</div>`,
    ].join(''),
    main: [input.notice ? `<div class="notice success" role="status"><p>${escapeHtml(input.notice)}</p></div>` : '', input.main].join('\n'),
  });
}

/** A POST form of one button, carrying the session's CSRF token and the given hidden fields. */
export function postForm(view: Pick<ConsoleView, 'csrfToken' | 'language'>, path: string, fields: Record<string, string>, label: string, className?: string): string {
  const hidden = Object.entries({ ...fields, csrf: view.csrfToken })
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const buttonClass = className ? ` class="${className}"` : '';
  return `<form method="post" action="${escapeHtml(consoleHref(path, view.language))}" class="inline">${hidden}<button type="submit"${buttonClass}>${escapeHtml(label)}</button></form>`;
}

/** A data table; cells are escaped HTML already. An empty table says so instead of showing bare headers. */
export function dataTable(caption: string, headers: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/**
 * Links to the first and the next page of a listing; nothing when there is only one page. `param` names the cursor
 * in the query, so that a page with two listings pages each on its own.
 */
export function pager(
  words: ConsoleStrings,
  language: Language,
  path: string,
  query: Record<string, string | undefined>,
  next: string | undefined,
  param = 'cursor',
): string {
  const links = [
    query[param] ? `<a href="${escapeHtml(consoleHref(path, language, { ...query, [param]: undefined }))}">${escapeHtml(words.pager.first)}</a>` : '',
    next ? `<a href="${escapeHtml(consoleHref(path, language, { ...query, [param]: next }))}" rel="next">${escapeHtml(words.pager.next)}</a>` : '',
  ].filter(Boolean);
  return links.length > 0 ? `<nav class="pager" aria-label="${escapeHtml(words.pager.label)}">${links.join('')}</nav>` : '';
}

/** A moment in Moscow time, machine-readable too; a dash when unknown. */
export function timeText(iso: string | undefined, language: Language): string {
  if (!iso || Number.isNaN(new Date(iso).getTime())) return escapeHtml(consoleStrings(language).none);
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatMoscowDate(iso, language))}</time>`;
}

/** A link with escaped text. */
export function link(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

/** A short state label that reads well in a table: ok, warn or bad. */
export function badge(text: string, tone: 'ok' | 'warn' | 'bad' | 'neutral'): string {
  return `<span class="badge ${tone}">${escapeHtml(text)}</span>`;
}

/** A source's health in a cell: ok, not polled yet, or failing with its last error. */
export function healthBadge(health: SourceHealth, words: ConsoleStrings): string {
  if (!health.lastPolledAt) return badge(words.health.notPolled, 'neutral');
  if (health.ok) return badge(words.health.ok, 'ok');
  return `${badge(words.health.failing(health.consecutiveFailures), 'bad')}${health.lastError ? ` <span class="detail">${escapeHtml(health.lastError.slice(0, 200))}</span>` : ''}`;
}

/** A source's health as a definition list: when polled, last good poll, last error. */
export function healthDetails(health: SourceHealth, words: ConsoleStrings, language: Language): string {
  return definitions([
    [words.health.title, healthBadge(health, words)],
    [words.health.lastPolled, timeText(health.lastPolledAt, language)],
    [words.health.lastOk, timeText(health.lastOkAt, language)],
    ...(health.lastError ? ([[words.health.lastError, `${timeText(health.lastErrorAt, language)} — ${escapeHtml(health.lastError)}`]] as const) : []),
  ]);
}

/** A definition list; values are escaped HTML already. */
export function definitions(entries: readonly (readonly [string, string])[]): string {
  return `<dl class="facts">${entries.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}
