import * as z from 'zod';
import { normaliseAllowedHost } from '../net/ssrf-guard.js';

const url = z.string().url();

/**
 * Settings of webhook, Slack and digest delivery, from the environment. They live apart from shared/config because
 * only the delivery functions read them; each field names its variable.
 */
export const DeliveryConfigSchema = z.object({
  /** WEBHOOK_QUEUE_URL: one message per attempt of a webhook delivery. */
  webhookQueueUrl: url.optional(),
  /** SLACK_QUEUE_URL: one message per attempt of a Slack delivery. */
  slackQueueUrl: url.optional(),
  /** WEBHOOK_TIMEOUT_MS: the deadline of one attempt, connect to last byte. */
  timeoutMs: z.coerce.number().int().positive().default(15_000),
  /** WEBHOOK_MAX_RESPONSE_BYTES: response bytes read; the rest is dropped unread. */
  maxResponseBytes: z.coerce.number().int().positive().default(64 * 1024),
  /** WEBHOOK_ALLOW_HOSTS: comma-separated host:port pairs allowed plain http and non-public addresses (local runs only). */
  allowHosts: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
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
});
export type DeliveryConfig = z.infer<typeof DeliveryConfigSchema>;

/**
 * Reads the delivery settings from the environment.
 * @throws Error naming each bad variable
 */
export function loadDeliveryConfig(env: NodeJS.ProcessEnv = process.env): DeliveryConfig {
  const parsed = DeliveryConfigSchema.safeParse({
    webhookQueueUrl: env.WEBHOOK_QUEUE_URL || undefined,
    slackQueueUrl: env.SLACK_QUEUE_URL || undefined,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS || undefined,
    maxResponseBytes: env.WEBHOOK_MAX_RESPONSE_BYTES || undefined,
    allowHosts: env.WEBHOOK_ALLOW_HOSTS || undefined,
    digestHour: env.DIGEST_HOUR || undefined,
  });
  if (parsed.success) return parsed.data;
  throw new Error(`Invalid delivery configuration:\n  ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n  ')}`);
}
