import type { Logger } from '@aws-lambda-powertools/logger';
import type { RetryDueStore } from '../store/retry-due-store.js';
import { EndpointDeliveryMessageSchema, type EndpointDeliveryMessage } from './endpoint-delivery-message.js';
import type { EndpointQueues } from './retry-scheduler.js';

/**
 * Re-queues every parked attempt that is due, a page at a time, and only then removes the parked items: a crash in
 * between queues an attempt twice, and the delivery record's claim drops the second.
 * @returns how many attempts were re-queued.
 */
export async function redriveDueRetries(
  deps: { parked: RetryDueStore; queues: EndpointQueues; now: () => Date; logger: Logger },
): Promise<number> {
  let requeued = 0;
  for await (const page of deps.parked.listDue(deps.now())) {
    const byChannel: Record<EndpointDeliveryMessage['channel'], EndpointDeliveryMessage[]> = { webhook: [], slack: [], telegram: [] };
    const unreadable: string[] = [];
    for (const retry of page) {
      const parsed = EndpointDeliveryMessageSchema.safeParse(retry.message);
      if (parsed.success) byChannel[parsed.data.channel].push(parsed.data);
      else unreadable.push(retry.id);
    }
    if (unreadable.length > 0) deps.logger.error('dropping unreadable parked retries', { ids: unreadable });
    for (const [channel, messages] of Object.entries(byChannel) as [EndpointDeliveryMessage['channel'], EndpointDeliveryMessage[]][]) {
      await deps.queues[channel].sendAll(messages);
      requeued += messages.length;
    }
    await deps.parked.remove(page.map((retry) => retry.id));
  }
  return requeued;
}
