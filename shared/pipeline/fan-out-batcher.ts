import type { Logger } from '@aws-lambda-powertools/logger';
import type { BillChange } from '../bill/bill-change.js';
import { SQS_BATCH, type MessageQueue } from '../queue/message-queue.js';
import type { BillStore, DroppedBill } from '../store/bill-store.js';
import type { ChangeStore } from '../store/change-store.js';
import type { OriginNotice, OriginOutbox } from '../store/origin-outbox-store.js';
import type { BillDroppedMessage, FanOutMessage, OriginFanOutMessage } from './pipeline-messages.js';

/**
 * How long a message waits for others to share its SendMessageBatch request. Pollers ask sozd ~2.5 times a second,
 * so on a busy day ten changed bills fill a batch within a few seconds, and an alert waits at most this much longer.
 */
export const FAN_OUT_LINGER_MS = 1000;

export interface FanOutBatcherDependencies {
  fanOutQueue: MessageQueue;
  changes: Pick<ChangeStore, 'markAllQueued'>;
  bills: Pick<BillStore, 'markDropQueued'>;
  /** The outbox origin notices wait in; needed only to queue them. */
  originOutbox?: Pick<OriginOutbox, 'markQueued'>;
  now: () => Date;
  logger: Logger;
}

/** What a batcher's sends came to, in fan-out messages. */
export interface FanOutReport {
  /** Accepted by SQS and taken out of their outbox. */
  queued: number;
  /** Not accepted by SQS: their entries stay in the outbox, and the sweeper queues them after its grace period. */
  unsent: number;
  /** Accepted by SQS, but their entries could not be taken out of the outbox: the sweeper queues them again, harmless. */
  unmarked: number;
}

/**
 * Sends the fan-out messages of one run (a poll run, a sweep) in shared SendMessageBatch requests: every entry handed
 * to it is already in its outbox, so a batch that fails loses nothing. Nobody waits for a batch to fill: a batch goes
 * when ten messages wait or when the first of them has waited {@link FAN_OUT_LINGER_MS}, and at {@link flush}.
 */
export interface FanOutBatcher {
  /** One message per bill with its changes in the order given (date order), taken out of the outbox together once sent. */
  queueChanges(changes: readonly BillChange[]): void;
  /** A "new bill from …" notice, waiting in the origin outbox. */
  queueOriginNotice(notice: OriginNotice): void;
  /** The notice of a bill the watch list dropped, waiting in the outbox of drops. */
  queueDrop(drop: DroppedBill): void;
  /**
   * Sends what waits and waits for every batch in flight; a run awaits it before it returns. Never rejects: a batch
   * that could not be sent or marked is logged as an error and counted.
   * @returns every send of the batcher so far
   */
  flush(): Promise<FanOutReport>;
}

type Waiting =
  | { message: FanOutMessage; changes: readonly BillChange[] }
  | { message: OriginFanOutMessage | BillDroppedMessage; markQueued: (at: string) => Promise<void> };

/** A {@link FanOutBatcher} for one run; `lingerMs` is for tests. */
export function createFanOutBatcher(deps: FanOutBatcherDependencies, options: { lingerMs?: number } = {}): FanOutBatcher {
  const lingerMs = options.lingerMs ?? FAN_OUT_LINGER_MS;
  const report: FanOutReport = { queued: 0, unsent: 0, unmarked: 0 };
  const waiting: Waiting[] = [];
  const inFlight = new Set<Promise<void>>();
  let linger: NodeJS.Timeout | undefined;

  const sendWaiting = (): void => {
    clearTimeout(linger);
    linger = undefined;
    while (waiting.length > 0) {
      const sending = send(waiting.splice(0, SQS_BATCH)).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    }
  };
  const add = (entry: Waiting): void => {
    waiting.push(entry);
    if (waiting.length >= SQS_BATCH) sendWaiting();
    else linger ??= setTimeout(sendWaiting, lingerMs);
  };

  const send = async (batch: Waiting[]): Promise<void> => {
    try {
      await deps.fanOutQueue.sendAll(batch.map((entry) => entry.message));
    } catch (error) {
      report.unsent += batch.length;
      deps.logger.error('fan-out batch not sent: its entries stay in the outbox for the sweeper', { error: error as Error, messages: batch.map(label) });
      return;
    }
    const at = deps.now().toISOString();
    const changes = batch.filter((entry) => 'changes' in entry);
    const marks = [
      ...(changes.length > 0 ? [{ entries: changes, mark: () => deps.changes.markAllQueued(changes.flatMap((entry) => entry.changes), at) }] : []),
      ...batch.filter((entry) => 'markQueued' in entry).map((entry) => ({ entries: [entry], mark: () => entry.markQueued(at) })),
    ];
    for (const { entries, mark } of marks) {
      try {
        await mark();
        report.queued += entries.length;
      } catch (error) {
        report.unmarked += entries.length;
        deps.logger.error('fan-out batch sent but not marked queued: the sweeper will queue it again', { error: error as Error, messages: entries.map(label) });
      }
    }
  };

  return {
    queueChanges(changes) {
      const byBill = new Map<string, BillChange[]>();
      for (const change of changes) byBill.set(change.billNumber, [...(byBill.get(change.billNumber) ?? []), change]);
      for (const [billNumber, ofBill] of byBill) add({ message: { billNumber, changeIds: ofBill.map((change) => change.id) }, changes: ofBill });
    },
    queueOriginNotice(notice) {
      const outbox = deps.originOutbox;
      if (!outbox) throw new Error('an origin notice is queued from the origin outbox it waits in: none was given');
      add({ message: { kind: 'bill-origin', billNumber: notice.billNumber, signature: notice.signature }, markQueued: (at) => outbox.markQueued(notice, at) });
    },
    queueDrop(drop) {
      add({ message: { kind: 'bill-dropped', ...drop }, markQueued: () => deps.bills.markDropQueued(drop.billNumber) });
    },
    async flush() {
      sendWaiting();
      while (inFlight.size > 0) await Promise.all(inFlight);
      return { ...report };
    },
  };
}

/**
 * Runs `run` with a fan-out batcher of its own, and resolves once every message it queued was sent or failed (and
 * was logged), even when `run` throws: a run never ends with batches pending.
 */
export async function withFanOutBatcher<T>(deps: FanOutBatcherDependencies, run: (fanOut: FanOutBatcher) => Promise<T>): Promise<{ result: T; fanOut: FanOutReport }> {
  const batcher = createFanOutBatcher(deps);
  const outcome = await run(batcher).then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  const fanOut = await batcher.flush();
  if ('error' in outcome) throw outcome.error;
  return { result: outcome.result, fanOut };
}

/** What the log says of a message: its bill, and its changes or kind. */
function label(entry: Waiting): string {
  const { message } = entry;
  return 'kind' in message ? `${message.kind} ${message.billNumber}` : `${message.billNumber}: ${message.changeIds.join(', ')}`;
}
