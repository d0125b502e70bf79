import * as z from 'zod';
import { BillNumberSchema } from '../bill/bill.js';

/** A message on the fan-out queue: changes of one bill, in date order, to deliver to its followers. */
export const FanOutMessageSchema = z.object({
  billNumber: BillNumberSchema,
  changeIds: z.array(z.string().min(1)).min(1),
});
export type FanOutMessage = z.infer<typeof FanOutMessageSchema>;

/** A message on the fan-out queue: a new news item, to match against every topic and route to the bills it names. */
export const NewsFanOutMessageSchema = z.object({
  kind: z.literal('news'),
  newsId: z.string().min(1),
});
export type NewsFanOutMessage = z.infer<typeof NewsFanOutMessageSchema>;

/**
 * A message on the fan-out queue: a bill whose committee or initiators were first read or changed (`signature`
 * fingerprints them), to alert the followers of each as "new bill from …".
 */
export const OriginFanOutMessageSchema = z.object({
  kind: z.literal('bill-origin'),
  billNumber: BillNumberSchema,
  signature: z.string().min(1),
});
export type OriginFanOutMessage = z.infer<typeof OriginFanOutMessageSchema>;

/** A message on the fan-out queue: a followed bill the watch list dropped (the source never had it), to tell its followers once. */
export const BillDroppedMessageSchema = z.object({
  kind: z.literal('bill-dropped'),
  billNumber: BillNumberSchema,
  droppedAt: z.iso.datetime(),
});
export type BillDroppedMessage = z.infer<typeof BillDroppedMessageSchema>;

/**
 * Anything on the fan-out queue: a bill's changes (no `kind`, as before news travelled it), a news item, a dropped bill,
 * or a bill's new origins.
 */
export const FanOutQueueMessageSchema = z.union([NewsFanOutMessageSchema, BillDroppedMessageSchema, OriginFanOutMessageSchema, FanOutMessageSchema]);
export type FanOutQueueMessage = z.infer<typeof FanOutQueueMessageSchema>;

/**
 * Subscribers one email-queue message is for. Several share a message, so fan-out to 100,000 followers is a tenth of
 * the SQS requests; ten keep a message's sends within send-email's share of the SES rate and its timeout. A message
 * queued before messages were shared names one `subscriberId`, and is read as a list of one.
 */
export const EMAIL_RECIPIENTS_PER_MESSAGE = 10;
const RecipientsSchema = z.union([
  z.object({ subscriberIds: z.array(z.string().min(1)).min(1).max(EMAIL_RECIPIENTS_PER_MESSAGE) }),
  z.object({ subscriberId: z.string().min(1) }).transform(({ subscriberId }) => ({ subscriberIds: [subscriberId] })),
]);

/** A message on the email queue: the same changes, for each of its subscribers. */
export const EmailMessageSchema = FanOutMessageSchema.and(RecipientsSchema);
export type EmailMessage = z.infer<typeof EmailMessageSchema>;

/** A message on the email queue: one alert (topic match, "in the news") for each of its subscribers. */
export const AlertEmailMessageSchema = z.object({ kind: z.literal('alert'), alertId: z.string().min(1) }).and(RecipientsSchema);
export type AlertEmailMessage = z.infer<typeof AlertEmailMessageSchema>;

/** Anything on the email queue: bill changes (no `kind`, as before alerts existed) or an alert. */
export const EmailQueueMessageSchema = z.union([AlertEmailMessageSchema, EmailMessageSchema]);
export type EmailQueueMessage = z.infer<typeof EmailQueueMessageSchema>;
