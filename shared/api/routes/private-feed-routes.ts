import * as z from 'zod';
import type { Language } from '../../bill/stages.js';
import { runConcurrently } from '../../pipeline/run-concurrently.js';
import { TokenError } from '../../security/signed-token.js';
import type { BillRecord } from '../../store/bill-store.js';
import { feedOfToken, feedToken } from '../../subscriptions/subscriber-links.js';
import { renderAtomFeed } from '../../syndication/atom-feed.js';
import { renderBillCalendar } from '../../syndication/bill-calendar.js';
import { mergedFeed } from '../../syndication/bill-feed.js';
import { billStrings } from '../../syndication/bill-strings.js';
import { publicUrl } from '../../syndication/public-urls.js';
import type { ApiDependencies } from '../api-dependencies.js';
import { ErrorSchema } from '../api-schemas.js';
import { cacheableResponse, type CachePolicy } from '../conditional-get.js';
import { HttpError } from '../http-error.js';
import type { ApiRequest } from '../http-types.js';
import { defineRoute } from '../route.js';
import { ATOM_TYPE, CACHED, CALENDAR_TYPE, LanguageQuerySchema, type PublishedBill } from './bill-page-routes.js';

/** A private feed changes when a followed bill's snapshot does; its reader's own client may keep it as long as a public one. */
const PRIVATE_MAX_AGE_SECONDS = 300;
// Bills read at once for one feed: enough to hide round trips, few enough for one request's share of the table.
const READ_CONCURRENCY = 8;

const FeedParamsSchema = z.object({ token: z.string().min(1).max(4096) });

const FEED_ERRORS = {
  400: { description: 'Malformed request.', json: ErrorSchema },
  404: { description: 'No such feed.', json: ErrorSchema },
  410: { description: 'The feed links were reset, or the subscription ended.', json: ErrorSchema },
} as const;

/** The URLs of a subscriber's private feed and calendar, for their preferences page. */
export function privateFeedUrls(publicBaseUrl: string, subscriberId: string, feedKey: string, secrets: ApiDependencies['tokenSecrets'], language: Language) {
  const path = `/feeds/${feedToken(subscriberId, feedKey, secrets)}`;
  return { atom: publicUrl(publicBaseUrl, `${path}/feed.atom`, { lang: language }), calendar: publicUrl(publicBaseUrl, `${path}/calendar.ics`, { lang: language }) };
}

/** GET /feeds/{token}/feed.atom: the private Atom feed of everything a subscriber follows. */
export const privateFeedRoute = defineRoute({
  method: 'GET',
  path: '/feeds/{token}/feed.atom',
  operationId: 'privateFeed',
  summary: 'Private Atom feed of the bills a subscriber follows.',
  tag: 'feeds',
  params: FeedParamsSchema,
  query: LanguageQuerySchema,
  responses: { 200: { description: 'The feed.', mediaType: 'application/atom+xml' }, ...CACHED, ...FEED_ERRORS },
  async handle({ request, params, deps }) {
    const feed = await privateFeedOf(deps, params.token, request);
    const body = renderAtomFeed(
      mergedFeed(
        { id: `private/${feed.key}/${feed.language}`, title: billStrings(feed.language).privateFeedTitle, selfUrl: feed.selfUrl('feed.atom'), fallbackUpdated: feed.since },
        feed.bills,
        feed.language,
        deps.publicBaseUrl,
      ),
    );
    return cacheableResponse(request, { status: 200, headers: { 'content-type': ATOM_TYPE }, body }, feed.policy);
  },
});

/** GET /feeds/{token}/calendar.ics: the planned events of everything a subscriber follows. */
export const privateCalendarRoute = defineRoute({
  method: 'GET',
  path: '/feeds/{token}/calendar.ics',
  operationId: 'privateCalendar',
  summary: 'Private calendar (RFC 5545) of the planned events of the bills a subscriber follows.',
  tag: 'feeds',
  params: FeedParamsSchema,
  query: LanguageQuerySchema,
  responses: { 200: { description: 'The calendar.', mediaType: 'text/calendar' }, ...CACHED, ...FEED_ERRORS },
  async handle({ request, params, deps }) {
    const feed = await privateFeedOf(deps, params.token, request);
    const body = renderBillCalendar({ name: billStrings(feed.language).privateCalendarTitle, language: feed.language, publicBaseUrl: deps.publicBaseUrl }, feed.bills);
    return cacheableResponse(request, { status: 200, headers: { 'content-type': CALENDAR_TYPE }, body }, feed.policy);
  },
});

/**
 * What a private feed URL shows: the followed bills that have been read, in the language asked for or the
 * subscriber's. A token that is not genuine is a 404, like an unknown subscriber (nothing tells the two apart); a
 * genuine one whose key was reset, or whose subscriber is no longer active, is a 410.
 */
async function privateFeedOf(deps: ApiDependencies, token: string, request: ApiRequest) {
  const notFound = new HttpError(404, 'not_found', 'no such feed');
  let claimed: { subscriberId: string; feedKey: string };
  try {
    claimed = feedOfToken(token, deps.tokenSecrets);
  } catch (error) {
    if (error instanceof TokenError) throw notFound;
    throw error;
  }
  const subscriber = await deps.subscriptions.get(await deps.addresses.currentId(claimed.subscriberId), deps.now());
  if (!subscriber) throw notFound;
  if (subscriber.feedKey !== claimed.feedKey || subscriber.status !== 'active') {
    throw new HttpError(410, 'feed_revoked', 'feed links reset or subscription ended');
  }
  const language: Language = request.query.lang === 'ru' || request.query.lang === 'en' ? request.query.lang : subscriber.language;
  const bills = await readBills(deps, subscriber.bills ?? []);
  const snapshots = bills.map((bill) => bill.snapshotAt).filter((at): at is string => at !== undefined).sort();
  const since = subscriber.updatedAt ?? subscriber.createdAt;
  const policy: CachePolicy = { scope: 'private', maxAgeSeconds: PRIVATE_MAX_AGE_SECONDS, lastModified: [since, ...snapshots].sort().at(-1)! };
  return {
    key: claimed.feedKey,
    language,
    bills,
    since,
    policy,
    selfUrl: (file: string) => publicUrl(deps.publicBaseUrl, `/feeds/${token}/${file}`, { lang: language }),
  };
}

/** The followed bills that have been read from sozd, in the order followed. */
async function readBills(deps: ApiDependencies, numbers: readonly string[]): Promise<PublishedBill[]> {
  const records = new Map<string, BillRecord | undefined>();
  await runConcurrently(numbers, READ_CONCURRENCY, async (number) => void records.set(number, await deps.bills.get(number)));
  return numbers.map((number) => records.get(number)).filter((record): record is PublishedBill => record?.bill !== undefined);
}

