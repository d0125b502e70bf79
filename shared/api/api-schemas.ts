import * as z from 'zod';
import { BillNumberSchema } from '../bill/bill.js';
import { EmailAddressSchema } from '../store/subscriber-store.js';
import { followsNothing, PreferencesSchema } from '../subscriptions/subscription-preferences.js';

/** A JSON sign-up: the address and its preferences; it must follow at least one bill, topic, committee or initiator. */
export const SignupRequestSchema = PreferencesSchema.extend({ email: EmailAddressSchema }).refine((request) => !followsNothing(request), {
  message: 'follow at least one bill, topic, committee or initiator',
  path: ['bills'],
});

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })),
  }),
});

export const SignupAcceptedSchema = z.object({
  status: z.literal('pending'),
  message: z.string(),
});

/** A request for a fresh preferences link. */
export const ManageLinkRequestSchema = z.strictObject({ email: EmailAddressSchema });

export const ManageLinkAcceptedSchema = z.object({
  status: z.literal('accepted'),
  message: z.string(),
});

const StatusSchema = z.enum(['pending', 'active', 'unsubscribed', 'suppressed']);

export const SubscriptionSchema = z.object({
  id: z.string(),
  email: z.string(),
  status: StatusSchema,
  createdAt: z.string(),
  confirmedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  unsubscribedAt: z.string().optional(),
  suppressionReason: z.string().optional(),
  preferences: z.object({
    bills: z.array(z.string()),
    topics: z.array(z.string()),
    committees: z.array(z.string()),
    initiators: z.array(z.string()),
    language: z.enum(['ru', 'en']),
    timeZone: z.string(),
    frequency: z.enum(['instant', 'daily', 'weekly']),
    stages: z.union([z.literal('all'), z.array(z.number().int())]),
    newsAlerts: z.boolean(),
    /** The Monday "week ahead" email of the followed bills' planned events. */
    weekAhead: z.boolean(),
  }),
});
export type SubscriptionBody = z.infer<typeof SubscriptionSchema>;

export const SubscriptionListSchema = z.object({ items: z.array(SubscriptionSchema), cursor: z.string().optional() });

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

export const SubscriptionListQuerySchema = PageQuerySchema.extend({ status: StatusSchema.optional() });

export const SubscriberIdParamsSchema = z.object({ subscriberId: z.string().regex(/^s[0-9a-f]{24}$/, 'a subscriber id like s0123…') });

const HealthSchema = z.object({
  ok: z.boolean(),
  lastPolledAt: z.string().optional(),
  lastOkAt: z.string().optional(),
  lastErrorAt: z.string().optional(),
  lastError: z.string().optional(),
  consecutiveFailures: z.number(),
  errorCount: z.number(),
});

export const WatchedBillSchema = z.object({
  number: z.string(),
  watched: z.boolean(),
  title: z.string().optional(),
  status: z.string().optional(),
  currentStage: z.string().optional(),
  health: HealthSchema,
});

export const WatchedBillListSchema = z.object({ items: z.array(WatchedBillSchema), cursor: z.string().optional() });

export const SourceHealthSchema = z.object({
  /** True when no watched bill and no configured feed is failing. */
  ok: z.boolean(),
  watched: z.number().int(),
  failing: z.array(z.object({ number: z.string(), health: HealthSchema })),
  /**
   * The latest poll run of the watch list: when it ended, how many bills it polled and how each ended. A bill whose
   * page was unchanged is polled without a write of its own, so its `lastPolledAt` is the last poll that changed its state.
   */
  lastPollRun: z
    .object({ startedAt: z.string(), finishedAt: z.string(), bills: z.number().int(), changes: z.number().int(), outcomes: z.record(z.string(), z.number().int()) })
    .optional(),
  /** Every configured news feed; `health` is absent for a feed never polled. */
  feeds: z.array(z.object({ id: z.string(), label: z.string(), url: z.string(), health: HealthSchema.optional() })),
});

export const TopicListSchema = z.object({
  items: z.array(z.object({ topicId: z.string(), query: z.string(), followers: z.number().int() })),
  cursor: z.string().optional(),
});

export const TopicIdParamsSchema = z.object({ topicId: z.string().regex(/^t[0-9a-f]{24}$/, 'a topic id like t0123…') });

export const TopicSchema = z.object({ topicId: z.string(), query: z.string(), followers: z.array(z.string()) });

export const DeliveryQuerySchema = z
  .object({
    changeId: z.string().min(1).max(200).optional(),
    /** Instead of a change id: the bill whose newest event's change to show. */
    bill: BillNumberSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((query) => (query.changeId === undefined) !== (query.bill === undefined), {
    message: 'give changeId=<change id> or bill=<number> (its newest change), one of the two',
    path: ['changeId'],
  });

export const DeliveryListSchema = z.object({
  items: z.array(
    z.object({
      changeId: z.string(),
      subscriberId: z.string(),
      channel: z.string(),
      status: z.string(),
      attempts: z.number().optional(),
      firstAttemptAt: z.string().optional(),
      sentAt: z.string().optional(),
      messageId: z.string().optional(),
      skippedAt: z.string().optional(),
      skipReason: z.string().optional(),
      lastErrorAt: z.string().optional(),
      lastError: z.string().optional(),
    }),
  ),
});

export const SuppressionListSchema = z.object({
  items: z.array(
    z.object({
      email: z.string(),
      subscriberId: z.string(),
      reason: z.enum(['bounce', 'complaint']),
      detail: z.string().optional(),
      at: z.string(),
    }),
  ),
});
