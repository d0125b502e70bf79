import type { HttpError } from '../http-error.js';
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { htmlResponse } from '../responses.js';
import { messagePage } from './message-page.js';
import { pageLanguage } from './page-language.js';
import { pageStrings } from './page-strings.js';

/** How pages answer a refusal: an HTML page in the reader's language with the same status a JSON client gets. */
export function errorPage(error: HttpError, request: ApiRequest): ApiResponse {
  const language = pageLanguage(request);
  const words = pageStrings(language).errors;
  const text: Record<string, string> = {
    invalid_link: words.badLink,
    expired_link: words.expiredLink,
    expired_signup: words.expiredSignup,
    suppressed: words.suppressed,
    csrf_failed: words.formExpired,
    rate_limited: words.tooManyRequests,
  };
  const linkIssue = error.issues.some((issue) => issue.field === 'query.token');
  const body = messagePage({
    language,
    title: words.badLinkTitle,
    text: text[error.code] ?? (linkIssue ? words.badLink : words.badRequest),
    link:
      error.code === 'expired_link'
        ? { href: `/manage-link?lang=${language}`, label: words.newLink }
        : { href: `/?lang=${language}`, label: words.signupAgain },
    role: 'alert',
  });
  return htmlResponse(error.status, body, error.headers);
}
