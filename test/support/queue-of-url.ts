import type { QueueKey } from '../../shared/access/access.js';
import { QUEUE_NAMES } from '../../local/provision.js';

/**
 * The queue (or its dead-letter queue) a local queue URL names, by the queue's name (local/provision.ts); a harness
 * that makes queues of its own for each test world names them `<queue name>--<world>` (queueNameIn).
 */
export function queueOfUrl(url: string): { key: QueueKey; dlq: boolean } | undefined {
  const name = (url.split('/').at(-1) ?? '').split('--')[0]!;
  const key = (Object.keys(QUEUE_NAMES) as QueueKey[]).find((queue) => name === QUEUE_NAMES[queue] || name === `${QUEUE_NAMES[queue]}-dlq`);
  return key && { key, dlq: name.endsWith('-dlq') };
}

/** The name of a test world's own queue `key`, which {@link queueOfUrl} still knows. */
export function queueNameIn(world: string, key: QueueKey): string {
  return `${QUEUE_NAMES[key]}--${world}`;
}
