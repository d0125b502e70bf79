import * as z from 'zod';
import { BillNumberSchema } from '../bill/bill.js';
import { KNOWN_STAGE_IDS } from '../bill/stages.js';
import { LanguageSchema } from '../store/subscriber-store.js';
import { MAX_BILLS_PER_SUBSCRIBER, MAX_ORIGINS_PER_SUBSCRIBER, MAX_TOPICS_PER_SUBSCRIBER } from '../config/config.js';
import { normalizeOriginName, OriginNameSchema } from '../origins/bill-origin.js';
import { TopicSchema } from './topic-schema.js';

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** An IANA time zone name that this runtime's Intl knows (digests are sent at the reader's local morning). */
export const TimeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, 'not an IANA time zone, e.g. Europe/Moscow');

/** How often alerts go out: each change at once, or a daily or weekly digest. */
export const FrequencySchema = z.enum(['instant', 'daily', 'weekly']);
export type Frequency = z.infer<typeof FrequencySchema>;

/** Which stage changes matter: every one, or those of a chosen set of stages (ids of shared/bill/stages.ts). */
export const StageFilterSchema = z.union([
  z.literal('all'),
  z
    .array(z.literal(KNOWN_STAGE_IDS as readonly [number, ...number[]]))
    .min(1)
    .transform((ids) => [...new Set(ids)].sort((a, b) => a - b)),
], { error: `"all", or a non-empty list of stage ids among ${KNOWN_STAGE_IDS.join(', ')}` });
export type StageFilter = z.infer<typeof StageFilterSchema>;

const uniqueStrings = (values: string[]) => [...new Set(values)];

const BillListSchema = z.array(BillNumberSchema).max(MAX_BILLS_PER_SUBSCRIBER).transform(uniqueStrings);
const TopicListSchema = z.array(TopicSchema).max(MAX_TOPICS_PER_SUBSCRIBER).transform(uniqueStrings);
/** Committees or initiators: one name per spelling-insensitive origin, the first spelling kept; subscribers and endpoints alike. */
export const OriginListSchema = z
  .array(OriginNameSchema)
  .max(MAX_ORIGINS_PER_SUBSCRIBER)
  .transform((names) => [...new Map(names.map((name) => [normalizeOriginName(name), name] as const).reverse()).values()].reverse());

/** Everything a subscriber chooses; what is not given takes its default. */
export const PreferencesSchema = z.strictObject({
  bills: BillListSchema.default([]),
  topics: TopicListSchema.default([]),
  /** Responsible committees whose every new bill is alerted ("new bill from …") and watched from then on. */
  committees: OriginListSchema.default([]),
  /** Initiators (deputies, senators, bodies) whose every new bill is alerted and watched from then on. */
  initiators: OriginListSchema.default([]),
  language: LanguageSchema.default('ru'),
  timeZone: TimeZoneSchema.default(DEFAULT_TIME_ZONE),
  frequency: FrequencySchema.default('instant'),
  stages: StageFilterSchema.default('all'),
  /** Whether news items linked to a followed bill are sent as "in the news" alerts (shared/store/news-store.ts). */
  newsAlerts: z.boolean().default(true),
  /** Whether a "week ahead" email (planned events of the followed bills) comes on Mondays at 08:00 local time. */
  weekAhead: z.boolean().default(false),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
/** Preferences as given, before defaults are filled in. */
export type PreferencesInput = z.input<typeof PreferencesSchema>;

/** A change to some preferences: what is not given stays as it is. */
export const PreferencesPatchSchema = z.strictObject({
  bills: BillListSchema.optional(),
  topics: TopicListSchema.optional(),
  committees: OriginListSchema.optional(),
  initiators: OriginListSchema.optional(),
  language: LanguageSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  frequency: FrequencySchema.optional(),
  stages: StageFilterSchema.optional(),
  newsAlerts: z.boolean().optional(),
  weekAhead: z.boolean().optional(),
});
export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>;

/** How much one subscriber may follow through the public doors (config `subscriberLimits`). */
export interface FollowLimits {
  maxBills: number;
  maxTopics: number;
  /** Committees, and initiators, each. */
  maxOrigins: number;
}

/** What a subscription follows: the lists the limits and "follows nothing" are about. */
export type FollowedLists = Pick<Preferences, 'bills' | 'topics'> & Partial<Pick<Preferences, 'committees' | 'initiators'>>;

/** What a preference set follows beyond the limits, by field, in words; empty when within them. */
export function overLimits(preferences: FollowedLists, limits: FollowLimits): Partial<Record<'bills' | 'topics' | 'committees' | 'initiators', string>> {
  const over: Partial<Record<'bills' | 'topics' | 'committees' | 'initiators', string>> = {};
  if (preferences.bills.length > limits.maxBills) over.bills = `at most ${limits.maxBills} bills (${preferences.bills.length} given)`;
  if (preferences.topics.length > limits.maxTopics) over.topics = `at most ${limits.maxTopics} topics (${preferences.topics.length} given)`;
  for (const field of ['committees', 'initiators'] as const) {
    const count = preferences[field]?.length ?? 0;
    if (count > limits.maxOrigins) over[field] = `at most ${limits.maxOrigins} ${field} (${count} given)`;
  }
  return over;
}

/** True when a preference set follows nothing, so the subscription could never send a thing. */
export function followsNothing(preferences: FollowedLists): boolean {
  return [preferences.bills, preferences.topics, preferences.committees ?? [], preferences.initiators ?? []].every((list) => list.length === 0);
}

function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
