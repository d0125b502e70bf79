import type { Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import { paragraph, renderPage } from './layout.js';

/** A page that only tells something, optionally with one link onwards (check your email, unsubscribed, errors). */
export function messagePage(input: {
  language: Language;
  title: string;
  text: string;
  link?: { href: string; label: string };
  otherLanguageHref?: string;
  role?: 'status' | 'alert';
}): string {
  const role = input.role ? ` role="${input.role}"` : '';
  return renderPage({
    language: input.language,
    title: input.title,
    otherLanguageHref: input.otherLanguageHref,
    main: [
      `<div class="notice"${role}>${paragraph(input.text)}</div>`,
      input.link ? `<p><a href="${escapeHtml(input.link.href)}">${escapeHtml(input.link.label)}</a></p>` : '',
    ].join('\n'),
  });
}
