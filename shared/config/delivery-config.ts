import * as z from 'zod';
import { normaliseAllowedHost } from '../net/ssrf-guard.js';

const url = z.string().url();

/** Settings of webhook, Slack and digest delivery: the `delivery` section of the configuration (shared/config). */
export const DeliveryConfigSchema = z.object({
  /** WEBHOOK_QUEUE_URL: one message per attempt of a webhook delivery. */
  webhookQueueUrl: url.optional(),
  /** SLACK_QUEUE_URL: one message per attempt of a Slack delivery. */
  slackQueueUrl: url.optional(),
  /** TELEGRAM_QUEUE_URL: one message per attempt of a Telegram delivery. */
  telegramQueueUrl: url.optional(),
  /** WEBHOOK_TIMEOUT_MS: the deadline of one attempt, connect to last byte. */
  timeoutMs: z.coerce.number().int().positive().default(15_000),
  /** WEBHOOK_MAX_RESPONSE_BYTES: response bytes read; the rest is dropped unread. */
  maxResponseBytes: z.coerce.number().int().positive().default(64 * 1024),
  /** WEBHOOK_ALLOW_HOSTS: comma-separated host:port pairs allowed plain http and non-public addresses (local runs only). */
  allowHosts: z
    .union([z.array(z.string()), z.string().transform((list) => list.split(','))])
    .default([])
    .transform((list) => list.map((entry) => entry.trim()).filter((entry) => entry !== ''))
    .pipe(z.array(z.string().transform((entry, ctx) => {
      try {
        return normaliseAllowedHost(entry);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }))),
  /** DIGEST_HOUR: the local hour digests go out at. */
  digestHour: z.coerce.number().int().min(0).max(23).default(8),
}).prefault({});
export type DeliveryConfig = z.infer<typeof DeliveryConfigSchema>;
