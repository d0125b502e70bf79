import * as z from 'zod';
import { billUrl, BillNumberSchema } from '../bill/bill.js';
import type { Stage } from '../bill/bill.js';
import type { BillChange, ChangeFact } from '../bill/bill-change.js';
import { stageName } from '../bill/stages.js';
import { sozdText } from '../vocabulary/sozd-text.js';
import { shrinkToFit } from './shrink-to-fit.js';

/** Bumped on any incompatible change to a `data` shape; receivers can branch on it. */
export const WEBHOOK_SCHEMA_VERSION = 1;

/** Bodies stay under 20 KB (20 000 bytes, whichever way KB is counted) so no receiver's body limit trips on them. */
export const MAX_WEBHOOK_PAYLOAD_BYTES = 20_000;

const IsoTimestampSchema = z.string().datetime({ offset: true });

export const WebhookStageSchema = z.object({
  id: z.number().int().nonnegative(),
  /** As sozd writes it (Russian). */
  name: z.string(),
  nameEn: z.string(),
});

/** One fact of a change, always as `old` → `new` (`old` is null when there was nothing before). */
export const WebhookFactSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('new-event') }),
  z.object({ type: z.literal('stage-changed'), old: WebhookStageSchema.nullable(), new: WebhookStageSchema }),
  z.object({
    type: z.literal('status-changed'),
    old: z.string(),
    new: z.string(),
    /** The statuses in English ("(original, Russian): …" for a status with no known rendering). */
    oldEn: z.string(),
    newEn: z.string(),
    archived: z.boolean(),
  }),
  z.object({ type: z.literal('law-number-assigned'), old: z.null(), new: z.string() }),
  z.object({ type: z.literal('published'), old: z.null(), new: z.string() }),
]);
export type WebhookFact = z.infer<typeof WebhookFactSchema>;

/**
 * An event as sozd writes it (Russian), with English renderings beside each text (`…En`): the vocabulary's, and
 * "(original, Russian): …" for a text it has no rendering for.
 */
export const WebhookEventSchema = z.object({
  id: z.string(),
  eventNumber: z.string(),
  name: z.string(),
  nameEn: z.string(),
  stage: WebhookStageSchema,
  date: IsoTimestampSchema,
  decisions: z.array(z.string()),
  decisionsEn: z.array(z.string()),
  protocol: z.string().nullable(),
  lawNumber: z.string().nullable(),
  publication: z.string().nullable(),
  documents: z.array(z.object({ title: z.string(), titleEn: z.string(), url: z.string().url() })),
});

/** Set when texts or lists were cut to keep the body under {@link MAX_WEBHOOK_PAYLOAD_BYTES}. */
const TruncatedSchema = z.boolean();

export const BillChangedDataSchema = z.object({
  schemaVersion: z.literal(WEBHOOK_SCHEMA_VERSION),
  /** Stable across re-polls and retries: deduplicate on it. */
  changeId: z.string(),
  kind: z.enum(['event', 'status']),
  detectedAt: IsoTimestampSchema,
  bill: z.object({ number: BillNumberSchema, title: z.string(), url: z.string().url() }),
  /** Null for a status change that came without a new event. */
  event: WebhookEventSchema.nullable(),
  facts: z.array(WebhookFactSchema).min(1),
  truncated: TruncatedSchema,
});
export type BillChangedData = z.infer<typeof BillChangedDataSchema>;

/**
 * Why an item matched a topic. The matcher may add its own keys (any JSON); `matchedWords` and `fields` are always there.
 */
export const MatchReasonSchema = z
  .object({ matchedWords: z.array(z.string()), fields: z.array(z.string()) })
  .catchall(z.json());

/** What the topic matcher hands over: validated, since it comes from news feeds. */
export const TopicMatchSchema = z.object({
  topic: z.object({ id: z.string().min(1), query: z.string() }),
  item: z.object({
    title: z.string(),
    link: z.string().url(),
    source: z.string(),
    publishedAt: IsoTimestampSchema.optional(),
    summary: z.string().optional(),
  }),
  why: MatchReasonSchema,
});
export type TopicMatch = z.infer<typeof TopicMatchSchema>;

export const TopicMatchedDataSchema = z.object({
  schemaVersion: z.literal(WEBHOOK_SCHEMA_VERSION),
  topic: TopicMatchSchema.shape.topic,
  item: z.object({
    title: z.string(),
    link: z.string().url(),
    source: z.string(),
    publishedAt: IsoTimestampSchema.nullable(),
    summary: z.string().nullable(),
  }),
  why: MatchReasonSchema,
  truncated: TruncatedSchema,
});
export type TopicMatchedData = z.infer<typeof TopicMatchedDataSchema>;

/** A news item naming a bill ("in the news"), as delivery hands it over: validated, since it comes from news feeds. */
export const BillNewsSchema = z.object({
  alertId: z.string().min(1),
  bill: z.object({ number: BillNumberSchema, title: z.string().min(1).optional(), url: z.string().url() }),
  item: z.object({
    title: z.string(),
    link: z.string().url().optional(),
    source: z.string(),
    publishedAt: IsoTimestampSchema.optional(),
  }),
  /** Where the item names the bill and the words it does it with (`№ 1075342-8`, a sozd link); absent if unknown. */
  why: z.object({ field: z.enum(['title', 'summary', 'link']), matchedText: z.string() }).optional(),
});
export type BillNews = z.infer<typeof BillNewsSchema>;

export const BillNewsDataSchema = z.object({
  schemaVersion: z.literal(WEBHOOK_SCHEMA_VERSION),
  /** Stable across re-polls and retries: deduplicate on it. */
  alertId: z.string(),
  bill: z.object({ number: BillNumberSchema, title: z.string().nullable(), url: z.string().url() }),
  item: z.object({
    title: z.string(),
    link: z.string().url().nullable(),
    source: z.string(),
    publishedAt: IsoTimestampSchema.nullable(),
  }),
  why: BillNewsSchema.shape.why.unwrap().nullable(),
  truncated: TruncatedSchema,
});
export type BillNewsData = z.infer<typeof BillNewsDataSchema>;

/** A bill from a followed committee or initiator ("new bill from …"). */
export const BillNewDataSchema = z.object({
  schemaVersion: z.literal(WEBHOOK_SCHEMA_VERSION),
  /** Stable across re-polls and retries: deduplicate on it. */
  alertId: z.string(),
  bill: z.object({ number: BillNumberSchema, title: z.string(), url: z.string().url() }),
  /** The followed committee or initiator, as the passport names it and in English. */
  origin: z.object({ kind: z.enum(['committee', 'initiator']), name: z.string(), nameEn: z.string() }),
});
export type BillNewData = z.infer<typeof BillNewDataSchema>;
/** A followed bill the source answered "not found" for until the watch list dropped it: told once, never again. */
export const BillDroppedDataSchema = z.object({
  schemaVersion: z.literal(WEBHOOK_SCHEMA_VERSION),
  /** Stable across retries: deduplicate on it. */
  alertId: z.string(),
  bill: z.object({ number: BillNumberSchema, url: z.string().url() }),
  /** Why it was dropped; `not-found` is the only reason today. */
  reason: z.literal('not-found'),
  droppedAt: IsoTimestampSchema,
});
export type BillDroppedData = z.infer<typeof BillDroppedDataSchema>;

export const PingDataSchema = z.object({
  schemaVersion: z.literal(WEBHOOK_SCHEMA_VERSION),
  message: z.string(),
});
export type PingData = z.infer<typeof PingDataSchema>;

/** The Standard Webhooks envelope: `timestamp` is when the thing happened, not when this attempt was sent. */
export const WebhookPayloadSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bill.changed'), timestamp: IsoTimestampSchema, data: BillChangedDataSchema }),
  z.object({ type: z.literal('topic.matched'), timestamp: IsoTimestampSchema, data: TopicMatchedDataSchema }),
  z.object({ type: z.literal('bill.news'), timestamp: IsoTimestampSchema, data: BillNewsDataSchema }),
  z.object({ type: z.literal('bill.new'), timestamp: IsoTimestampSchema, data: BillNewDataSchema }),
  z.object({ type: z.literal('bill.dropped'), timestamp: IsoTimestampSchema, data: BillDroppedDataSchema }),
  z.object({ type: z.literal('ping'), timestamp: IsoTimestampSchema, data: PingDataSchema }),
]);
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;
export type WebhookEventType = WebhookPayload['type'];

function toWebhookStage(stage: Stage): z.infer<typeof WebhookStageSchema> {
  return { id: stage.id, name: stage.name, nameEn: stageName(stage, 'en') };
}

function toWebhookFact(fact: ChangeFact): WebhookFact {
  switch (fact.type) {
    case 'new-event':
      return { type: 'new-event' };
    case 'stage-changed':
      return { type: 'stage-changed', old: fact.from && toWebhookStage(fact.from), new: toWebhookStage(fact.to) };
    case 'status-changed':
      return {
        type: 'status-changed',
        old: fact.from,
        new: fact.to,
        oldEn: sozdText('status', fact.from, 'en'),
        newEn: sozdText('status', fact.to, 'en'),
        archived: fact.archived,
      };
    case 'law-number-assigned':
      return { type: 'law-number-assigned', old: null, new: fact.lawNumber };
    case 'published':
      return { type: 'published', old: null, new: fact.publication };
  }
}

/**
 * The `bill.changed` payload for a change. Deterministic (timestamp = `detectedAt`), so every retry sends the same body.
 * @throws PayloadTooLargeError only if identifiers or links alone exceed the size limit
 */
export function buildBillChangedPayload(change: BillChange): WebhookPayload {
  const { event } = change;
  const data: BillChangedData = {
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    changeId: change.id,
    kind: change.kind,
    detectedAt: change.detectedAt,
    bill: { number: change.billNumber, title: change.billTitle, url: change.billUrl },
    event: event
      ? {
          id: event.id,
          eventNumber: event.eventNumber,
          name: event.name,
          nameEn: sozdText('event', event.name, 'en'),
          stage: toWebhookStage(event.stage),
          date: event.date,
          decisions: event.decisions,
          decisionsEn: event.decisions.map((decision) => sozdText('decision', decision, 'en')),
          protocol: event.protocol ?? null,
          lawNumber: event.lawNumber ?? null,
          publication: event.publication ?? null,
          documents: event.documents.map(({ title, url }) => ({ title, titleEn: sozdText('document', title, 'en'), url })),
        }
      : null,
    facts: change.facts.map(toWebhookFact),
    truncated: false,
  };
  const timestamp = new Date(change.detectedAt).toISOString();
  return shrinkToFit(data, (fitted) => ({ type: 'bill.changed' as const, timestamp, data: fitted }), MAX_WEBHOOK_PAYLOAD_BYTES);
}

/**
 * The `topic.matched` payload for a news item that matched a subscriber's topic.
 * @throws ZodError when the match is malformed; PayloadTooLargeError only if identifiers or links alone are too large
 */
export function buildTopicMatchedPayload(match: TopicMatch, matchedAt: Date): WebhookPayload {
  const { topic, item, why } = TopicMatchSchema.parse(match);
  const data: TopicMatchedData = {
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    topic,
    item: {
      title: item.title,
      link: item.link,
      source: item.source,
      publishedAt: item.publishedAt ?? null,
      summary: item.summary ?? null,
    },
    why,
    truncated: false,
  };
  const timestamp = matchedAt.toISOString();
  return shrinkToFit(data, (fitted) => ({ type: 'topic.matched' as const, timestamp, data: fitted }), MAX_WEBHOOK_PAYLOAD_BYTES);
}

/**
 * The `bill.news` payload for a news item naming a bill a webhook follows, stamped with the alert's creation so every
 * retry sends the same body.
 * @throws ZodError when the item is malformed; PayloadTooLargeError only if identifiers or links alone are too large
 */
export function buildBillNewsPayload(news: BillNews, raisedAt: Date): WebhookPayload {
  const { alertId, bill, item, why } = BillNewsSchema.parse(news);
  const data: BillNewsData = {
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    alertId,
    bill: { number: bill.number, title: bill.title ?? null, url: bill.url },
    item: { title: item.title, link: item.link ?? null, source: item.source, publishedAt: item.publishedAt ?? null },
    why: why ?? null,
    truncated: false,
  };
  const timestamp = raisedAt.toISOString();
  return shrinkToFit(data, (fitted) => ({ type: 'bill.news' as const, timestamp, data: fitted }), MAX_WEBHOOK_PAYLOAD_BYTES);
}

/** The `bill.new` payload, stamped with the alert's creation so every retry sends the same body. */
export function buildBillNewPayload(data: Omit<BillNewData, 'schemaVersion'>, raisedAt: Date): WebhookPayload {
  return { type: 'bill.new', timestamp: raisedAt.toISOString(), data: BillNewDataSchema.parse({ schemaVersion: WEBHOOK_SCHEMA_VERSION, ...data }) };
}

/**
 * The `bill.dropped` payload: the bill left the watch list because the source has no such bill. Stamped with the drop,
 * so every retry sends the same body; the bill's endpoints follow it no more.
 */
export function buildBillDroppedPayload(alertId: string, billNumber: string, droppedAt: Date): WebhookPayload {
  const timestamp = droppedAt.toISOString();
  return {
    type: 'bill.dropped',
    timestamp,
    data: { schemaVersion: WEBHOOK_SCHEMA_VERSION, alertId, bill: { number: billNumber, url: billUrl(billNumber) }, reason: 'not-found', droppedAt: timestamp },
  };
}

/** The `ping` payload sent when a subscriber presses "send test event". */
export function buildPingPayload(sentAt: Date): WebhookPayload {
  return {
    type: 'ping',
    timestamp: sentAt.toISOString(),
    data: { schemaVersion: WEBHOOK_SCHEMA_VERSION, message: 'duma-alerts test delivery: your endpoint is reachable.' },
  };
}
