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

/** Anything on the fan-out queue: a bill's changes (no `kind`, as before news travelled it) or a news item. */
export const FanOutQueueMessageSchema = z.union([NewsFanOutMessageSchema, FanOutMessageSchema]);
export type FanOutQueueMessage = z.infer<typeof FanOutQueueMessageSchema>;

/** A message on the email queue: the same changes, for one subscriber. */
export const EmailMessageSchema = FanOutMessageSchema.extend({
  subscriberId: z.string().min(1),
});
export type EmailMessage = z.infer<typeof EmailMessageSchema>;

/** A message on the email queue: one alert (topic match, "in the news") for one subscriber. */
export const AlertEmailMessageSchema = z.object({
  kind: z.literal('alert'),
  alertId: z.string().min(1),
  subscriberId: z.string().min(1),
});
export type AlertEmailMessage = z.infer<typeof AlertEmailMessageSchema>;

/** Anything on the email queue: bill changes (no `kind`, as before alerts existed) or an alert. */
export const EmailQueueMessageSchema = z.union([AlertEmailMessageSchema, EmailMessageSchema]);
export type EmailQueueMessage = z.infer<typeof EmailQueueMessageSchema>;
