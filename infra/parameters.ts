import * as z from 'zod';
import { FeedConfigSchema } from '../shared/config/config.js';
import { EMAIL_RECIPIENTS_PER_MESSAGE } from '../shared/pipeline/pipeline-messages.js';
import { FUNCTION_CATALOG } from './function-catalog.js';

const minutes = (fallback: number) => z.coerce.number().int().min(1).max(1440).default(fallback);
const email = z.string().trim().pipe(z.email());
/** send-email's emails a batch and timeout: a batch sent at its share of the SES rate must finish within the timeout. */
const SEND_EMAIL = FUNCTION_CATALOG.find((spec) => spec.name === 'send-email')!;
const SEND_EMAIL_BATCH = (SEND_EMAIL.trigger.kind === 'queue' ? SEND_EMAIL.trigger.batchSize : 1) * EMAIL_RECIPIENTS_PER_MESSAGE;
const SEND_EMAIL_SECONDS = SEND_EMAIL.timeoutSeconds;
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/**
 * The deploy-time parameters, read from the `context` of cdk.json or from `-c name=value` (the CLI passes strings,
 * hence the coercions). docs/deploy.md says what each one does.
 */
export const ParametersSchema = z.object({
  stackName: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'letters, digits and hyphens, starting with a letter').default('DumaAlerts'),
  /** The From address of every email. */
  senderEmail: email,
  /**
   * The SES identity that covers senderEmail: its domain by default (Easy DKIM and a custom MAIL FROM, what bulk-sender
   * rules ask for), or the address itself for a trial without DNS access.
   */
  senderIdentity: z.string().trim().min(3).optional(),
  /** The MAIL FROM subdomain of a domain identity (SPF and bounces aligned with the sender's domain). */
  mailFromSubdomain: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'one DNS label, e.g. mail')
    .default('mail'),
  /** The account's SES sending rate (emails per second, SESv2 GetAccount SendQuota.MaxSendRate); 1 in the sandbox. */
  sesMaxSendRate: z.coerce.number().positive().default(1),
  /** Who receives the alarms (an SNS email subscription). */
  alarmEmail: email,
  /** Where links in emails point; the HTTP API's own address when absent. */
  publicBaseUrl: z.url().optional(),
  pollBillsRateMinutes: minutes(10),
  pollFeedsRateMinutes: minutes(15),
  sweepRateMinutes: minutes(2),
  /** Digests go out at a local hour, so once an hour finds every recipient whose hour has come. */
  digestsRateMinutes: minutes(60),
  /** The local hour (0–23) at which daily and weekly digests go out (DIGEST_HOUR of send-digests). */
  digestHour: z.coerce.number().int().min(0).max(23).default(8),
  redriveWebhooksRateMinutes: minutes(1),
  /** Feeds to poll instead of the built-in defaults (shared/config), as JSON in cdk.json or a JSON string on the CLI. */
  feeds: z
    .preprocess((value) => (typeof value === 'string' ? JSON.parse(value) : value), z.array(FeedConfigSchema).min(1))
    .optional(),
  /** Name or ARN of an existing Secrets Manager secret holding the Russian-exit proxy URL; no proxy when absent. */
  dumaProxySecretName: z.string().trim().min(1).optional(),
  /**
   * Name or ARN of an existing Secrets Manager secret holding the Telegram bot token (from @BotFather); without it
   * Telegram endpoints are refused at registration.
   */
  telegramBotTokenSecretName: z.string().trim().min(1).optional(),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  logRetentionDays: z.coerce
    .number()
    .int()
    .refine((days) => RETENTION_DAYS.includes(days), `one of ${RETENTION_DAYS.join(', ')}`)
    .default(30),
  apiRateLimit: z.coerce.number().int().positive().default(50),
  apiBurstLimit: z.coerce.number().int().positive().default(100),
  /** Concurrent send-email invocations: with the batch size, this is what keeps us under the SES sending rate. */
  emailMaxConcurrency: z.coerce.number().int().min(2).max(1000).default(2),
  /** A message older than this in a work queue (fan-out, email, webhook, Slack) pages an operator. */
  queueAgeAlarmMinutes: z.coerce.number().int().min(1).max(1440).default(30),
  /** Source errors per hour (bill pages and feeds) that page an operator; a few are normal for the Duma's sites. */
  sourceErrorsPerHourAlarm: z.coerce.number().int().positive().default(30),
  /** SES reviews an account at a 5 % bounce rate and 0.1 % complaint rate; alarm before that. */
  bounceRateAlarm: z.coerce.number().gt(0).lt(1).default(0.04),
  complaintRateAlarm: z.coerce.number().gt(0).lt(1).default(0.0008),
})
  .refine((parameters) => identityCovers(senderIdentityOf(parameters), parameters.senderEmail), {
    path: ['senderIdentity'],
    message: 'must be senderEmail itself or the domain it is in, or SES will refuse to send from it',
  })
  .refine((parameters) => (parameters.sesMaxSendRate / parameters.emailMaxConcurrency) * SEND_EMAIL_SECONDS >= SEND_EMAIL_BATCH, {
    path: ['sesMaxSendRate'],
    message: `÷ emailMaxConcurrency must let one send-email batch (${SEND_EMAIL_BATCH} emails) go out within ${SEND_EMAIL_SECONDS} s: lower emailMaxConcurrency`,
  });
export type Parameters = z.infer<typeof ParametersSchema>;

/** The SES identity to create: `senderIdentity`, or the domain of `senderEmail` by default. */
export function senderIdentityOf(parameters: { senderIdentity?: string | undefined; senderEmail: string }): string {
  return parameters.senderIdentity ?? parameters.senderEmail.slice(parameters.senderEmail.lastIndexOf('@') + 1).toLowerCase();
}

function identityCovers(identity: string, senderEmail: string): boolean {
  const address = senderEmail.toLowerCase();
  const name = identity.toLowerCase();
  return name.includes('@') ? name === address : address.endsWith(`@${name}`) || address.endsWith(`.${name}`);
}

/** Thrown when a cdk.json parameter is missing or bad; the message names each one and how to set it. */
export class ParametersError extends Error {
  override readonly name = 'ParametersError';
}

/**
 * Validates the parameters found in the CDK context.
 * @param lookup reads one context key, e.g. `(key) => app.node.tryGetContext(key)`.
 * @throws ParametersError naming each bad parameter, e.g. `senderEmail: Invalid email address`.
 */
export function readParameters(lookup: (key: string) => unknown): Parameters {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ParametersSchema.shape)) {
    const value = lookup(key);
    if (value !== undefined && value !== '') raw[key] = value;
  }
  let parsed: ReturnType<typeof ParametersSchema.safeParse>;
  try {
    parsed = ParametersSchema.safeParse(raw);
  } catch (error) {
    // JSON.parse in a preprocess step throws rather than reporting an issue.
    throw new ParametersError(`Invalid parameters in cdk.json context:\n  feeds: not valid JSON: ${(error as Error).message}`);
  }
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '(root)');
    const message = issue.code === 'invalid_type' && raw[key] === undefined ? 'required but missing' : issue.message;
    return `${issue.path.join('.') || key}: ${message}`;
  });
  throw new ParametersError(
    `Invalid parameters in cdk.json context (set them under "context" in cdk.json or with -c name=value):\n  ${problems.join('\n  ')}`,
  );
}
