import * as z from 'zod';
import { BillNumberSchema, type Bill } from '../../bill/bill.js';
import type { Language } from '../../bill/stages.js';
import type { BillRecord } from '../../store/bill-store.js';
import { billFeed } from '../../syndication/bill-feed.js';
import { renderAtomFeed } from '../../syndication/atom-feed.js';
import { renderBillCalendar } from '../../syndication/bill-calendar.js';
import { billStrings } from '../../syndication/bill-strings.js';
import type { ApiDependencies } from '../api-dependencies.js';
import { ErrorSchema } from '../api-schemas.js';
import { cacheableResponse, type CachePolicy } from '../conditional-get.js';
import { HttpError } from '../http-error.js';
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { billPage } from '../pages/bill-page.js';
import { errorPage } from '../pages/error-page.js';
import { messagePage } from '../pages/message-page.js';
import { pageLanguage } from '../pages/page-language.js';
import { htmlResponse } from '../responses.js';
import { defineRoute } from '../route.js';

/** Public pages and feeds change when a poll stores a new snapshot: a few minutes in a cache costs nothing. */
const PUBLIC_MAX_AGE_SECONDS = 300;
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
export const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

const BillParamsSchema = z.object({ billNumber: BillNumberSchema });
/** The language of a page or feed; an unknown value is ignored rather than refused. */
export const LanguageQuerySchema = z.object({ lang: z.enum(['ru', 'en']).optional().catch(undefined) });

export const CACHED = {
  304: { description: 'Not modified: the If-None-Match ETag (or If-Modified-Since date) is still current.' },
} as const;

/** GET /bills/{billNumber}: the public page of a watched bill. */
export const billPageRoute = defineRoute({
  method: 'GET',
  path: '/bills/{billNumber}',
  operationId: 'billPage',
  summary: 'The public page of a watched bill (HTML): stage, law number, timeline, documents, planned events, feeds, a follow form.',
  tag: 'feeds',
  params: BillParamsSchema,
  query: LanguageQuerySchema,
  responses: {
    200: { description: 'The page.', html: true },
    ...CACHED,
    400: { description: 'Not a bill number.', html: true },
    404: { description: 'duma-alerts does not watch this bill or has not read it yet; the page offers to follow it.', html: true },
  },
  async handle({ request, params, deps }) {
    const language = pageLanguage(request);
    const record = await publishedBill(deps, params.billNumber);
    if (!record) return notFoundPage(params.billNumber, language);
    return cacheableResponse(request, htmlResponse(200, billPage({ language, bill: record.bill })), publicPolicy(record, request));
  },
  renderError: errorPage,
});

/** GET /bills/{billNumber}/feed.atom: the Atom feed of a watched bill's changes. */
export const billFeedRoute = defineRoute({
  method: 'GET',
  path: '/bills/{billNumber}/feed.atom',
  operationId: 'billFeed',
  summary: 'The Atom (RFC 4287) feed of a watched bill: an entry per dated event, its stage change in the title (ru/en by ?lang=).',
  tag: 'feeds',
  params: BillParamsSchema,
  query: LanguageQuerySchema,
  responses: {
    200: { description: 'The feed.', mediaType: 'application/atom+xml' },
    ...CACHED,
    400: { description: 'Not a bill number.', json: ErrorSchema },
    404: { description: 'duma-alerts does not watch this bill or has not read it yet.', json: ErrorSchema },
  },
  async handle({ request, params, deps }) {
    const record = await requirePublishedBill(deps, params.billNumber);
    const feed = renderAtomFeed(billFeed(record, pageLanguage(request), deps.publicBaseUrl));
    return cacheableResponse(request, { status: 200, headers: { 'content-type': ATOM_TYPE }, body: feed }, publicPolicy(record, request));
  },
});

/** GET /bills/{billNumber}/calendar.ics: the planned events of a watched bill as an iCalendar stream. */
export const billCalendarRoute = defineRoute({
  method: 'GET',
  path: '/bills/{billNumber}/calendar.ics',
  operationId: 'billCalendar',
  summary: 'The planned events of a watched bill as iCalendar (RFC 5545), in Moscow time, with stable UIDs and a SEQUENCE that grows when a date moves.',
  tag: 'feeds',
  params: BillParamsSchema,
  query: LanguageQuerySchema,
  responses: {
    200: { description: 'The calendar.', mediaType: 'text/calendar' },
    ...CACHED,
    400: { description: 'Not a bill number.', json: ErrorSchema },
    404: { description: 'duma-alerts does not watch this bill or has not read it yet.', json: ErrorSchema },
  },
  async handle({ request, params, deps }) {
    const record = await requirePublishedBill(deps, params.billNumber);
    const language = pageLanguage(request);
    const calendar = renderBillCalendar({ name: billStrings(language).calendarName(record.bill.number), language, publicBaseUrl: deps.publicBaseUrl }, [record]);
    return cacheableResponse(request, { status: 200, headers: { 'content-type': CALENDAR_TYPE }, body: calendar }, publicPolicy(record, request));
  },
});

/** A bill record with its snapshot. */
export type PublishedBill = BillRecord & { bill: Bill };

/** The bill if it is watched and has been read: only bills the service follows get a public page. */
async function publishedBill(deps: ApiDependencies, number: string): Promise<PublishedBill | undefined> {
  const record = await deps.bills.get(number);
  return record?.watched && record.bill ? (record as PublishedBill) : undefined;
}

async function requirePublishedBill(deps: ApiDependencies, number: string): Promise<PublishedBill> {
  const record = await publishedBill(deps, number);
  if (!record) throw new HttpError(404, 'not_found', `duma-alerts does not watch bill ${number} or has not read it yet`);
  return record;
}

function publicPolicy(record: PublishedBill, request: ApiRequest): CachePolicy {
  return {
    scope: 'public',
    maxAgeSeconds: PUBLIC_MAX_AGE_SECONDS,
    ...(record.snapshotAt ? { lastModified: record.snapshotAt } : {}),
    // Without ?lang= the language comes from Accept-Language, so a shared cache must key on it.
    ...(request.query.lang === 'ru' || request.query.lang === 'en' ? {} : { vary: 'Accept-Language' }),
  };
}

function notFoundPage(number: string, language: Language): ApiResponse {
  const words = billStrings(language).notFound;
  return htmlResponse(
    404,
    messagePage({
      language,
      title: words.title,
      text: words.body(number),
      link: { href: `/?bill=${encodeURIComponent(number)}&lang=${language}`, label: words.follow },
      role: 'status',
    }),
  );
}
