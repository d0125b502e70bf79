import * as z from 'zod';
import { BillNumberSchema } from '../bill/bill.js';
import { EmailAddressSchema, LanguageSchema } from '../store/subscriber-store.js';
import { FrequencySchema, OriginListSchema, TimeZoneSchema } from '../subscriptions/subscription-preferences.js';
import { TelegramChatIdSchema, telegramChatAddress } from '../telegram/telegram-chat.js';
import { SecretRotationSchema } from './webhook-signature.js';

/** The channels an endpoint delivers to. */
export const EndpointKindSchema = z.enum(['webhook', 'slack', 'telegram']);
export type EndpointKind = z.infer<typeof EndpointKindSchema>;

/**
 * Why an endpoint stopped receiving: the receiver said 410 Gone, the Telegram bot was removed from (or blocked by) its
 * chat (403), it kept failing for 5 days, or an operator stopped it.
 */
export const DisabledReasonSchema = z.enum(['gone', 'bot-removed', 'failing', 'operator']);
export type DisabledReason = z.infer<typeof DisabledReasonSchema>;

/**
 * What a subscriber gives to register an endpoint; validated at the edge (API, CLI). A webhook or Slack endpoint is a
 * `url`; a Telegram endpoint is a `chatId` (the bot that posts is the service's own).
 */
export const EndpointRegistrationSchema = z.object({
  kind: EndpointKindSchema,
  /** Webhook and Slack: where to POST. */
  url: z.string().trim().min(1).max(2048).optional(),
  /** Telegram: the chat the service's bot posts to. */
  chatId: TelegramChatIdSchema.optional(),
  ownerEmail: EmailAddressSchema,
  language: LanguageSchema.default('ru'),
  bills: z.array(BillNumberSchema).max(200).default([]).transform((bills) => [...new Set(bills)]),
  /** Responsible committees whose every new bill it gets ("new bill from …", `bill.new`) and follows from then on. */
  committees: OriginListSchema.default([]),
  /** Initiators (deputies, senators, bodies) whose every new bill it gets and follows from then on. */
  initiators: OriginListSchema.default([]),
  /** Webhooks are always instant; a Slack channel may take a daily or weekly digest. */
  frequency: FrequencySchema.default('instant'),
  timeZone: TimeZoneSchema.default('Europe/Moscow'),
  /** Slack and Telegram: a "week ahead" post of the followed bills' planned events, Mondays 08:00 in `timeZone`. */
  weekAhead: z.boolean().optional(),
}).superRefine((registration, context) => {
  if (registration.kind === 'webhook' && registration.weekAhead) {
    context.addIssue({ code: 'custom', path: ['weekAhead'], message: 'the week ahead is posted to Slack and Telegram endpoints, not webhooks' });
  }
  if (registration.kind === 'telegram') {
    if (registration.chatId === undefined) context.addIssue({ code: 'custom', path: ['chatId'], message: 'a Telegram endpoint needs a chatId' });
    if (registration.url !== undefined) context.addIssue({ code: 'custom', path: ['url'], message: 'a Telegram endpoint has a chatId, not a url' });
    return;
  }
  if (registration.url === undefined) context.addIssue({ code: 'custom', path: ['url'], message: `a ${registration.kind} endpoint needs a url` });
  if (registration.chatId !== undefined) context.addIssue({ code: 'custom', path: ['chatId'], message: 'chatId is for Telegram endpoints' });
});
export type EndpointRegistration = z.input<typeof EndpointRegistrationSchema>;

/** A change of the committees and initiators an endpoint follows: a list given replaces its list, one not given stays. */
export const EndpointOriginsSchema = z.strictObject({ committees: OriginListSchema.optional(), initiators: OriginListSchema.optional() });

/** Where an endpoint delivers, as shown and stored: its URL, or `telegram:<chat>` for a Telegram chat. */
export function endpointAddress(registration: { kind: EndpointKind; url?: string | undefined; chatId?: string | undefined }): string {
  return registration.kind === 'telegram' ? telegramChatAddress(registration.chatId ?? '') : (registration.url ?? '');
}

/** A stored endpoint, as read back (validated: the table is shared, and a bad item must not crash delivery). */
export const EndpointSchema = z.object({
  id: z.string().min(1),
  kind: EndpointKindSchema,
  /** Where it delivers: a URL, or `telegram:<chat>` (see {@link endpointAddress}), never fetched as such. */
  url: z.string().min(1),
  /** Telegram only: the chat the bot posts to. */
  chatId: z.string().min(1).optional(),
  ownerEmail: z.string().min(1),
  language: LanguageSchema,
  bills: z.array(z.string()),
  /** Committees and initiators it follows (shared/origins/bill-origin.ts); absent on endpoints registered before. */
  committees: z.array(z.string()).optional(),
  initiators: z.array(z.string()).optional(),
  frequency: FrequencySchema,
  timeZone: z.string().min(1),
  /** Whether it gets the Monday "week ahead" post (shared/digests/send-week-ahead.ts); absent means no. */
  weekAhead: z.boolean().optional(),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
  /** Webhooks only: the signing secrets. */
  secrets: SecretRotationSchema.optional(),
  disabledReason: DisabledReasonSchema.optional(),
  disabledAt: z.string().optional(),
  /** Start of the current unbroken run of failures; cleared by any success. */
  failingSince: z.string().optional(),
});
export type Endpoint = z.infer<typeof EndpointSchema>;
