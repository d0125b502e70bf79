import type { Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import type { SubscriberStatus } from '../../store/subscriber-store.js';
import type { FormErrors, PreferencesFormValues } from '../preferences-form.js';
import { paragraph, renderPage } from './layout.js';
import { pageStrings } from './page-strings.js';
import { errorSummary, preferenceFields } from './preference-fields.js';
import { topicTesterForm } from './topic-tester.js';

/** The preferences page of one subscriber: their settings, a save button, and "unsubscribe from everything". */
export function preferencesPage(input: {
  language: Language;
  email: string;
  status: SubscriberStatus;
  values: PreferencesFormValues;
  errors: FormErrors;
  saved: boolean;
  /** The bills followed now, each as "number — title (stage)" where known (shared/subscriptions/request-summary.ts). */
  followedBills: string[];
  /** The page's own signed path and query (`/preferences?token=…`), where the form posts. */
  action: string;
  csrfToken: string;
  /** Where "unsubscribe from everything" posts: the subscriber's one-click unsubscribe path. */
  unsubscribeAction: string;
  otherLanguageHref: string;
}): string {
  const words = pageStrings(input.language).preferences;
  const notices: Partial<Record<SubscriberStatus, string>> = {
    unsubscribed: words.unsubscribedNotice,
    pending: words.pendingNotice,
    suppressed: words.suppressedNotice,
  };
  const notice = notices[input.status];
  const editable = input.status === 'active' || input.status === 'unsubscribed';
  return renderPage({
    language: input.language,
    title: words.title,
    otherLanguageHref: input.otherLanguageHref,
    main: [
      paragraph(words.intro(input.email)),
      input.saved ? `<div class="notice success" role="status">${paragraph(words.saved)}</div>` : '',
      notice ? `<div class="notice" role="status">${paragraph(notice)}</div>` : '',
      errorSummary(input.errors, input.language),
      input.followedBills.length > 0
        ? `<section aria-labelledby="followed"><h2 id="followed">${escapeHtml(words.followedTitle)}</h2><ul class="followed-bills">${input.followedBills
            .map((bill) => `<li>${escapeHtml(bill)}</li>`)
            .join('')}</ul></section>`
        : '',
      editable
        ? [
            `<form method="post" action="${escapeHtml(input.action)}" novalidate>`,
            `<input type="hidden" name="csrf" value="${escapeHtml(input.csrfToken)}">`,
            preferenceFields(input.values, input.errors, input.language),
            `<button type="submit">${escapeHtml(input.status === 'unsubscribed' ? words.resubscribe : words.save)}</button>`,
            '</form>',
          ].join('\n')
        : '',
      topicTesterForm(input.language),
      input.status === 'active'
        ? [
            `<section aria-labelledby="leave"><h2 id="leave">${escapeHtml(words.leaveTitle)}</h2>`,
            `<form method="post" action="${escapeHtml(input.unsubscribeAction)}">`,
            '<input type="hidden" name="List-Unsubscribe" value="One-Click">',
            `<button type="submit" class="secondary">${escapeHtml(words.leaveAll)}</button></form></section>`,
          ].join('')
        : '',
    ].join('\n'),
  });
}
