import type { Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import type { SeenOrigins } from '../../origins/seen-origins.js';
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
  /** The committees and initiators to offer: those passports have named. */
  offered: SeenOrigins;
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
  /** An active subscriber's private feed and calendar, and where "reset my feed links" posts (with its CSRF token). */
  feeds?: { atom: string; calendar: string; resetAction: string; csrfToken: string; wereReset: boolean };
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
            preferenceFields(input.values, input.errors, input.language, input.offered),
            `<button type="submit">${escapeHtml(input.status === 'unsubscribed' ? words.resubscribe : words.save)}</button>`,
            '</form>',
          ].join('\n')
        : '',
      input.feeds ? feedsSection(input.feeds, words) : '',
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

function feedsSection(feeds: NonNullable<Parameters<typeof preferencesPage>[0]['feeds']>, words: ReturnType<typeof pageStrings>['preferences']): string {
  return [
    `<section aria-labelledby="feeds"><h2 id="feeds">${escapeHtml(words.feedsTitle)}</h2>`,
    feeds.wereReset ? `<div class="notice success" role="status">${paragraph(words.feedsWereReset)}</div>` : '',
    paragraph(words.feedsIntro),
    `<ul class="feed-links"><li><a href="${escapeHtml(feeds.atom)}" rel="nofollow">${escapeHtml(words.feedLink)}</a></li>`,
    `<li><a href="${escapeHtml(feeds.calendar)}" rel="nofollow">${escapeHtml(words.calendarLink)}</a></li></ul>`,
    `<form method="post" action="${escapeHtml(feeds.resetAction)}">`,
    `<input type="hidden" name="csrf" value="${escapeHtml(feeds.csrfToken)}">`,
    `<button type="submit" class="secondary">${escapeHtml(words.feedsReset)}</button></form></section>`,
  ].join('');
}
