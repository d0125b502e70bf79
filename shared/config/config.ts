import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { SenderAddressSchema } from '../email/sender-address.js';
import { DeliveryConfigSchema } from './delivery-config.js';
import { TelegramConfigSchema } from './telegram-config.js';

/**
 * The most any subscription can follow, whatever the configuration: more is a newsroom's whole watch list, which
 * belongs in the admin API, not one person's email. `subscriberLimits` may set lower caps.
 */
export const MAX_BILLS_PER_SUBSCRIBER = 200;
export const MAX_TOPICS_PER_SUBSCRIBER = 50;
/** Committees, and initiators, each: enough for a newsroom's whole beat. */
export const MAX_ORIGINS_PER_SUBSCRIBER = 50;

const url = z.string().url();

/** A news feed to poll: its stable id (part of every item's key, so never renamed), address, language and label. */
export const FeedConfigSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a feed id is 1–40 lower-case letters, digits and dashes'),
  url,
  language: z.enum(['ru', 'en']),
  label: z.string().min(1).max(100),
  /**
   * The feed announces new bills (the Duma API's search feed): each bill it names that the service has not read is
   * read once from sozd for its passport, so followers of its committee or initiators hear of it ("new bill from …").
   */
  newBills: z.boolean().optional(),
});
export type FeedConfig = z.infer<typeof FeedConfigSchema>;

/** The feeds of the issue: the Duma's news, the Duma API's search feed of new bills, and news in English and Russian. */
export const DEFAULT_FEEDS: FeedConfig[] = [
  { id: 'duma-news', url: 'http://duma.gov.ru/news/rss/', language: 'ru', label: 'Государственная Дума: новости' },
  { id: 'duma-api-bills', url: 'http://api.duma.gov.ru/api/search.rss', language: 'ru', label: 'Государственная Дума: новые законопроекты', newBills: true },
  { id: 'moscow-times-en', url: 'https://www.themoscowtimes.com/rss/news', language: 'en', label: 'The Moscow Times' },
  { id: 'moscow-times-ru', url: 'https://ru.themoscowtimes.com/rss/news', language: 'ru', label: 'The Moscow Times (рус.)' },
  { id: 'meduza-en', url: 'https://meduza.io/rss/en/all', language: 'en', label: 'Meduza' },
  { id: 'meduza-ru', url: 'https://meduza.io/rss/all', language: 'ru', label: 'Медуза' },
  { id: 'tass-en', url: 'https://tass.com/rss/v2.xml', language: 'en', label: 'TASS' },
  { id: 'tass-ru', url: 'https://tass.ru/rss/v2.xml', language: 'ru', label: 'ТАСС' },
];
const positiveInt = z.coerce.number().int().positive();
const cron = z
  .string()
  .trim()
  .regex(/^(\S+\s+){4,5}\S+$/, 'a cron expression of 5 or 6 fields, e.g. "*/10 * * * *"');

/**
 * Everything duma-alerts can be told, in one schema. Each field lists the environment variable that sets it;
 * an optional JSON file (DUMA_ALERTS_CONFIG) holds the same shape, and the environment wins over the file.
 */
export const ConfigSchema = z.object({
  tableName: z.string().min(3).default('duma-alerts'),
  queues: z.object({
    /** Changes to fan out to their followers. */
    fanOutUrl: url.optional(),
    /** One message per (change, subscriber) to email. */
    emailUrl: url.optional(),
    /** Where fan-out messages land after their last failed receive; `status` reports its depth. */
    fanOutDlqUrl: url.optional(),
    /** Where email messages land after their last failed receive; `status` reports its depth. */
    emailDlqUrl: url.optional(),
    /** Where webhook delivery messages land after their last failed receive; `status` reports its depth. */
    webhookDlqUrl: url.optional(),
    /** Where Slack delivery messages land after their last failed receive; `status` reports its depth. */
    slackDlqUrl: url.optional(),
    /** Where Telegram delivery messages land after their last failed receive; `status` reports its depth. */
    telegramDlqUrl: url.optional(),
    /** Where poll tasks land after their last failed receive. */
    pollTasksDlqUrl: url.optional(),
    /**
     * The local queue emulator's address (fauxqs; `npm start` sets it): the console reads each queue's oldest message
     * from its inspection endpoint. Absent in AWS, where CloudWatch's ApproximateAgeOfOldestMessage says it.
     */
    inspectUrl: url.optional(),
  }),
  email: z.object({
    /** The verified SES sender: an address, or a name and an address (`duma-alerts <alerts@example.org>`). */
    from: SenderAddressSchema.default('alerts@duma-alerts.local'),
    configurationSet: z.string().optional(),
    /** Emails a second one send-email invocation may start (its share of the SES sending rate); unpaced when absent. */
    sendRatePerInvocation: z.coerce.number().positive().optional(),
  }),
  /** Where links in emails point (unsubscribe, preferences): the API's public address. */
  publicBaseUrl: url.default('http://127.0.0.1:8787'),
  /** HMAC secrets for signed links; the first signs, all verify (rotation). */
  tokenSecrets: z.array(z.string().min(32, 'a token secret needs at least 32 characters')).min(1).optional(),
  sozd: z.object({
    baseUrl: url.default('https://sozd.duma.gov.ru'),
    /** HTTP(S) proxy with a Russian exit: the Duma's sites are often unreachable from abroad. */
    proxyUrl: url.optional(),
    userAgent: z.string().min(8).default('duma-alerts/0.1 (+https://github.com/duma-alerts/duma-alerts)'),
    timeoutMs: positiveInt.default(20_000),
    maxBytes: positiveInt.default(12 * 1024 * 1024),
    maxInFlightPerHost: positiveInt.default(2),
    // 1,000 bills every 10 minutes need 1.7 requests a second: 400 ms keeps a cycle near 400 s, within the poller's timeout.
    minGapMsPerHost: z.coerce.number().int().nonnegative().default(400),
    retryAttempts: z.coerce.number().int().min(1).max(10).default(3),
  }),
  /**
   * Adaptive polling (docs/deploy.md, "Polling at scale"): each bill is polled as often as its tier says, the most
   * overdue first, within a time budget, never faster than `hostRequestsPerSecond` to sozd however many pollers run.
   */
  polling: z
    .object({
      /**
       * The poll runs' interval (POLL_BILLS_SCHEDULE, `pollBillsRateMinutes` in AWS): bills with a planned event soon,
       * a recent event, or no first read yet are polled every run; a run takes what sozd may be asked in this time.
       */
      activeEveryMinutes: positiveInt.default(10),
      /** Bills that are neither active nor finished; 0 polls them every run too. */
      dormantEveryMinutes: z.coerce.number().int().nonnegative().default(120),
      /** Archived bills and published laws; 0 polls them every run too. */
      restingEveryMinutes: z.coerce.number().int().nonnegative().default(1440),
      /** An event this recent keeps a bill active. */
      recentEventDays: positiveInt.default(30),
      /** A planned event this close makes a bill active. */
      plannedSoonDays: positiveInt.default(14),
      /** Requests per second to sozd across every poller (a DynamoDB time-slot item shares the pace). */
      hostRequestsPerSecond: z.coerce.number().positive().max(50).default(2.5),
      /**
       * Share of an invocation's remaining time after which a run starts no more polls and reports; below the 80 %
       * duration alarm, so that the polls in flight (20 s at most) finish under it.
       */
      budgetFraction: z.coerce.number().min(0.1).max(0.95).default(0.7),
      /** Bills per poll task when a run hands work to the poll-tasks queue. */
      taskSize: positiveInt.max(200).default(50),
      /** The poll-tasks queue (poll-bill-tasks consumes it); without it a run polls everything itself. */
      tasksQueueUrl: url.optional(),
    })
    .prefault({}),
  schedules: z.object({
    pollBills: cron.default('*/10 * * * *'),
    sweep: cron.default('*/2 * * * *'),
    pollFeeds: cron.default('*/15 * * * *'),
  }),
  /** News feeds to poll; ids must be unique, since an item is known by its feed id and its own key. */
  feeds: z
    .array(FeedConfigSchema)
    .refine((feeds) => new Set(feeds.map((feed) => feed.id)).size === feeds.length, 'feed ids must be unique')
    .default(DEFAULT_FEEDS),
  /** Feed fetching: the same polite fetcher as sozd (its proxy and User-Agent), with limits for feeds. */
  feedFetch: z.object({
    timeoutMs: positiveInt.default(20_000),
    /** parseFeed refuses more than 5 MiB anyway; the fetcher stops reading there. */
    maxBytes: positiveInt.default(5 * 1024 * 1024),
    minGapMsPerHost: z.coerce.number().int().nonnegative().default(1_000),
    retryAttempts: z.coerce.number().int().min(1).max(10).default(2),
  }),
  /** A change that was written but not queued for this long is re-queued by the sweeper. */
  sweepGraceSeconds: positiveInt.default(60),
  /** The admin API key (header x-api-key); without one, the admin API refuses every request. */
  adminApiKey: z.string().min(32, 'an admin API key needs at least 32 characters').optional(),
  /** Sign-up limits, kept in DynamoDB across Lambda instances. */
  signup: z.object({
    perClientIpPerHour: positiveInt.default(20),
    /**
     * At most one confirmation email per address within this many minutes; further sign-ups in the meantime get
     * the same answer and no email (no per-address refusal, which would lock the owner out and reveal the address).
     */
    confirmationCooldownMinutes: positiveInt.default(10),
    /** Every sign-up answers no sooner than this after it arrived, so timing tells nothing of the address's state. */
    settleMs: z.coerce.number().int().min(0).max(5000).default(300),
  }).prefault({}),
  /** How much one subscriber may follow (a sign-up or a change asking for more is refused, naming the limit). */
  subscriberLimits: z.object({
    maxBills: z.coerce.number().int().min(1).max(MAX_BILLS_PER_SUBSCRIBER).default(100),
    maxTopics: z.coerce.number().int().min(1).max(MAX_TOPICS_PER_SUBSCRIBER).default(MAX_TOPICS_PER_SUBSCRIBER),
    /** Committees followed, and initiators followed, each (issue 15: "new bill from …"). */
    maxOrigins: z.coerce.number().int().min(1).max(MAX_ORIGINS_PER_SUBSCRIBER).default(20),
  }).prefault({}),
  delivery: DeliveryConfigSchema,
  telegram: TelegramConfigSchema,
  /** True when running in AWS (a Lambda function): links then must be https. Set from AWS_LAMBDA_FUNCTION_NAME. */
  deployed: z.boolean().default(false),
}).superRefine((config, context) => {
  if (config.deployed && !config.publicBaseUrl.startsWith('https://')) {
    context.addIssue({ code: 'custom', path: ['publicBaseUrl'], message: 'must be an https URL when running in AWS: links carry credentials' });
  }
});
export type Config = z.infer<typeof ConfigSchema>;

/** Which environment variable sets which field (dotted path). */
const ENV_FIELDS: Record<string, string> = {
  TABLE_NAME: 'tableName',
  FAN_OUT_QUEUE_URL: 'queues.fanOutUrl',
  EMAIL_QUEUE_URL: 'queues.emailUrl',
  FAN_OUT_DLQ_URL: 'queues.fanOutDlqUrl',
  QUEUE_INSPECT_URL: 'queues.inspectUrl',
  EMAIL_DLQ_URL: 'queues.emailDlqUrl',
  WEBHOOK_DLQ_URL: 'queues.webhookDlqUrl',
  SLACK_DLQ_URL: 'queues.slackDlqUrl',
  TELEGRAM_DLQ_URL: 'queues.telegramDlqUrl',
  POLL_TASKS_DLQ_URL: 'queues.pollTasksDlqUrl',
  SENDER_EMAIL: 'email.from',
  SES_CONFIGURATION_SET: 'email.configurationSet',
  SES_SEND_RATE_PER_INVOCATION: 'email.sendRatePerInvocation',
  PUBLIC_BASE_URL: 'publicBaseUrl',
  TOKEN_SECRETS: 'tokenSecrets',
  SOZD_BASE_URL: 'sozd.baseUrl',
  DUMA_PROXY_URL: 'sozd.proxyUrl',
  SOZD_USER_AGENT: 'sozd.userAgent',
  SOZD_TIMEOUT_MS: 'sozd.timeoutMs',
  SOZD_MAX_BYTES: 'sozd.maxBytes',
  SOZD_MAX_IN_FLIGHT: 'sozd.maxInFlightPerHost',
  SOZD_MIN_GAP_MS: 'sozd.minGapMsPerHost',
  SOZD_RETRY_ATTEMPTS: 'sozd.retryAttempts',
  POLL_ACTIVE_MINUTES: 'polling.activeEveryMinutes',
  POLL_DORMANT_MINUTES: 'polling.dormantEveryMinutes',
  POLL_RESTING_MINUTES: 'polling.restingEveryMinutes',
  POLL_RECENT_EVENT_DAYS: 'polling.recentEventDays',
  POLL_PLANNED_SOON_DAYS: 'polling.plannedSoonDays',
  SOZD_REQUESTS_PER_SECOND: 'polling.hostRequestsPerSecond',
  POLL_BUDGET_FRACTION: 'polling.budgetFraction',
  POLL_TASK_SIZE: 'polling.taskSize',
  POLL_TASKS_QUEUE_URL: 'polling.tasksQueueUrl',
  POLL_BILLS_SCHEDULE: 'schedules.pollBills',
  SWEEP_SCHEDULE: 'schedules.sweep',
  POLL_FEEDS_SCHEDULE: 'schedules.pollFeeds',
  FEEDS: 'feeds',
  FEED_TIMEOUT_MS: 'feedFetch.timeoutMs',
  FEED_MAX_BYTES: 'feedFetch.maxBytes',
  FEED_MIN_GAP_MS: 'feedFetch.minGapMsPerHost',
  FEED_RETRY_ATTEMPTS: 'feedFetch.retryAttempts',
  SWEEP_GRACE_SECONDS: 'sweepGraceSeconds',
  ADMIN_API_KEY: 'adminApiKey',
  SIGNUP_LIMIT_PER_IP_PER_HOUR: 'signup.perClientIpPerHour',
  SIGNUP_SETTLE_MS: 'signup.settleMs',
  MAX_BILLS_PER_SUBSCRIBER: 'subscriberLimits.maxBills',
  MAX_TOPICS_PER_SUBSCRIBER: 'subscriberLimits.maxTopics',
  MAX_ORIGINS_PER_SUBSCRIBER: 'subscriberLimits.maxOrigins',
  CONFIRMATION_COOLDOWN_MINUTES: 'signup.confirmationCooldownMinutes',
  WEBHOOK_QUEUE_URL: 'delivery.webhookQueueUrl',
  SLACK_QUEUE_URL: 'delivery.slackQueueUrl',
  TELEGRAM_QUEUE_URL: 'delivery.telegramQueueUrl',
  WEBHOOK_TIMEOUT_MS: 'delivery.timeoutMs',
  WEBHOOK_MAX_RESPONSE_BYTES: 'delivery.maxResponseBytes',
  WEBHOOK_ALLOW_HOSTS: 'delivery.allowHosts',
  DIGEST_HOUR: 'delivery.digestHour',
  TELEGRAM_API_BASE_URL: 'telegram.apiBaseUrl',
  TELEGRAM_BOT_TOKEN: 'telegram.botToken',
};
/** The field (dotted path) an environment variable sets, e.g. `sozd.proxyUrl` for DUMA_PROXY_URL. */
export function configFieldOf(variable: string): string | undefined {
  return ENV_FIELDS[variable];
}

/**
 * The configuration variables set (non-empty) in `env`, and the file named by DUMA_ALERTS_CONFIG: what a process
 * must be given to be configured as the one that has `env`.
 */
export function configVariablesIn(env: NodeJS.ProcessEnv): Record<string, string> {
  const names = ['DUMA_ALERTS_CONFIG', ...Object.keys(ENV_FIELDS)];
  return Object.fromEntries(names.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
}

const FIELD_ENV = Object.fromEntries(Object.entries(ENV_FIELDS).map(([env, field]) => [field, env]));

/** Thrown when configuration is invalid; the message names every bad field and its variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads the configuration from an optional JSON file and the environment, and validates it.
 * @throws ConfigError naming each bad field, e.g. `sozd.proxyUrl (DUMA_PROXY_URL): Invalid URL`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = env.DUMA_ALERTS_CONFIG ? readConfigFile(env.DUMA_ALERTS_CONFIG) : {};
  for (const [name, field] of Object.entries(ENV_FIELDS)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    setPath(raw, field, parseEnvValue(name, value));
  }
  for (const key of ['queues', 'email', 'sozd', 'schedules', 'feedFetch']) raw[key] ??= {};
  if (env.AWS_LAMBDA_FUNCTION_NAME) raw.deployed = true;
  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.join('.');
    const variable = FIELD_ENV[field] ?? FIELD_ENV[issue.path.slice(0, -1).join('.')];
    return `${field || '(root)'}${variable ? ` (${variable})` : ''}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}

/** Most variables are one value; TOKEN_SECRETS is a comma list and FEEDS a JSON array of feeds. */
function parseEnvValue(name: string, value: string): unknown {
  if (name === 'TOKEN_SECRETS') return value.split(',').map((s) => s.trim());
  if (name !== 'FEEDS') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new ConfigError(`Invalid configuration: feeds (FEEDS) is not JSON: ${(error as Error).message}`);
  }
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Invalid configuration: cannot read DUMA_ALERTS_CONFIG file ${path}: ${(error as Error).message}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`Invalid configuration: ${path} is not a JSON object: ${(error as Error).message}`);
  }
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : (node[key] = {});
  }
  node[keys[keys.length - 1]!] = value;
}
