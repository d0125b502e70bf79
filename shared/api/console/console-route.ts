import * as z from 'zod';
import type { ConsoleAppDependencies } from '../api-dependencies.js';
import { issueCsrfToken, isValidCsrfToken } from '../csrf.js';
import { HttpError } from '../http-error.js';
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { messagePage } from '../pages/message-page.js';
import { pageLanguage } from '../pages/page-language.js';
import { htmlResponse } from '../responses.js';
import { defineRoute, type AnyRoute, type HttpMethod, type Route, type RouteContext } from '../route.js';
import { CONSOLE_ROOT, consoleHref, type ConsoleView } from './console-page.js';
import { currentSession } from './console-session.js';
import { consoleStrings, type ConsoleNotice } from './console-strings.js';

/** Every console form carries the session's CSRF token in this field. */
export const ConsoleFormSchema = z.object({ csrf: z.string().max(4096).optional() });

/** The `lang` every console page takes, plus `done` (what an action just did) and `n` (its count or subject). */
export const ConsoleQuerySchema = z.object({
  lang: z.enum(['ru', 'en']).optional().catch(undefined),
  done: z.enum(['watched', 'unwatched', 'pinged', 'disabled', 'enabled', 'redriven', 'unsubscribed', 'signedOut', 'followsSaved', 'weekAheadOn', 'weekAheadOff']).optional().catch(undefined),
  n: z.string().max(300).optional(),
});

/** A listing's query: the console's own fields and a cursor. */
export const ConsolePageQuerySchema = ConsoleQuerySchema.extend({ cursor: z.string().max(2048).optional() });

/** Whether the session cookie is marked Secure: whenever the service is reached over https. */
export function secureCookies(deps: Pick<ConsoleAppDependencies, 'publicBaseUrl'>): boolean {
  return deps.publicBaseUrl.startsWith('https:');
}

/** A route of the console function, over what it builds. */
export type ConsoleRoute = AnyRoute<ConsoleAppDependencies>;

/** Declares a route of the console function (its types inferred from its schemas, as {@link defineRoute}'s). */
export function defineConsoleRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  route: Route<P, Q, B, ConsoleAppDependencies>,
): ConsoleRoute {
  return defineRoute(route);
}

interface ConsoleRouteSpec<P, Q, B> {
  method: HttpMethod;
  path: string;
  operationId: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** The form's fields; the CSRF field is added and checked here. */
  form?: z.ZodType<B>;
  handle(context: RouteContext<P, Q, B, ConsoleAppDependencies>, view: ConsoleView): Promise<ApiResponse>;
}

/**
 * A console page or action behind the operator's session. Without a valid session a page redirects to sign-in and
 * an action is refused (403); an action whose CSRF token is not this session's is refused (403) before it runs.
 * Either way, nothing changes.
 */
export function consoleRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(spec: ConsoleRouteSpec<P, Q, B>): ConsoleRoute {
  const body = spec.form ? { kind: 'form' as const, schema: z.intersection(ConsoleFormSchema, spec.form) as unknown as z.ZodType<B> } : undefined;
  return defineConsoleRoute<P, Q, B>({
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    summary: 'Operator console (HTML).',
    tag: 'console',
    params: spec.params,
    query: spec.query,
    body,
    responses: { 200: { description: 'A console page.', html: true } },
    async handle(context) {
      const { request, deps } = context;
      const session = currentSession(request, deps.adminApiKey, deps.tokenSecrets, deps.now());
      const language = pageLanguage(request);
      if (!session) {
        if (request.method === 'GET') return seeOther(consoleHref(`${CONSOLE_ROOT}/sign-in`, language, { next: `${request.path}` }));
        throw new HttpError(403, 'signed_out', 'sign in to the console first');
      }
      if (spec.form && !isValidCsrfToken((context.body as { csrf?: unknown }).csrf, 'console', session.sessionId, deps.tokenSecrets, deps.now())) {
        throw new HttpError(403, 'csrf_failed', 'the form did not come from this session');
      }
      const csrfToken = issueCsrfToken('console', session.sessionId, deps.tokenSecrets, deps.now());
      const { lang: _lang, ...query } = request.query;
      return spec.handle(context, { language, words: consoleStrings(language), session, csrfToken, path: request.path, query });
    },
    renderError: consoleErrorPage,
  });
}

/** A 303 to another console page (after a form, so a reload does not send it again). */
export function seeOther(location: string, cookies?: string[]): ApiResponse {
  return { status: 303, headers: { location, 'cache-control': 'no-store' }, body: '', ...(cookies ? { cookies } : {}) };
}

/** Back to a console page after an action, saying what it did. */
export function doneRedirect(path: string, view: Pick<ConsoleView, 'language'>, done: ConsoleNotice, subject = ''): ApiResponse {
  return seeOther(consoleHref(path, view.language, { done, n: subject }));
}

/** The notice a page shows after an action (`?done=…&n=…`), if any. */
export function noticeOf(view: ConsoleView, query: z.infer<typeof ConsoleQuerySchema>): string | undefined {
  return query.done ? view.words.notices[query.done](query.n ?? '') : undefined;
}

/** How the console answers a refusal: a page in the reader's language, with the status a program would get. */
export function consoleErrorPage(error: HttpError, request: ApiRequest): ApiResponse {
  const language = pageLanguage(request);
  const words = consoleStrings(language).errors;
  const signedOut = error.code === 'signed_out';
  const text = signedOut ? words.signedOut : error.code === 'csrf_failed' ? words.formExpired : error.status === 404 ? words.notFound : words.badRequest;
  const details = error.issues.length > 0 && !signedOut ? ` (${error.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')})` : '';
  return htmlResponse(
    error.status,
    messagePage({
      language,
      title: words.title,
      text: `${text}${details}`,
      link: signedOut ? { href: consoleHref(`${CONSOLE_ROOT}/sign-in`, language), label: words.signInAgain } : { href: consoleHref(CONSOLE_ROOT, language), label: words.backToConsole },
      role: 'alert',
    }),
    error.headers,
  );
}
