import type { Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import { paragraph, renderPage } from './layout.js';

/**
 * A page with one button that posts back to its own signed link: the confirmation and unsubscribe pages.
 * A GET never acts, so mail scanners that open links neither confirm nor unsubscribe anyone.
 */
export function tokenFormPage(input: {
  language: Language;
  title: string;
  text: string;
  /** Markup shown between the text and the button (already escaped), e.g. what a confirmation confirms. */
  detailsHtml?: string;
  /** The signed URL path and query to post to, e.g. `/unsubscribe?token=…`. */
  action: string;
  hiddenFields: Record<string, string>;
  submit: string;
  otherLanguageHref?: string;
}): string {
  const hidden = Object.entries(input.hiddenFields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return renderPage({
    language: input.language,
    title: input.title,
    otherLanguageHref: input.otherLanguageHref,
    main: [
      paragraph(input.text),
      input.detailsHtml ?? '',
      `<form method="post" action="${escapeHtml(input.action)}">${hidden}<button type="submit">${escapeHtml(input.submit)}</button></form>`,
    ].join('\n'),
  });
}
