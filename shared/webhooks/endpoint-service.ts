import { randomBytes, randomUUID } from 'node:crypto';
import type { MessageQueue } from '../queue/message-queue.js';
import { BlockedAddressError, checkOutboundUrl } from '../net/ssrf-guard.js';
import type { DeliveryLogPage, EndpointDeliveryRecord, EndpointDeliveryStore } from '../store/endpoint-delivery-store.js';
import type { EndpointStore } from '../store/endpoint-store.js';
import { EndpointRegistrationSchema, type Endpoint, type EndpointKind, type EndpointRegistration } from './endpoint.js';
import type { EndpointDeliveryMessage } from './endpoint-delivery-message.js';
import { generateWebhookSecret, type WebhookSecret } from './webhook-signature.js';

/** What the endpoint service needs; the API and CLI build it once. */
export interface EndpointServiceDependencies {
  endpoints: EndpointStore;
  deliveries: EndpointDeliveryStore;
  queues: Record<EndpointKind, MessageQueue>;
  /** Normalised `host:port` pairs an operator allows for local runs (see normaliseAllowedHost). */
  allowedHosts: ReadonlySet<string>;
  now: () => Date;
}

/** The URL or another part of a registration was refused; the message says why, for the API's 400. */
export class EndpointRegistrationError extends Error {
  override readonly name = 'EndpointRegistrationError';
}

/** Slack incoming webhooks live on this host only: anything else is not Slack. */
const SLACK_WEBHOOK_HOST = 'hooks.slack.com';

/**
 * Registers a webhook or Slack endpoint following the given bills, and sends it a test event ("ping").
 * @returns the endpoint, its signing secret (webhooks; shown to the owner once) and the test event's delivery id
 * @throws ZodError for malformed input; EndpointRegistrationError for a URL the SSRF policy or Slack's rules refuse
 */
export async function registerEndpoint(
  deps: EndpointServiceDependencies,
  input: EndpointRegistration,
): Promise<{ endpoint: Endpoint; secret?: WebhookSecret; testEventId: string }> {
  const registration = EndpointRegistrationSchema.parse(input);
  checkEndpointUrl(registration.kind, registration.url, deps.allowedHosts);
  const secret = registration.kind === 'webhook' ? generateWebhookSecret() : undefined;
  const endpoint: Endpoint = {
    id: `ep_${randomBytes(12).toString('hex')}`,
    ...registration,
    // Webhooks carry each change as it comes: a digest would be a different payload type nobody asked for.
    frequency: registration.kind === 'webhook' ? 'instant' : registration.frequency,
    status: 'active',
    createdAt: deps.now().toISOString(),
    ...(secret ? { secrets: { current: secret } } : {}),
  };
  await deps.endpoints.create(endpoint);
  const testEventId = await sendTestEvent(deps, endpoint.id);
  return { endpoint, ...(secret ? { secret } : {}), testEventId };
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

async function requireEndpoint(deps: Pick<EndpointServiceDependencies, 'endpoints'>, endpointId: string): Promise<Endpoint> {
  const endpoint = await deps.endpoints.get(endpointId);
  if (!endpoint) throw new EndpointRegistrationError(`no endpoint ${endpointId}`);
  return endpoint;
}
