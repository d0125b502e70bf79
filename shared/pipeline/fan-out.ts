import type { BillChange } from '../bill/bill-change.js';
import type { MessageQueue } from '../queue/message-queue.js';
import type { ChangeStore } from '../store/change-store.js';
import type { DigestStore, PendingDigestItem } from '../store/digest-store.js';
import type { DeliveryRoute, FollowerRoute, FollowerRouteReader } from '../store/follower-route-store.js';
import type { Frequency } from '../subscriptions/subscription-preferences.js';
import type { Alert } from '../topics/alert.js';
import { digestRecipientKey } from '../digests/digest-recipient.js';
import { EndpointKindSchema, type EndpointKind } from '../webhooks/endpoint.js';
import { ENDPOINTS_PER_MESSAGE, type SharedEndpointDelivery } from '../webhooks/endpoint-delivery-message.js';
import { EMAIL_RECIPIENTS_PER_MESSAGE, type AlertEmailMessage, type EmailMessage, type FanOutMessage } from './pipeline-messages.js';
import { runConcurrently } from './run-concurrently.js';
import { changeMatchesStages } from './stage-filter.js';

export interface FanOutDependencies {
  followers: FollowerRouteReader;
  emailQueue: MessageQueue;
  /** The webhook, Slack and Telegram delivery queues; needed once a bill has such followers. */
  endpointQueues?: Record<EndpointKind, MessageQueue>;
  /** Digest lists; needed once a bill has daily or weekly followers. */
  digests?: DigestStore;
  /** Read only when a follower filters by stage. */
  changes?: ChangeStore;
  now?: () => Date;
}

/** What routing an alert needs: the same channels as bill changes, without the bill's own follower list. */
export type AlertRouteDependencies = Pick<FanOutDependencies, 'emailQueue' | 'endpointQueues' | 'digests' | 'now'>;

/** Fan-out is not configured for a follower it met: the message fails, is retried, and ends in the DLQ if it stays so. */
export class FanOutRouteError extends Error {
  override readonly name = 'FanOutRouteError';
}

const SQS_BATCH = 10;
const DYNAMO_BATCH = 25;
/** Requests in flight at once per page: enough to hide round trips, few enough not to be throttled. */
const CONCURRENCY = 8;

/** What an email-queue message asks to send, whoever it is for. */
type EmailContent = Omit<EmailMessage, 'subscriberIds'> | Omit<AlertEmailMessage, 'subscriberIds'>;
/** What an endpoint-queue message asks to deliver, whichever endpoints it is for. */
type EndpointContent = SharedEndpointDelivery extends infer Delivery ? (Delivery extends unknown ? Omit<Delivery, 'endpointIds'> : never) : never;

/** What one page of followers is routed, collected so that it goes out in batches. */
interface RoutedPage {
  /** Subscribers who get the same email content, by that content's key: they share email-queue messages. */
  emails: Map<string, { content: EmailContent; subscriberIds: string[] }>;
  /** Endpoints that get the same delivery, by its key: they share endpoint-queue messages. */
  endpoints: Map<string, { content: EndpointContent; endpointIds: string[] }>;
  digestItems: PendingDigestItem[];
  queuedAt: string;
}

/**
 * Routes a bill's changes to each follower, reading followers a page at a time so that memory stays flat however
 * many follow the bill: instant email followers who want the same changes share email messages (ten a message),
 * instant webhook, Slack and Telegram followers share a delivery message per change (ten a message), daily and weekly followers a place on their
 * digest list. Stage filters drop the changes a follower does not want. Running it twice queues the same messages
 * twice; delivery records, attempt claims and deterministic digest keys make the second one a no-op.
 * @returns how many followers were routed at least one change.
 */
export async function fanOutChanges(deps: FanOutDependencies, message: FanOutMessage): Promise<number> {
  const changesFor = changeLoader(deps, message);
  const { billNumber } = message;
  let routed = 0;
  for await (const followers of deps.followers.listRoutes(billNumber)) {
    const page = emptyPage(deps);
    for (const follower of followers) {
      const changeIds = await wantedChangeIds(follower, message, changesFor);
      if (changeIds.length === 0) continue;
      routed++;
      const frequency = digestFrequency(follower);
      if (frequency) {
        const recipient = digestRecipient(follower);
        for (const changeId of changeIds) page.digestItems.push({ recipient, billNumber, changeId, queuedAt: page.queuedAt, frequency });
      } else if (follower.channel === 'email') {
        addEmail(page, { billNumber, changeIds }, follower.subscriberId);
      } else {
        const endpointId = follower.endpointId ?? follower.subscriberId;
        for (const changeId of changeIds) addEndpoint(page, { event: 'bill.changed', channel: follower.channel, billNumber, changeId }, endpointId);
      }
    }
    await sendPage(deps, page);
  }
  return routed;
}

/**
 * Routes one alert (topic match, "in the news") to each follower as a bill change is routed: instant email followers
 * get an alert email message, daily and weekly followers (email, Slack) a place on their digest list under the
 * alert's id, instant Slack followers and webhook followers a delivery message (`topic.matched`, `bill.news`).
 * `passesStages` says whether a follower's stage filter lets the alert
 * through. Repeatable: the alert's id keys every delivery record, attempt claim and digest entry.
 * @returns how many followers were routed the alert.
 */
export async function fanOutAlert(
  deps: AlertRouteDependencies,
  alert: Alert,
  followers: AsyncIterable<readonly DeliveryRoute[]>,
  passesStages: (stages: readonly number[]) => boolean = () => true,
): Promise<number> {
  let routed = 0;
  for await (const routes of followers) {
    const page = emptyPage(deps);
    for (const follower of routes) {
      if (follower.stages !== 'all' && !passesStages(follower.stages)) continue;
      routed++;
      const frequency = digestFrequency(follower);
      if (frequency) {
        page.digestItems.push({ recipient: digestRecipient(follower), kind: 'alert', changeId: alert.id, queuedAt: page.queuedAt, frequency });
      } else if (follower.channel === 'email') {
        addEmail(page, { kind: 'alert', alertId: alert.id }, follower.subscriberId);
      } else {
        const endpointId = follower.endpointId ?? follower.subscriberId;
        addEndpoint(page, { event: 'alert', channel: follower.channel, changeId: alert.id }, endpointId);
      }
    }
    await sendPage(deps, page);
  }
  return routed;
}

/** The digest a follower wants, or undefined for instant delivery. Webhooks are always instant: their reader is a program. */
function digestFrequency(follower: DeliveryRoute): Exclude<Frequency, 'instant'> | undefined {
  return follower.channel === 'webhook' || follower.frequency === 'instant' ? undefined : follower.frequency;
}

function digestRecipient(follower: DeliveryRoute): string {
  if (follower.channel === 'webhook') throw new FanOutRouteError('a webhook has no digest'); // digestFrequency keeps them instant
  return digestRecipientKey(follower.channel, follower.endpointId ?? follower.subscriberId);
}

function emptyPage(deps: AlertRouteDependencies): RoutedPage {
  return { emails: new Map(), endpoints: new Map(), digestItems: [], queuedAt: (deps.now?.() ?? new Date()).toISOString() };
}

function addEmail(page: RoutedPage, content: EmailContent, subscriberId: string): void {
  // Most followers want every change of a message, so a page's email followers mostly share one content.
  const key = 'alertId' in content ? content.alertId : content.changeIds.join('\n');
  const group = page.emails.get(key);
  if (group) group.subscriberIds.push(subscriberId);
  else page.emails.set(key, { content, subscriberIds: [subscriberId] });
}

function addEndpoint(page: RoutedPage, content: EndpointContent, endpointId: string): void {
  const key = `${content.channel}\n${content.changeId}`;
  const group = page.endpoints.get(key);
  if (group) group.endpointIds.push(endpointId);
  else page.endpoints.set(key, { content, endpointIds: [endpointId] });
}

/** The page's email-queue messages: each content once per EMAIL_RECIPIENTS_PER_MESSAGE subscribers. */
function emailMessages(page: RoutedPage): Array<EmailMessage | AlertEmailMessage> {
  return [...page.emails.values()].flatMap(({ content, subscriberIds }) =>
    chunks(subscriberIds, EMAIL_RECIPIENTS_PER_MESSAGE).map((recipients) => ({ ...content, subscriberIds: recipients })),
  );
}

/** The page's messages for one endpoint queue: each delivery once per ENDPOINTS_PER_MESSAGE endpoints. */
function endpointMessages(page: RoutedPage, channel: EndpointKind): SharedEndpointDelivery[] {
  return [...page.endpoints.values()]
    .filter(({ content }) => content.channel === channel)
    .flatMap(({ content, endpointIds }) => chunks(endpointIds, ENDPOINTS_PER_MESSAGE).map((ids) => ({ ...content, endpointIds: ids })));
}

async function sendPage(deps: AlertRouteDependencies, page: RoutedPage): Promise<void> {
  await runConcurrently(
    [
      ...chunks(emailMessages(page), SQS_BATCH).map((chunk) => () => deps.emailQueue.sendAll(chunk)),
      ...EndpointKindSchema.options.flatMap((channel) =>
        chunks(endpointMessages(page, channel), SQS_BATCH).map((chunk) => () => endpointQueue(deps, channel).sendAll(chunk)),
      ),
      ...chunks(page.digestItems, DYNAMO_BATCH).map((chunk) => () => digestStore(deps).addPending(chunk)),
    ],
    CONCURRENCY,
    (send) => send(),
  );
}

/** The changes of the message a follower wants, in the message's order. */
async function wantedChangeIds(
  follower: FollowerRoute,
  message: FanOutMessage,
  changesFor: () => Promise<Map<string, BillChange | undefined>>,
): Promise<string[]> {
  if (follower.stages === 'all') return message.changeIds;
  const changes = await changesFor();
  // A change that cannot be read is passed on: the sender records it as not found, rather than fan-out dropping it unseen.
  return message.changeIds.filter((id) => {
    const change = changes.get(id);
    return change === undefined || changeMatchesStages(change, follower.stages);
  });
}

/** Reads the message's changes once, the first time a follower's stage filter needs them. */
function changeLoader(deps: FanOutDependencies, message: FanOutMessage): () => Promise<Map<string, BillChange | undefined>> {
  let loading: Promise<Map<string, BillChange | undefined>> | undefined;
  return () => {
    loading ??= (async () => {
      if (!deps.changes) throw new FanOutRouteError('a follower filters by stage, but fan-out has no change store');
      const changes = deps.changes;
      const entries = await Promise.all(message.changeIds.map(async (id) => [id, await changes.get(message.billNumber, id)] as const));
      return new Map(entries);
    })();
    return loading;
  };
}

function endpointQueue(deps: AlertRouteDependencies, channel: EndpointKind): MessageQueue {
  if (!deps.endpointQueues) throw new FanOutRouteError(`a ${channel} follower was found, but no ${channel} queue is configured`);
  return deps.endpointQueues[channel];
}

function digestStore(deps: AlertRouteDependencies): DigestStore {
  if (!deps.digests) throw new FanOutRouteError('a digest follower was found, but no digest store is configured');
  return deps.digests;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
