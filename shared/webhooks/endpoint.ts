import * as z from 'zod';
import { BillNumberSchema } from '../bill/bill.js';
import { EmailAddressSchema, LanguageSchema } from '../store/subscriber-store.js';
import { FrequencySchema, TimeZoneSchema } from '../subscriptions/subscription-preferences.js';
import { SecretRotationSchema } from './webhook-signature.js';

/** The channels an endpoint delivers to. */
export const EndpointKindSchema = z.enum(['webhook', 'slack']);
export type EndpointKind = z.infer<typeof EndpointKindSchema>;

/** Why an endpoint stopped receiving: the receiver said 410 Gone, it kept failing for 5 days, or an operator stopped it. */
export const DisabledReasonSchema = z.enum(['gone', 'failing', 'operator']);
export type DisabledReason = z.infer<typeof DisabledReasonSchema>;

/** What a subscriber gives to register an endpoint; validated at the edge (API, CLI). */
export const EndpointRegistrationSchema = z.object({
  kind: EndpointKindSchema,
  url: z.string().trim().min(1).max(2048),
  ownerEmail: EmailAddressSchema,
  language: LanguageSchema.default('ru'),
  bills: z.array(BillNumberSchema).max(200).default([]).transform((bills) => [...new Set(bills)]),
  /** Webhooks are always instant; a Slack channel may take a daily or weekly digest. */
  frequency: FrequencySchema.default('instant'),
  timeZone: TimeZoneSchema.default('Europe/Moscow'),
});
export type EndpointRegistration = z.input<typeof EndpointRegistrationSchema>;

/** A stored endpoint, as read back (validated: the table is shared, and a bad item must not crash delivery). */
export const EndpointSchema = z.object({
  id: z.string().min(1),
  kind: EndpointKindSchema,
  url: z.string().min(1),
  ownerEmail: z.string().min(1),
  language: LanguageSchema,
  bills: z.array(z.string()),
  frequency: FrequencySchema,
  timeZone: z.string().min(1),
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
