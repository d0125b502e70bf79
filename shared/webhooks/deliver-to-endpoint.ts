import type { Logger } from '@aws-lambda-powertools/logger';
import type { BillChange } from '../bill/bill-change.js';
import { billUrl } from '../bill/bill.js';
import { webLink } from '../email/web-link.js';
import type { Mailer } from '../email/mailer.js';
import { describeRequestError } from '../net/describe-request-error.js';
import type { SafeHttpClient } from '../net/safe-http-client.js';
import { buildSlackAlertMessage } from '../slack/slack-alert.js';
import { buildSlackBillMessage } from '../slack/slack-message.js';
import { buildSlackPingMessage } from '../slack/slack-ping.js';
import type { AlertStore } from '../store/alert-store.js';
import type { BillStore } from '../store/bill-store.js';
import type { ChangeStore } from '../store/change-store.js';
import type { DeliveryAttempt, EndpointDeliveryKey, EndpointDeliveryStore } from '../store/endpoint-delivery-store.js';
import type { EndpointStore } from '../store/endpoint-store.js';
import type { DisabledReason, Endpoint } from './endpoint.js';
import { endpointDisabledEmail } from './endpoint-disabled-email.js';
import type { EndpointDeliveryMessage } from './endpoint-delivery-message.js';
import type { RetryScheduler } from './retry-scheduler.js';
import {
  classifyDeliveryResponse,
  MAX_DELIVERY_ATTEMPTS,
  nextAttemptDelay,
  parseRetryAfter,
  shouldDisableFailingEndpoint,
  type DeliveryVerdict,
} from './retry-schedule.js';
import { sendTelegramMessages, type TelegramBotApi } from '../telegram/telegram-bot-api.js';
import { telegramAlertMessages, telegramChangeMessages, telegramManageLink, telegramPingMessages } from '../telegram/telegram-render.js';
import type { Alert } from '../topics/alert.js';
import { originName } from '../vocabulary/origin-names.js';
import { findBillMention } from './bill-mention.js';
import { buildBillChangedPayload, buildBillDroppedPayload, buildBillNewPayload, buildBillNewsPayload, buildPingPayload, buildTopicMatchedPayload, type WebhookPayload } from './webhook-payload.js';
import { buildWebhookRequest } from './webhook-request.js';
import { PayloadTooLargeError } from './shrink-to-fit.js';
import { signingSecretsAt } from './webhook-signature.js';

export interface EndpointDeliveryDependencies {
  endpoints: EndpointStore;
  deliveries: EndpointDeliveryStore;
  changes: ChangeStore;
  /** Topic matches and "in the news" alerts, for alert deliveries. */
  alerts: Pick<AlertStore, 'get'>;
  /** Gives `bill.news` the bill's title; without it the title is null. */
  bills?: Pick<BillStore, 'get'>;
  retries: RetryScheduler;
  http: SafeHttpClient;
  /** Tells an owner their endpoint was disabled. */
  mailer: Mailer;
  now: () => Date;
  /** Jitter source in [0, 1). */
  random: () => number;
  logger: Logger;
  /** How long a claim holds off other consumers; longer than the HTTP timeout. */
  leaseMs?: number;
  /** The service's Telegram bot; without one (no TELEGRAM_BOT_TOKEN) a Telegram delivery fails as unsendable. */
  telegram?: TelegramBotApi;
  /** The API's public address, for the manage link under Telegram messages. */
  publicBaseUrl?: string;
}

/** Why a Telegram delivery cannot be made where no bot token is configured. */
export const TELEGRAM_NOT_CONFIGURED = 'Telegram is not configured: no bot token (TELEGRAM_BOT_TOKEN)';

/** Thrown when another consumer is making this delivery's attempt: the queue retries the message later. */
export class EndpointDeliveryBusyError extends Error {
  override readonly name = 'EndpointDeliveryBusyError';
}

/** What one attempt did, for the caller and the tests. */
export type AttemptResult = 'delivered' | 'retry-scheduled' | 'failed' | 'endpoint-disabled' | 'missed' | 'duplicate' | 'skipped';

/** The id every attempt of a delivery is signed under: the `webhook-id` receivers deduplicate on derives from it. */
export function endpointDeliveryId(key: EndpointDeliveryKey): string {
  return `${key.channel}:${key.endpointId}:${key.changeId}`;
}

/**
 * Makes one attempt of one delivery (a message of the webhook or Slack queue): claims it on its delivery record, POSTs
 * through the SSRF-safe client, records the outcome, and schedules the next attempt on the retry schedule (honouring
 * Retry-After). 410 disables the endpoint; 5 days of failures disable it and email its owner; a disabled endpoint's
 * deliveries are recorded as missed, for replay. Receiver failures never throw: only our own faults do, so the
 * message is retried by SQS and, if it keeps failing, lands in the DLQ.
 */
export async function deliverToEndpoint(deps: EndpointDeliveryDependencies, message: EndpointDeliveryMessage): Promise<AttemptResult> {
  const key: EndpointDeliveryKey = { changeId: message.changeId, endpointId: message.endpointId, channel: message.channel };
  const meta = { event: message.event, ...(message.event === 'bill.changed' ? { billNumber: message.billNumber } : {}) };
  const endpoint = await deps.endpoints.get(message.endpointId);
  if (!endpoint || endpoint.kind !== message.channel) {
    deps.logger.warn('delivery for an unknown endpoint dropped', { endpointId: message.endpointId, changeId: message.changeId });
    return 'skipped';
  }
  // A test event is how an owner checks a disabled endpoint before enabling it again, so it goes out regardless.
  if (endpoint.status === 'disabled' && message.event !== 'ping') {
    await deps.deliveries.markMissed(key, meta, deps.now().toISOString(), `endpoint disabled (${endpoint.disabledReason ?? 'unknown'})`);
    return 'missed';
  }

  // Built before the claim: a request that cannot be made is recorded as failed, never left "sending" by a throw.
  const request = await requestFor(deps, endpoint, message, key);
  if (typeof request === 'string') {
    await deps.deliveries.markUnsendable(key, meta, deps.now().toISOString(), request);
    deps.logger.warn('delivery cannot be sent', { endpointId: endpoint.id, changeId: message.changeId, reason: request });
    return 'failed';
  }

  const claim = await deps.deliveries.claimAttempt(key, message.attempt, meta, deps.now(), deps.leaseMs ?? 60_000);
  if (claim === 'duplicate') return 'duplicate';
  if (claim === 'busy') throw new EndpointDeliveryBusyError(`attempt ${message.attempt} of ${endpointDeliveryId(key)} is in progress`);

  const startedAt = deps.now();
  const started = performance.now();
  const outcome = request.kind === 'telegram' ? await sendToTelegram(request, message) : await postToUrl(deps.http, endpoint.url, request, message.attempt, startedAt);
  const durationMs = Math.round(performance.now() - started);
  const attempt = attemptEntry(message.attempt, startedAt, outcome.result, durationMs);

  if (outcome.verdict === 'delivered') {
    await deps.deliveries.finishAttempt(key, { status: 'delivered', attempt });
    await deps.endpoints.recordSuccess(endpoint.id);
    return 'delivered';
  }
  if (outcome.verdict === 'disable-endpoint') {
    await deps.deliveries.finishAttempt(key, { status: 'missed', attempt });
    await disableEndpoint(deps, endpoint, endpoint.kind === 'telegram' ? 'bot-removed' : 'gone');
    return 'endpoint-disabled';
  }

  const now = deps.now();
  const failingSince = await deps.endpoints.recordFailure(endpoint.id, now.toISOString());
  if (message.event !== 'ping' && shouldDisableFailingEndpoint(new Date(failingSince), now)) {
    await deps.deliveries.finishAttempt(key, { status: 'missed', attempt });
    await disableEndpoint(deps, endpoint, 'failing');
    return 'endpoint-disabled';
  }
  if (outcome.verdict === 'failed-permanently') {
    await deps.deliveries.finishAttempt(key, { status: 'failed', attempt });
    return 'failed';
  }
  const delayMs = nextAttemptDelay(message.attempt, { random: deps.random, ...(outcome.retryAfterSeconds !== undefined ? { retryAfterSeconds: outcome.retryAfterSeconds } : {}) });
  if (delayMs === undefined) throw new Error(`no delay after attempt ${message.attempt}, though attempts remain`);
  // Scheduled before the record says so: a crash in between repeats this attempt rather than losing the next one.
  const next = { ...message, attempt: message.attempt + 1, ...(outcome.nextPart ? { part: outcome.nextPart } : {}) };
  await deps.retries.schedule(next, delayMs, now);
  await deps.deliveries.finishAttempt(key, { status: 'retrying', attempt, nextAttemptAt: new Date(now.getTime() + delayMs).toISOString() });
  return 'retry-scheduled';
}

/** What an attempt needs: an HTTP request (webhook, Slack), or a Telegram chat with its messages in order. */
type DeliveryRequest =
  | { kind: 'http'; headers: Record<string, string>; body: string }
  | { kind: 'telegram'; bot: TelegramBotApi; chatId: string; messages: string[] };

/** An attempt's outcome on any channel: the verdict, the delivery log's line, and what the next attempt needs. */
interface AttemptOutcome {
  verdict: DeliveryVerdict;
  result: string;
  retryAfterSeconds?: number;
  /** Telegram: the first message the next attempt sends. */
  nextPart?: number;
}

/** The request for an attempt, or why there is none to make (what it carries is gone, has no webhook form, or no bot). */
async function requestFor(
  deps: EndpointDeliveryDependencies,
  endpoint: Endpoint,
  message: EndpointDeliveryMessage,
  key: EndpointDeliveryKey,
): Promise<DeliveryRequest | string> {
  const content = await contentOf(deps, message);
  if (typeof content === 'string') return content;
  if (endpoint.kind === 'telegram') return telegramRequest(deps, endpoint, content);
  if (endpoint.kind === 'slack') {
    const slack =
      content.kind === 'change'
        ? buildSlackBillMessage(content.change, endpoint.language)
        : content.kind === 'alert'
          ? buildSlackAlertMessage(content.alert, endpoint.language)
          : buildSlackPingMessage(endpoint.language);
    return { kind: 'http', headers: { 'content-type': 'application/json' }, body: JSON.stringify(slack) };
  }
  if (!endpoint.secrets) throw new Error(`webhook endpoint ${endpoint.id} has no signing secret`);
  let payload: WebhookPayload | undefined;
  try {
    payload = await webhookPayload(deps, content);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return `payload too large: ${error.message}`;
    throw error;
  }
  if (!payload) return 'topic match has no web link';
  const signed = buildWebhookRequest({
    deliveryId: endpointDeliveryId(key),
    payload,
    secrets: signingSecretsAt(endpoint.secrets, deps.now()),
    sentAt: deps.now(),
  });
  return { kind: 'http', ...signed };
}

/** A Telegram chat's messages for the content, with the endpoint's manage link under each change and alert. */
function telegramRequest(deps: EndpointDeliveryDependencies, endpoint: Endpoint, content: DeliveryContent): DeliveryRequest | string {
  if (!deps.telegram) return TELEGRAM_NOT_CONFIGURED;
  if (!endpoint.chatId) throw new Error(`telegram endpoint ${endpoint.id} has no chat id`);
  const links = deps.publicBaseUrl ? [telegramManageLink(deps.publicBaseUrl, endpoint.id, endpoint.language)] : [];
  const messages =
    content.kind === 'change'
      ? telegramChangeMessages(content.change, endpoint.language, links)
      : content.kind === 'alert'
        ? telegramAlertMessages(content.alert, endpoint.language, links)
        : telegramPingMessages(endpoint.language);
  return { kind: 'telegram', bot: deps.telegram, chatId: endpoint.chatId, messages };
}

type DeliveryContent = { kind: 'change'; change: BillChange } | { kind: 'alert'; alert: Alert } | { kind: 'ping'; requestedAt: string };

/** What a message delivers, read from its store; a string says what could not be found. */
async function contentOf(deps: EndpointDeliveryDependencies, message: EndpointDeliveryMessage): Promise<DeliveryContent | string> {
  switch (message.event) {
    case 'bill.changed': {
      const change = await deps.changes.get(message.billNumber, message.changeId);
      return change ? { kind: 'change', change } : 'change not found';
    }
    case 'alert': {
      const alert = await deps.alerts.get(message.changeId);
      return alert ? { kind: 'alert', alert } : 'alert not found';
    }
    case 'ping':
      return { kind: 'ping', requestedAt: message.requestedAt };
  }
}

/**
 * The signed body's payload, stamped with when its change was detected or its alert raised, so every retry sends the
 * same body. A topic match is `topic.matched` and needs the item's web link; "in the news" is `bill.news`; a bill
 * from a followed committee or initiator is `bill.new`.
 */
async function webhookPayload(deps: EndpointDeliveryDependencies, content: DeliveryContent): Promise<WebhookPayload | undefined> {
  if (content.kind === 'change') return buildBillChangedPayload(content.change);
  if (content.kind === 'ping') return buildPingPayload(new Date(content.requestedAt));
  const { alert } = content;
  if (alert.kind === 'bill-dropped') return buildBillDroppedPayload(alert.id, alert.billNumber, new Date(alert.createdAt));
  const link = alert.item.link ? webLink(alert.item.link) : undefined;
  const source = alert.item.sourceLabel ?? alert.item.source;
  const publishedAt = alert.item.publishedAt ? { publishedAt: alert.item.publishedAt } : {};
  if (alert.kind === 'bill-news') {
    const title = (await deps.bills?.get(alert.billNumber))?.bill?.title;
    const mention = findBillMention(alert.item, alert.billNumber);
    return buildBillNewsPayload(
      {
        alertId: alert.id,
        bill: { number: alert.billNumber, url: billUrl(alert.billNumber), ...(title ? { title } : {}) },
        item: { title: alert.item.title, source, ...(link ? { link } : {}), ...publishedAt },
        ...(mention ? { why: mention } : {}),
      },
      new Date(alert.createdAt),
    );
  }
  if (alert.kind === 'new-bill') {
    const { origin } = alert;
    return buildBillNewPayload(
      {
        alertId: alert.id,
        bill: { number: alert.billNumber, title: alert.item.title, url: alert.item.link ?? billUrl(alert.billNumber) },
        origin: { kind: origin.kind, name: origin.name, nameEn: originName(origin, 'en') },
      },
      new Date(alert.createdAt),
    );
  }
  if (!link) return undefined;
  const unique = (values: string[]) => [...new Set(values)];
  return buildTopicMatchedPayload(
    {
      topic: { id: alert.topic.key, query: alert.topic.query },
      item: { title: alert.item.title, link, source, ...publishedAt, ...(alert.item.summary ? { summary: alert.item.summary } : {}) },
      why: {
        matchedWords: unique(alert.why.flatMap((hit) => hit.found)),
        fields: unique(alert.why.map((hit) => hit.field)),
        terms: alert.why,
      },
    },
    new Date(alert.createdAt),
  );
}

/** POSTs a webhook or Slack request and classifies the answer (410 disables; Retry-After is honoured). */
async function postToUrl(
  http: SafeHttpClient,
  url: string,
  request: { headers: Record<string, string>; body: string },
  attemptNumber: number,
  now: Date,
): Promise<AttemptOutcome> {
  try {
    const response = await http.post(url, request);
    const { status, headers } = response;
    const retryAfterSeconds = parseRetryAfter(headers['retry-after'], now);
    return {
      verdict: classifyDeliveryResponse({ status }, attemptNumber),
      result: status >= 300 && status < 400 ? `HTTP ${status} (redirect to ${headers.location ?? '?'} not followed)` : `HTTP ${status}`,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  } catch (error) {
    return { verdict: classifyDeliveryResponse({ error }, attemptNumber), result: describeRequestError(error) };
  }
}

/**
 * Sends a Telegram delivery's messages from the message's `part` on: 403 (bot removed, chat gone) disables the
 * endpoint, another 4xx ("chat not found") fails at once, and 429 (its `retry_after`), 5xx and timeouts are retried on
 * the schedule, from the first message that did not go through.
 */
async function sendToTelegram(request: Extract<DeliveryRequest, { kind: 'telegram' }>, message: EndpointDeliveryMessage): Promise<AttemptOutcome> {
  const firstPart = message.part ?? 0;
  const { sent, last } = await sendTelegramMessages(request.bot, request.chatId, request.messages, firstPart);
  const total = request.messages.length;
  const progress = total > 1 ? ` (${firstPart + sent} of ${total} messages sent)` : '';
  const result = `${last.result}${progress}`;
  switch (last.kind) {
    case 'sent':
      return { verdict: 'delivered', result };
    case 'bot-removed':
      return { verdict: 'disable-endpoint', result };
    case 'rejected':
      return { verdict: 'failed-permanently', result };
    case 'retry-after':
    case 'unavailable': {
      const verdict = message.attempt < MAX_DELIVERY_ATTEMPTS ? 'retry' : 'failed-permanently';
      const retryAfter = last.kind === 'retry-after' ? { retryAfterSeconds: last.retryAfterSeconds } : {};
      return { verdict, result, nextPart: firstPart + sent, ...retryAfter };
    }
  }
}

function attemptEntry(attempt: number, at: Date, result: string, durationMs: number): DeliveryAttempt {
  return { attempt, at: at.toISOString(), result, durationMs };
}

/** Disables an endpoint and, if this call is the one that disabled it, emails its owner why. */
export async function disableEndpoint(
  deps: Pick<EndpointDeliveryDependencies, 'endpoints' | 'mailer' | 'now' | 'logger'>,
  endpoint: Endpoint,
  reason: DisabledReason,
): Promise<void> {
  if (!(await deps.endpoints.disable(endpoint.id, reason, deps.now().toISOString()))) return;
  deps.logger.warn('endpoint disabled', { endpointId: endpoint.id, reason });
  await deps.mailer.send(endpointDisabledEmail(endpoint, reason));
}
