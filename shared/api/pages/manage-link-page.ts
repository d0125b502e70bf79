import type { Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import type { FormErrors } from '../preferences-form.js';
import { renderPage } from './layout.js';
import { pageStrings } from './page-strings.js';
import { errorSummary, textInput } from './preference-fields.js';

/** "Email me a new preferences link": one address field. */
export function manageLinkPage(input: { language: Language; email: string; errors: FormErrors; csrfToken: string }): string {
  const words = pageStrings(input.language);
  return renderPage({
    language: input.language,
    title: words.manageLink.title,
    otherLanguageHref: `/manage-link?lang=${words.otherLanguage.code}`,
    main: [
      errorSummary(input.errors, input.language),
      `<form method="post" action="/manage-link?lang=${input.language}" novalidate>`,
      `<input type="hidden" name="csrf" value="${escapeHtml(input.csrfToken)}">`,
      textInput('email', 'email', words.fields.email, words.manageLink.intro, input.email, input.errors.email),
      `<button type="submit">${escapeHtml(words.manageLink.submit)}</button>`,
      '</form>',
    ].join('\n'),
  });
}
