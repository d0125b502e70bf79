import * as z from 'zod';
import { BillNumberSchema } from '../bill/bill.js';
import { OriginKindSchema } from '../origins/bill-origin.js';

/** What an alert is about: a news item, or a new event of a tracked bill. */
export const AlertItemSchema = z.object({
  source: z.enum(['news', 'bill-event']),
  title: z.string().min(1),
  link: z.url({ protocol: /^https?$/ }).optional(),
  summary: z.string().min(1).optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  /** The feed's label for news; absent for a bill event. */
  sourceLabel: z.string().min(1).optional(),
  /** sozd bill links in a news item's HTML, which its plain-text summary no longer shows. */
  billLinks: z.array(z.string().min(1)).optional(),
  /** The bill of a bill event. */
  billNumber: BillNumberSchema.optional(),
});
export type AlertItem = z.infer<typeof AlertItemSchema>;

/** One query term found in one field of the item, with the words as the item writes them. */
export const TermHitSchema = z.object({ term: z.string(), field: z.string(), found: z.array(z.string()) });

/**
 * An alert, written once under a deterministic id and delivered to many subscribers: a topic that matched
 * (with why), a news item that mentions a followed bill ("in the news"), a bill from a followed committee or
 * initiator ("new bill from …"), or a followed bill the source never had and the watch list dropped (told once to each
 * of its followers).
 */
export const AlertSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('topic-match'),
    id: z.string().min(1),
    createdAt: z.iso.datetime(),
    item: AlertItemSchema,
    /** `key` is the normalised query's hash, shared by every way of writing the same query. */
    topic: z.object({ key: z.string().min(1), query: z.string().min(1) }),
    why: z.array(TermHitSchema),
  }),
  z.object({
    kind: z.literal('bill-news'),
    id: z.string().min(1),
    createdAt: z.iso.datetime(),
    item: AlertItemSchema,
    billNumber: BillNumberSchema,
  }),
  z.object({
    kind: z.literal('new-bill'),
    id: z.string().min(1),
    createdAt: z.iso.datetime(),
    /** The bill: its title, its sozd link and number. */
    item: AlertItemSchema,
    billNumber: BillNumberSchema,
    /** The followed committee or initiator the bill is from, as its passport names it. */
    origin: z.object({ kind: OriginKindSchema, name: z.string().min(1) }),
  }),
  z.object({
    kind: z.literal('bill-dropped'),
    /** `dropped:<bill>:<droppedAt>`: the same drop keeps its id through every retry; a later drop is news again. */
    id: z.string().min(1),
    /** When the watch list dropped the bill. */
    createdAt: z.iso.datetime(),
    billNumber: BillNumberSchema,
  }),
]);
export type Alert = z.infer<typeof AlertSchema>;
export type TopicMatchAlert = Extract<Alert, { kind: 'topic-match' }>;
/** An alert about a news or bill item: every kind but the notice of a dropped bill, which has no item. */
export type ItemAlert = Exclude<Alert, { kind: 'bill-dropped' }>;
