import type { BillChange } from '../bill/bill-change.js';
import type { MessageQueue } from '../queue/message-queue.js';
import type { ChangeStore } from '../store/change-store.js';
import type { DigestStore, PendingDigestItem } from '../store/digest-store.js';
import type { FollowerRoute, FollowerRouteReader } from '../store/follower-route-store.js';
import { digestRecipientKey } from '../digests/digest-recipient.js';
import type { EndpointDeliveryMessage } from '../webhooks/endpoint-delivery-message.js';
import type { EmailMessage, FanOutMessage } from './pipeline-messages.js';
import { runConcurrently } from './run-concurrently.js';
import { changeMatchesStages } from './stage-filter.js';

export interface FanOutDependencies {
  followers: FollowerRouteReader;
  emailQueue: MessageQueue;
  /** The webhook and Slack delivery queues; needed once a bill has such followers. */
  endpointQueues?: Record<'webhook' | 'slack', MessageQueue>;
  /** Digest lists; needed once a bill has daily or weekly followers. */
  digests?: DigestStore;
  /** Read only when a follower filters by stage. */
  changes?: ChangeStore;
  now?: () => Date;
}

/** Fan-out is not configured for a follower it met: the message fails, is retried, and ends in the DLQ if it stays so. */
export class FanOutRouteError extends Error {
  override readonly name = 'FanOutRouteError';
}

const SQS_BATCH = 10;
const DYNAMO_BATCH = 25;
/** Requests in flight at once per page: enough to hide round trips, few enough not to be throttled. */
const CONCURRENCY = 8;

/**
 * Routes a bill's changes to each follower, reading followers a page at a time so that memory stays flat however
 * many follow the bill: instant email followers get one email message, webhook and Slack followers one delivery
 * message per change, daily and weekly followers a place on their digest list. Stage filters drop the changes a
 * follower does not want. Running it twice queues the same messages twice; delivery records, attempt claims and
 * deterministic digest keys make the second one a no-op.
 * @returns how many followers were routed at least one change.
 */
export async function fanOutChanges(deps: FanOutDependencies, message: FanOutMessage): Promise<number> {
  const changesFor = changeLoader(deps, message);
  let routed = 0;
  for await (const followers of deps.followers.listRoutes(message.billNumber)) {
    const emails: EmailMessage[] = [];
    const endpointMessages: Record<'webhook' | 'slack', EndpointDeliveryMessage[]> = { webhook: [], slack: [] };
    const digestItems: PendingDigestItem[] = [];
    const queuedAt = (deps.now?.() ?? new Date()).toISOString();
    for (const follower of followers) {
      const changeIds = await wantedChangeIds(follower, message, changesFor);
      if (changeIds.length === 0) continue;
      routed++;
      if (follower.channel !== 'webhook' && follower.frequency !== 'instant') {
        const recipient = digestRecipientKey(follower.channel, follower.endpointId ?? follower.subscriberId);
        for (const changeId of changeIds) {
          digestItems.push({ recipient, billNumber: message.billNumber, changeId, queuedAt, frequency: follower.frequency });
        }
      } else if (follower.channel === 'email') {
        emails.push({ billNumber: message.billNumber, changeIds, subscriberId: follower.subscriberId });
      } else {
        const endpointId = follower.endpointId ?? follower.subscriberId;
        for (const changeId of changeIds) {
          endpointMessages[follower.channel].push({ event: 'bill.changed', channel: follower.channel, endpointId, billNumber: message.billNumber, changeId, attempt: 1 });
        }
      }
    }
    await runConcurrently(
      [
        ...chunks(emails, SQS_BATCH).map((chunk) => () => deps.emailQueue.sendAll(chunk)),
        ...(['webhook', 'slack'] as const).flatMap((channel) =>
          chunks(endpointMessages[channel], SQS_BATCH).map((chunk) => () => endpointQueue(deps, channel).sendAll(chunk)),
        ),
        ...chunks(digestItems, DYNAMO_BATCH).map((chunk) => () => digestStore(deps).addPending(chunk)),
      ],
      CONCURRENCY,
      (send) => send(),
    );
  }
  return routed;
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

function endpointQueue(deps: FanOutDependencies, channel: 'webhook' | 'slack'): MessageQueue {
  if (!deps.endpointQueues) throw new FanOutRouteError(`a ${channel} follower was found, but no ${channel} queue is configured`);
  return deps.endpointQueues[channel];
}

function digestStore(deps: FanOutDependencies): DigestStore {
  if (!deps.digests) throw new FanOutRouteError('a digest follower was found, but no digest store is configured');
  return deps.digests;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
