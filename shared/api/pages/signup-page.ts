import type { Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import type { SeenOrigins } from '../../origins/seen-origins.js';
import type { FormErrors, PreferencesFormValues } from '../preferences-form.js';
import { paragraph, renderPage } from './layout.js';
import { pageStrings } from './page-strings.js';
import { errorSummary, preferenceFields, textInput } from './preference-fields.js';

/** The sign-up form, empty or as sent back with its mistakes. */
export function signupPage(input: {
  language: Language;
  values: PreferencesFormValues;
  /** The committees and initiators to offer: those passports have named. */
  offered: SeenOrigins;
  errors: FormErrors;
  csrfToken: string;
}): string {
  const words = pageStrings(input.language);
  return renderPage({
    language: input.language,
    title: words.signup.title,
    otherLanguageHref: `/?lang=${words.otherLanguage.code}`,
    main: [
      paragraph(words.signup.intro),
      errorSummary(input.errors, input.language),
      `<form method="post" action="/subscribe?lang=${input.language}" novalidate>`,
      `<input type="hidden" name="csrf" value="${escapeHtml(input.csrfToken)}">`,
      textInput('email', 'email', words.fields.email, words.fields.emailHint, input.values.email, input.errors.email),
      preferenceFields(input.values, input.errors, input.language, input.offered),
      `<button type="submit">${escapeHtml(words.signup.submit)}</button>`,
      '</form>',
    ].join('\n'),
  });
}
