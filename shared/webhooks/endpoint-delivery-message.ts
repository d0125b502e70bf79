import * as z from 'zod';
import { BillNumberSchema } from '../bill/bill.js';
import { MAX_DELIVERY_ATTEMPTS } from './retry-schedule.js';
import { EndpointKindSchema } from './endpoint.js';

/**
 * Telegram only: the first of the delivery's messages not yet sent (0-based). A long one is sent as several messages,
 * and a retry after some went through resumes from here rather than posting them twice.
 */
const part = z.number().int().min(0).max(100).optional();

/**
 * A message on the webhook, Slack or Telegram queue: one attempt of one delivery (endpoint, change or alert). `attempt` is 1-based and
 * part of the claim, so a duplicate of an attempt already made is dropped rather than sent twice.
 */
export const EndpointDeliveryMessageSchema = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('bill.changed'),
    channel: EndpointKindSchema,
    endpointId: z.string().min(1),
    billNumber: BillNumberSchema,
    changeId: z.string().min(1),
    attempt: z.number().int().min(1).max(MAX_DELIVERY_ATTEMPTS),
    part,
  }),
  z.object({
    event: z.literal('alert'),
    channel: EndpointKindSchema,
    endpointId: z.string().min(1),
    /** The alert's id (topic match, "in the news"): its delivery record is per (endpoint, alert), as a change's is. */
    changeId: z.string().min(1),
    attempt: z.number().int().min(1).max(MAX_DELIVERY_ATTEMPTS),
    part,
  }),
  z.object({
    event: z.literal('ping'),
    channel: EndpointKindSchema,
    endpointId: z.string().min(1),
    /** `ping_<uuid>`: a test event has its own delivery record, like a change. */
    changeId: z.string().regex(/^ping_[0-9a-f-]{36}$/),
    /** When the test was asked for: the payload's timestamp, identical on every retry. */
    requestedAt: z.string().datetime({ offset: true }),
    attempt: z.number().int().min(1).max(MAX_DELIVERY_ATTEMPTS),
    part,
  }),
]);
export type EndpointDeliveryMessage = z.infer<typeof EndpointDeliveryMessageSchema>;

/**
 * Endpoints one first-attempt message is for. Fan-out to many endpoints of a channel shares messages, ten endpoints
 * each, so it takes a tenth of the SQS requests; every endpoint still has its own claim, record and retries (a retry
 * is a message of its own, in the one-endpoint shape above).
 */
export const ENDPOINTS_PER_MESSAGE = 10;
const endpointIds = z.array(z.string().min(1)).min(1).max(ENDPOINTS_PER_MESSAGE);

/** A message on the webhook, Slack or Telegram queue: the first attempt of one change or alert for each of its endpoints. */
export const SharedEndpointDeliverySchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('bill.changed'), channel: EndpointKindSchema, endpointIds, billNumber: BillNumberSchema, changeId: z.string().min(1) }),
  z.object({ event: z.literal('alert'), channel: EndpointKindSchema, endpointIds, changeId: z.string().min(1) }),
]);
export type SharedEndpointDelivery = z.infer<typeof SharedEndpointDeliverySchema>;

/** Anything on the webhook, Slack and Telegram queues: one attempt for one endpoint, or first attempts for several. */
export const EndpointQueueMessageSchema = z.union([SharedEndpointDeliverySchema, EndpointDeliveryMessageSchema]);
export type EndpointQueueMessage = z.infer<typeof EndpointQueueMessageSchema>;

/** The one-endpoint attempts a queue message stands for. */
export function attemptsOf(message: EndpointQueueMessage): EndpointDeliveryMessage[] {
  if (!('endpointIds' in message)) return [message];
  const { endpointIds: ids, ...delivery } = message;
  return ids.map((endpointId) => ({ ...delivery, endpointId, attempt: 1 }));
}
