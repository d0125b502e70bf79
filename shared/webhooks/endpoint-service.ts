import { randomBytes, randomUUID } from 'node:crypto';
import type { MessageQueue } from '../queue/message-queue.js';
import { BlockedAddressError, checkOutboundUrl } from '../net/ssrf-guard.js';
import type { Language } from '../bill/stages.js';
import type { DeliveryAttempt, DeliveryLogPage, EndpointDeliveryRecord, EndpointDeliveryStore } from '../store/endpoint-delivery-store.js';
import type { EndpointStore } from '../store/endpoint-store.js';
import { sendTelegramMessages, type TelegramBotApi } from '../telegram/telegram-bot-api.js';
import { telegramPingMessages } from '../telegram/telegram-render.js';
import { endpointAddress, EndpointOriginsSchema, EndpointRegistrationSchema, type Endpoint, type EndpointKind, type EndpointRegistration } from './endpoint.js';
import type { EndpointDeliveryMessage } from './endpoint-delivery-message.js';
import { generateWebhookSecret, type WebhookSecret } from './webhook-signature.js';

/** What the endpoint service needs; the API and CLI build it once. */
export interface EndpointServiceDependencies {
  endpoints: EndpointStore;
  deliveries: EndpointDeliveryStore;
  queues: Record<EndpointKind, MessageQueue>;
  /** Normalised `host:port` pairs an operator allows for local runs (see normaliseAllowedHost). */
  allowedHosts: ReadonlySet<string>;
  /** Committees, and initiators, one endpoint may follow (config `subscriberLimits.maxOrigins`, as for a subscriber). */
  maxOrigins: number;
  /** The service's Telegram bot; without one, Telegram endpoints are refused. */
  telegram?: TelegramBotApi;
  now: () => Date;
}

/** The URL or another part of a registration was refused; the message says why, for the API's 400. */
export class EndpointRegistrationError extends Error {
  override readonly name = 'EndpointRegistrationError';
  /** The registration field at fault: `url`, `chatId` for a Telegram chat, or a list of origins over the limit. */
  readonly field: 'url' | 'chatId' | 'committees' | 'initiators';

  constructor(message: string, field: EndpointRegistrationError['field'] = 'url') {
    super(message);
    this.field = field;
  }
}

/** Slack incoming webhooks live on this host only: anything else is not Slack. */
const SLACK_WEBHOOK_HOST = 'hooks.slack.com';

/**
 * Registers a webhook, Slack or Telegram endpoint following the given bills, and sends it a test event ("ping"): queued
 * for a URL; for a Telegram chat, sent at once, so a chat the bot cannot post to is refused here with Telegram's reason.
 * @returns the endpoint, its signing secret (webhooks; shown to the owner once) and the test event's delivery id
 * @throws ZodError for malformed input; EndpointRegistrationError for a URL the SSRF policy or Slack's rules refuse,
 * or a Telegram chat the bot cannot post to (or no bot configured)
 */
export async function registerEndpoint(
  deps: EndpointServiceDependencies,
  input: EndpointRegistration,
): Promise<{ endpoint: Endpoint; secret?: WebhookSecret; testEventId: string }> {
  const { url, chatId, ...registration } = EndpointRegistrationSchema.parse(input);
  checkOriginLimits(deps, registration);
  const address = endpointAddress({ kind: registration.kind, url, chatId });
  const ping = chatId === undefined ? undefined : await pingTelegramChat(deps, chatId, registration.language);
  if (!ping) checkEndpointUrl(registration.kind, address, deps.allowedHosts);
  const secret = registration.kind === 'webhook' ? generateWebhookSecret() : undefined;
  const endpoint: Endpoint = {
    id: `ep_${randomBytes(12).toString('hex')}`,
    ...registration,
    url: address,
    ...(chatId !== undefined ? { chatId } : {}),
    // Webhooks carry each change as it comes: a digest would be a different payload type nobody asked for.
    frequency: registration.kind === 'webhook' ? 'instant' : registration.frequency,
    status: 'active',
    createdAt: deps.now().toISOString(),
    ...(secret ? { secrets: { current: secret } } : {}),
  };
  await deps.endpoints.create(endpoint);
  const testEventId = ping ? await recordTelegramPing(deps, endpoint.id, ping) : await sendTestEvent(deps, endpoint.id);
  return { endpoint, ...(secret ? { secret } : {}), testEventId };
}

/**
 * Sends the test message to a Telegram chat before it is registered.
 * @returns the delivery log's entry for it
 * @throws EndpointRegistrationError saying what Telegram answered, and what to do about it
 */
async function pingTelegramChat(deps: EndpointServiceDependencies, chatId: string, language: Language): Promise<DeliveryAttempt> {
  if (!deps.telegram) {
    throw new EndpointRegistrationError('Telegram is not configured on this service: set TELEGRAM_BOT_TOKEN (the bot-token secret in AWS)', 'chatId');
  }
  const at = deps.now();
  const started = performance.now();
  const { last } = await sendTelegramMessages(deps.telegram, chatId, telegramPingMessages(language));
  if (last.kind !== 'sent') {
    const advice =
      last.kind === 'retry-after' || last.kind === 'unavailable'
        ? 'try again shortly'
        : 'add the bot to the chat (as an administrator of a channel) and check the chat id';
    throw new EndpointRegistrationError(`the test message to Telegram chat ${chatId} failed (${last.result}): ${advice}`, 'chatId');
  }
  return { attempt: 1, at: at.toISOString(), result: last.result, durationMs: Math.round(performance.now() - started) };
}

/** Puts a Telegram chat's registration test message in its delivery log, delivered, as a queued test event would be. */
async function recordTelegramPing(deps: EndpointServiceDependencies, endpointId: string, attempt: DeliveryAttempt): Promise<string> {
  const key = { changeId: `ping_${randomUUID()}`, endpointId, channel: 'telegram' as const };
  await deps.deliveries.claimAttempt(key, 1, { event: 'ping' }, new Date(attempt.at), 60_000);
  await deps.deliveries.finishAttempt(key, { status: 'delivered', attempt });
  return key.changeId;
}

/**
 * Queues a test event ("ping") to an endpoint, with its own delivery record in the endpoint's log.
 * @returns the test event's change id (`ping_…`), to find it in the delivery log
 * @throws EndpointRegistrationError when the endpoint does not exist
 */
export async function sendTestEvent(deps: EndpointServiceDependencies, endpointId: string): Promise<string> {
  const endpoint = await requireEndpoint(deps, endpointId);
  const message: EndpointDeliveryMessage = {
    event: 'ping',
    channel: endpoint.kind,
    endpointId,
    changeId: `ping_${randomUUID()}`,
    requestedAt: deps.now().toISOString(),
    attempt: 1,
  };
  await deps.queues[endpoint.kind].sendAll([message]);
  return message.changeId;
}

/**
 * Enables a disabled endpoint and replays every change and alert (topic match, "in the news") it missed or that
 * failed all its attempts, from attempt 1, under the same delivery record and so the same `webhook-id` (test events
 * are not replayed: they were only ever a check).
 * @returns how many deliveries were replayed
 */
export async function enableEndpoint(deps: EndpointServiceDependencies, endpointId: string): Promise<number> {
  const endpoint = await requireEndpoint(deps, endpointId);
  await deps.endpoints.enable(endpointId);
  let replayed = 0;
  for await (const page of deps.deliveries.listUndelivered(endpointId)) {
    const messages: EndpointDeliveryMessage[] = [];
    for (const record of page) {
      const message = replayMessage(record, endpoint.kind);
      if (!message || !(await deps.deliveries.requeue(record))) continue;
      messages.push(message);
    }
    await deps.queues[endpoint.kind].sendAll(messages);
    replayed += messages.length;
  }
  return replayed;
}

/** Attempt 1 of a missed or failed delivery, or undefined for one that is not replayed. */
function replayMessage(record: EndpointDeliveryRecord, channel: EndpointKind): EndpointDeliveryMessage | undefined {
  const { endpointId, changeId } = record;
  if (record.event === 'alert') return { event: 'alert', channel, endpointId, changeId, attempt: 1 };
  if (record.event === 'bill.changed' && record.billNumber) return { event: 'bill.changed', channel, endpointId, billNumber: record.billNumber, changeId, attempt: 1 };
  return undefined;
}

/** An endpoint's delivery log, newest first; pass the returned cursor for the next page. */
export async function listDeliveries(
  deps: Pick<EndpointServiceDependencies, 'deliveries'>,
  endpointId: string,
  options: { limit?: number; cursor?: string } = {},
): Promise<DeliveryLogPage> {
  return deps.deliveries.listByEndpoint(endpointId, options);
}

/**
 * Rotates a webhook endpoint's secret: the new one signs from now, and the old one also signs for `overlapMs`
 * (default 24 h), so the receiver can switch without rejecting a delivery.
 * @returns the new secret, shown to the owner once
 */
export async function rotateEndpointSecret(
  deps: EndpointServiceDependencies,
  endpointId: string,
  overlapMs = 24 * 3_600_000,
): Promise<WebhookSecret> {
  const endpoint = await requireEndpoint(deps, endpointId);
  if (!endpoint.secrets) throw new EndpointRegistrationError(`endpoint ${endpointId} is not a webhook and has no secret`);
  const current = generateWebhookSecret();
  await deps.endpoints.replaceSecrets(endpointId, {
    current,
    previous: endpoint.secrets.current,
    previousExpiresAt: new Date(deps.now().getTime() + overlapMs).toISOString(),
  });
  return current;
}

function checkEndpointUrl(kind: EndpointKind, url: string, allowedHosts: ReadonlySet<string>): void {
  let verdict;
  try {
    verdict = checkOutboundUrl(url, allowedHosts);
  } catch (error) {
    if (error instanceof BlockedAddressError) throw new EndpointRegistrationError(`endpoint URL refused: ${error.reason}`);
    throw error;
  }
  if (kind === 'slack' && !verdict.operatorAllowed && verdict.hostname !== SLACK_WEBHOOK_HOST) {
    throw new EndpointRegistrationError(`a Slack endpoint is an incoming-webhook URL on https://${SLACK_WEBHOOK_HOST}/`);
  }
}

/**
 * Changes the committees and initiators an endpoint follows ("new bill from …", `bill.new`): a list given replaces the
 * one it had, a list not given stays. Names match as a subscriber's do (case, ё/е, spacing, quotes and initials aside);
 * bills an origin brought stay followed when it is dropped.
 * @returns the endpoint as it now is
 * @throws ZodError for malformed names or more than the schema's cap; EndpointRegistrationError for an unknown
 * endpoint or a list over the configured limit
 */
export async function setEndpointOrigins(
  deps: Pick<EndpointServiceDependencies, 'endpoints' | 'maxOrigins'>,
  endpointId: string,
  change: { committees?: readonly string[] | undefined; initiators?: readonly string[] | undefined },
): Promise<Endpoint> {
  const origins = EndpointOriginsSchema.parse(change);
  checkOriginLimits(deps, origins);
  const updated = await deps.endpoints.setOrigins(endpointId, origins);
  if (!updated) throw new EndpointRegistrationError(`no endpoint ${endpointId}`);
  return updated;
}

/** @throws EndpointRegistrationError naming the first list of origins over the configured limit */
function checkOriginLimits(deps: Pick<EndpointServiceDependencies, 'maxOrigins'>, origins: { committees?: readonly string[]; initiators?: readonly string[] }): void {
  for (const field of ['committees', 'initiators'] as const) {
    const count = origins[field]?.length ?? 0;
    if (count > deps.maxOrigins) throw new EndpointRegistrationError(`at most ${deps.maxOrigins} ${field} (${count} given)`, field);
  }
}

/** Thrown when the week ahead is asked of a webhook: it is a Slack or Telegram post, and webhooks carry changes only. */
export class WeekAheadNotForWebhooksError extends Error {
  override readonly name = 'WeekAheadNotForWebhooksError';
  constructor(endpointId: string) {
    super(`the week ahead is posted to Slack and Telegram endpoints; ${endpointId} is a webhook`);
  }
}

/**
 * Turns an endpoint's Monday "week ahead" post on or off (shared/digests/send-week-ahead.ts).
 * @returns the endpoint as it now is
 * @throws EndpointRegistrationError for an unknown endpoint; WeekAheadNotForWebhooksError to turn it on for a webhook
 */
export async function setEndpointWeekAhead(deps: Pick<EndpointServiceDependencies, 'endpoints'>, endpointId: string, on: boolean): Promise<Endpoint> {
  const endpoint = await requireEndpoint(deps, endpointId);
  if (on && endpoint.kind === 'webhook') throw new WeekAheadNotForWebhooksError(endpointId);
  const updated = await deps.endpoints.setWeekAhead(endpointId, on);
  if (!updated) throw new EndpointRegistrationError(`no endpoint ${endpointId}`);
  return updated;
}

async function requireEndpoint(deps: Pick<EndpointServiceDependencies, 'endpoints'>, endpointId: string): Promise<Endpoint> {
  const endpoint = await deps.endpoints.get(endpointId);
  if (!endpoint) throw new EndpointRegistrationError(`no endpoint ${endpointId}`);
  return endpoint;
}
