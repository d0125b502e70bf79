import * as z from 'zod';
import { BillNumberSchema } from '../../bill/bill.js';
import { eventChangeId } from '../../bill/diff-bills.js';
import { inDateOrder } from '../../bill/stage-model.js';
import { stageName } from '../../bill/stages.js';
import type { BillRecord, BillStore } from '../../store/bill-store.js';
import type { BillSummary } from '../../store/bill-summaries.js';
import { PreferencesPatchSchema } from '../../subscriptions/subscription-preferences.js';
import { readSubscription, savePreferences, subscriptionView } from '../../subscriptions/subscription-service.js';
import {
  DeliveryListSchema,
  DeliveryQuerySchema,
  ErrorSchema,
  PageQuerySchema,
  SourceHealthSchema,
  SubscriberIdParamsSchema,
  SubscriptionListQuerySchema,
  SubscriptionListSchema,
  SubscriptionSchema,
  SuppressionListSchema,
  TopicIdParamsSchema,
  TopicListSchema,
  TopicSchema,
  WatchedBillListSchema,
  WatchedBillSchema,
} from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import { jsonResponse } from '../responses.js';
import { defineRoute, type ResponseSpec } from '../route.js';
import { withCursor } from '../with-cursor.js';
import { subscriptionBody } from '../subscription-body.js';
import { SUBSCRIPTION_BODY_BYTES } from '../preferences-form.js';

/** The refusals every admin route documents. */
export const unauthorized: ResponseSpec = { description: 'No valid x-api-key header.', json: ErrorSchema };
export const invalid: ResponseSpec = { description: 'Invalid request; each bad field is named.', json: ErrorSchema };
export const notFound: ResponseSpec = { description: 'No such resource.', json: ErrorSchema };
const BillParamsSchema = z.object({ billNumber: BillNumberSchema });
const noContent = () => ({ status: 204, headers: {}, body: '' });

export const adminListSubscriptionsRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/subscriptions',
  operationId: 'adminListSubscriptions',
  summary: 'List subscriptions in address order, a page at a time, optionally of one status.',
  tag: 'admin',
  auth: 'apiKey',
  query: SubscriptionListQuerySchema,
  responses: { 200: { description: 'A page of subscriptions.', json: SubscriptionListSchema }, 400: invalid, 401: unauthorized },
  async handle({ query, deps }) {
    const page = await withCursor(() => deps.subscriptions.list({ ...query, now: deps.now() }));
    const items = (await Promise.all(page.items.map((subscriber) => subscriptionView(deps, subscriber)))).map(subscriptionBody);
    return jsonResponse(200, { items, ...(page.cursor ? { cursor: page.cursor } : {}) });
  },
});

export const adminReadSubscriptionRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/subscriptions/{subscriberId}',
  operationId: 'adminReadSubscription',
  summary: 'Read one subscription, with why it is suppressed if it is.',
  tag: 'admin',
  auth: 'apiKey',
  params: SubscriberIdParamsSchema,
  responses: { 200: { description: 'The subscription.', json: SubscriptionSchema }, 401: unauthorized, 404: notFound },
  async handle({ params, deps }) {
    const view = await readSubscription(deps, params.subscriberId);
    if (!view) throw new HttpError(404, 'not_found', 'no such subscription');
    return jsonResponse(200, subscriptionBody(view));
  },
});

export const adminUpdateSubscriptionRoute = defineRoute({
  method: 'PATCH',
  path: '/api/admin/subscriptions/{subscriberId}',
  operationId: 'adminUpdateSubscription',
  summary: 'Change some preferences of a confirmed subscription; fields not given stay.',
  tag: 'admin',
  auth: 'apiKey',
  params: SubscriberIdParamsSchema,
  body: { kind: 'json', schema: PreferencesPatchSchema, maxBytes: SUBSCRIPTION_BODY_BYTES },
  responses: {
    200: { description: 'The subscription as saved.', json: SubscriptionSchema },
    400: invalid,
    401: unauthorized,
    404: notFound,
    409: { description: 'The subscription is unconfirmed or suppressed; nothing was changed.', json: ErrorSchema },
  },
  async handle({ params, body, deps }) {
    const view = await readSubscription(deps, params.subscriberId);
    if (!view) throw new HttpError(404, 'not_found', 'no such subscription');
    const preferences = { ...view.preferences, ...body };
    const saved = await savePreferences(deps, params.subscriberId, preferences, { reactivate: false });
    if (!saved) throw new HttpError(409, 'not_changeable', `the subscription is ${view.subscriber.status}`);
    return jsonResponse(200, subscriptionBody({ subscriber: saved, preferences }));
  },
});

export const adminUnsubscribeRoute = defineRoute({
  method: 'DELETE',
  path: '/api/admin/subscriptions/{subscriberId}',
  operationId: 'adminUnsubscribe',
  summary: 'Unsubscribe a subscription from everything, at once.',
  tag: 'admin',
  auth: 'apiKey',
  params: SubscriberIdParamsSchema,
  responses: { 204: { description: 'Unsubscribed.' }, 401: unauthorized, 404: notFound },
  async handle({ params, deps }) {
    if (!(await deps.subscriptions.get(params.subscriberId, deps.now()))) throw new HttpError(404, 'not_found', 'no such subscription');
    await deps.subscriptions.unsubscribe(params.subscriberId, deps.now());
    return noContent();
  },
});

export const adminListBillsRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/bills',
  operationId: 'adminListWatchedBills',
  summary: 'The watch list, a page at a time in number order: each watched bill with its title, stage and source health.',
  tag: 'admin',
  auth: 'apiKey',
  query: PageQuerySchema,
  responses: { 200: { description: 'A page of watched bills.', json: WatchedBillListSchema }, 400: invalid, 401: unauthorized },
  async handle({ query, deps }) {
    // One index query for the page and one batched read of titles: bounded work whatever the watch list's length.
    const page = await withCursor(() => deps.bills.listWatchedStates(query));
    const summaries = await deps.billSummaries.summaries(page.items.map((record) => record.number));
    const items = page.items.map((record) => withSummary(billBody(record), summaries.get(record.number)));
    return jsonResponse(200, { items, ...(page.cursor ? { cursor: page.cursor } : {}) });
  },
});

export const adminReadBillRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/bills/{billNumber}',
  operationId: 'adminReadBill',
  summary: 'One bill of the watch list with its source health.',
  tag: 'admin',
  auth: 'apiKey',
  params: BillParamsSchema,
  responses: { 200: { description: 'The bill.', json: WatchedBillSchema }, 400: invalid, 401: unauthorized, 404: notFound },
  async handle({ params, deps }) {
    const record = await deps.bills.get(params.billNumber);
    if (!record) throw new HttpError(404, 'not_found', 'the bill is not known');
    return jsonResponse(200, billBody(record));
  },
});

export const adminWatchBillRoute = defineRoute({
  method: 'PUT',
  path: '/api/admin/bills/{billNumber}',
  operationId: 'adminWatchBill',
  summary: 'Put a bill on the watch list (idempotent).',
  tag: 'admin',
  auth: 'apiKey',
  params: BillParamsSchema,
  responses: { 200: { description: 'The bill as watched.', json: WatchedBillSchema }, 400: invalid, 401: unauthorized },
  async handle({ params, deps }) {
    await deps.bills.watch(params.billNumber);
    return jsonResponse(200, billBody((await deps.bills.get(params.billNumber))!));
  },
});

export const adminUnwatchBillRoute = defineRoute({
  method: 'DELETE',
  path: '/api/admin/bills/{billNumber}',
  operationId: 'adminUnwatchBill',
  summary: 'Take a bill off the watch list; its snapshot is kept.',
  tag: 'admin',
  auth: 'apiKey',
  params: BillParamsSchema,
  responses: { 204: { description: 'No longer watched.' }, 400: invalid, 401: unauthorized },
  async handle({ params, deps }) {
    await deps.bills.unwatch(params.billNumber);
    return noContent();
  },
});

export const adminSourceHealthRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/health',
  operationId: 'adminSourceHealth',
  summary: 'Source health: how polling the watched bills and the news feeds goes, and which are failing.',
  tag: 'admin',
  auth: 'apiKey',
  responses: { 200: { description: 'Source health.', json: SourceHealthSchema }, 401: unauthorized },
  async handle({ deps }) {
    const { watched, failing } = await deps.bills.watchedHealth();
    const feeds = await Promise.all(
      deps.feeds.configured.map(async (feed) => {
        const record = await deps.feeds.store.get(feed.id);
        return { id: feed.id, label: feed.label, url: feed.url, ...(record ? { health: record.health } : {}) };
      }),
    );
    const ok = failing.length === 0 && feeds.every((feed) => feed.health?.ok !== false);
    const lastPollRun = await deps.bills.lastPollRun();
    return jsonResponse(200, { ok, watched, failing, ...(lastPollRun ? { lastPollRun } : {}), feeds });
  },
});

export const adminListTopicsRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/topics',
  operationId: 'adminListTopics',
  summary: 'Every topic followed, with how many confirmed subscribers follow it.',
  tag: 'admin',
  auth: 'apiKey',
  query: PageQuerySchema,
  responses: { 200: { description: 'A page of topics.', json: TopicListSchema }, 400: invalid, 401: unauthorized },
  async handle({ query, deps }) {
    const page = await withCursor(() => deps.subscriptions.listTopics(query));
    const items = await Promise.all(
      page.items.map(async (topic) => ({ ...topic, followers: (await deps.subscriptions.listTopicFollowers(topic.topicId)).length })),
    );
    return jsonResponse(200, { items, ...(page.cursor ? { cursor: page.cursor } : {}) });
  },
});

export const adminReadTopicRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/topics/{topicId}',
  operationId: 'adminReadTopic',
  summary: 'One topic and the ids of its confirmed followers.',
  tag: 'admin',
  auth: 'apiKey',
  params: TopicIdParamsSchema,
  responses: { 200: { description: 'The topic.', json: TopicSchema }, 400: invalid, 401: unauthorized, 404: notFound },
  async handle({ params, deps }) {
    const followers = await deps.subscriptions.listTopicFollowers(params.topicId);
    const topic = await deps.subscriptions.getTopic(params.topicId);
    if (!topic) throw new HttpError(404, 'not_found', 'no such topic');
    return jsonResponse(200, { ...topic, followers });
  },
});

export const adminDeliveryLogRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/deliveries',
  operationId: 'adminDeliveryLog',
  summary: "The delivery log of one change (changeId, or bill for the bill's newest change): per subscriber, sent, skipped (and why) or failed.",
  tag: 'admin',
  auth: 'apiKey',
  query: DeliveryQuerySchema,
  responses: { 200: { description: 'The deliveries of the change.', json: DeliveryListSchema }, 400: invalid, 401: unauthorized, 404: notFound },
  async handle({ query, deps }) {
    const changeId = query.changeId ?? (await newestChangeId(deps.bills, query.bill!));
    const records = await deps.deliveries.listForChange(changeId, query.limit);
    return jsonResponse(200, { items: records.map(({ PK: _pk, SK: _sk, leaseUntil: _lease, ...record }) => record) });
  },
});

export const adminSuppressionsRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/suppressions',
  operationId: 'adminListSuppressions',
  summary: 'Suppressed addresses, newest first, with why (hard bounce or complaint).',
  tag: 'admin',
  auth: 'apiKey',
  query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
  responses: { 200: { description: 'Suppressed addresses.', json: SuppressionListSchema }, 400: invalid, 401: unauthorized },
  async handle({ query, deps }) {
    return jsonResponse(200, { items: await deps.suppressions.listRecent(query.limit) });
  },
});


function withSummary(body: z.infer<typeof WatchedBillSchema>, summary: BillSummary | undefined): z.infer<typeof WatchedBillSchema> {
  if (!summary) return body;
  return {
    ...body,
    title: summary.title,
    ...(summary.status ? { status: summary.status } : {}),
    ...(summary.stage ? { currentStage: stageName(summary.stage, 'en') } : {}),
  };
}

/** The change of a bill's newest event, the one an operator asks about first. */
async function newestChangeId(bills: Pick<BillStore, 'get'>, number: string): Promise<string> {
  const newest = inDateOrder((await bills.get(number))?.bill?.events ?? []).at(-1);
  if (!newest) throw new HttpError(404, 'not_found', `no change of bill ${number} is known yet`);
  return eventChangeId(number, newest.id);
}

function billBody(record: BillRecord): z.infer<typeof WatchedBillSchema> {
  const body: z.infer<typeof WatchedBillSchema> = { number: record.number, watched: record.watched, health: record.health };
  if (record.bill) {
    body.title = record.bill.title;
    body.status = record.bill.status;
    if (record.bill.currentStage) body.currentStage = stageName(record.bill.currentStage, 'en');
  }
  return body;
}
