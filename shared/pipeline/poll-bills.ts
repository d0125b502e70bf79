import type { Logger } from '@aws-lambda-powertools/logger';
import { billBefore } from '../bill/bill-before.js';
import { diffBills } from '../bill/diff-bills.js';
import type { Bill } from '../bill/bill.js';
import type { BillChange } from '../bill/bill-change.js';
import { revisePlannedDates } from '../bill/planned-revisions.js';
import { pollTierOf, type PollTierSettings } from '../bill/poll-tier.js';
import type { BillSource, BillSourceResult } from '../sozd/bill-source.js';
import { moscowLocalOf } from '../sozd/moscow-time.js';
import { MissingMeanwhileError, SnapshotConflictError, type BillRecord, type BillStore, type PageValidators, type WatchedBill } from '../store/bill-store.js';
import type { ChangeStore } from '../store/change-store.js';
import type { MessageQueue } from '../queue/message-queue.js';
import { withFanOutBatcher, type FanOutBatcher, type FanOutReport } from './fan-out-batcher.js';
import { missingRetryAt } from './missing-backoff.js';
import { newOriginSignature } from './notice-origins.js';
import type { OriginOutbox } from '../store/origin-outbox-store.js';

export interface PollDependencies {
  bills: BillStore;
  changes: ChangeStore;
  fanOutQueue: MessageQueue;
  source: BillSource;
  now: () => Date;
  logger: Logger;
  /** When set, every saved snapshot files its bill in the poll tier it now belongs to (adaptive polling). */
  tiers?: PollTierSettings;
  /**
   * When set, a snapshot whose committee or initiators are new enters this outbox and queues "new bill from …" alerts
   * (shared/pipeline/notice-origins.ts).
   */
  originOutbox?: OriginOutbox;
}

export type BillPollOutcome =
  | 'unchanged'
  | 'baseline'
  | 'changed'
  | 'no-new-events'
  | 'missing'
  | 'missing-later'
  | 'dropped-missing'
  | 'source-error'
  | 'conflict';

export interface BillPollResult {
  number: string;
  outcome: BillPollOutcome;
  /** Changes this poll wrote (a change another poller wrote first is not counted). */
  changes: number;
  error?: string;
}

/** What one bill's poll needs: its run's dependencies, and the run's batcher, which sends what the poll put in an outbox. */
export interface BillPollDependencies extends PollDependencies {
  fanOut: FanOutBatcher;
}

export interface PollSummary {
  startedAt: string;
  finishedAt: string;
  bills: number;
  changes: number;
  outcomes: Record<BillPollOutcome, number>;
  errors: { number: string; error: string }[];
  /** The run's fan-out messages: what a failed send or mark left in the outboxes is the sweeper's. */
  fanOut: FanOutReport;
}

/**
 * Polls one watched bill: reads its page, and when the page moved, writes each change once, saves the
 * snapshot under optimistic locking and hands the new changes to the run's fan-out batcher. It resolves once they
 * are in the outbox, not once they are sent: the run flushes the batcher before it ends.
 *
 * A page that is not a bill, or that shows fewer events than stored, is a source error: it is recorded
 * as source health and never becomes a change.
 */
export async function pollBill(deps: BillPollDependencies, watched: WatchedBill): Promise<BillPollResult> {
  const { number } = watched;
  const now = deps.now();
  const at = now.toISOString();
  // A bill the source said does not exist is asked about again only when its back-off has passed.
  if (watched.missingRetryAt && watched.missingRetryAt > at) return { number, outcome: 'missing-later', changes: 0 };
  const result = await deps.source.read(number, watched);
  const sourceError = async (error: string): Promise<BillPollResult> => {
    deps.logger.warn('bill source error', { bill: number, error });
    await deps.bills.recordPollOutcome(number, { kind: 'error', at, error });
    return { number, outcome: 'source-error', changes: 0, error };
  };

  switch (result.kind) {
    case 'unchanged': {
      // Nothing to write unless the bill recovers from an error or the server's validators moved: "last polled"
      // of an unchanged bill lives in the poll run's summary, not in a write per bill.
      const validators = result.validators && validatorsMoved(watched, result.validators) ? result.validators : undefined;
      if (watched.healthOk === false || validators) await deps.bills.recordPollOutcome(number, { kind: 'ok', at, validators });
      return { number, outcome: 'unchanged', changes: 0 };
    }
    case 'error':
      return sourceError(`${result.reason}: ${result.message}`);
    case 'missing': {
      const stored = await deps.bills.get(number);
      if (stored?.bill) return sourceError('not-found: the bill page was there before and is gone now');
      const misses = (watched.missingPolls ?? 0) + 1;
      const retryAt = missingRetryAt(misses, now)?.toISOString();
      await deps.bills.recordPollOutcome(number, { kind: 'missing', at, ...(retryAt ? { retryAt } : {}) });
      if (!retryAt) {
        deps.logger.warn('bill dropped from the watch list: the source has no such bill', { bill: number, misses });
        deps.fanOut.queueDrop({ billNumber: number, droppedAt: at });
      }
      return { number, outcome: retryAt ? 'missing' : 'dropped-missing', changes: 0 };
    }
  }

  const { bill } = result;
  if (bill.number !== number) return sourceError(`wrong-bill: asked for ${number}, the page is bill ${bill.number}`);
  if (nothingStored(watched)) {
    try {
      const first = await recordRead(deps, result, undefined, at, { whileNeverMissing: true });
      // The state copies the snapshot's version after saving it, so it can lag one (a crash between the two writes, a
      // poller's first read of the bill just now): the first save's condition then refuses, and the page is compared
      // with that snapshot after all, as it would have been had it been read first.
      if (first.outcome !== 'conflict') return first;
    } catch (error) {
      if (!(error instanceof MissingMeanwhileError)) throw error;
      // Another poller found the page missing after the watch list was read: the baseline just saved is not the
      // bill's history. The page is compared with the history that miss implies, as the read path would have.
      const stored = await deps.bills.get(number);
      return recordRead(deps, result, stored && withoutBaselineSavedAt(stored, at), at);
    }
  }
  const stored = await deps.bills.get(number);
  if (stored?.bill && bill.events.length < stored.bill.events.length) {
    return sourceError(`fewer-events: the page shows ${bill.events.length} events, ${stored.bill.events.length} are stored`);
  }
  return recordRead(deps, result, stored, at);
}

/**
 * Whether the watch list's copy of the bill's state says there is no snapshot to read: none saved yet (version 0),
 * and the source never said the bill was missing (the first read of such a bill diffs against the history read from
 * its state, see {@link historyWhenFirstMissing}). Its first good read is then a baseline, one request cheaper.
 * A WatchedBill that does not say whether the source had it is read as before.
 */
function nothingStored(watched: WatchedBill): boolean {
  return watched.missingAtSource === false && !watched.version;
}

/** The record without the first snapshot this poll saved at `at` (a baseline it read as the bill's history by mistake). */
function withoutBaselineSavedAt(stored: BillRecord, at: string): BillRecord {
  if (stored.version !== 1 || stored.snapshotAt !== at) return stored;
  const { bill: _baseline, ...record } = stored;
  return record;
}

/**
 * Records a good read of a bill's page against what is stored of it: writes each change once, saves the snapshot
 * under optimistic locking and hands the new changes (and origin notice) to the fan-out batcher.
 * @throws MissingMeanwhileError when `whileNeverMissing` and the state says the source reported the bill missing.
 */
async function recordRead(
  deps: BillPollDependencies,
  result: Extract<BillSourceResult, { kind: 'parsed' }>,
  stored: BillRecord | undefined,
  at: string,
  options: { whileNeverMissing?: boolean } = {},
): Promise<BillPollResult> {
  const { bill } = result;
  const { number } = bill;
  const version = stored?.version ?? 0;
  // The first good read of a bill that already existed is the baseline: its history is not news.
  const baseline = version === 0 && !stored?.missingAtSource;
  const previous = stored?.bill ?? (stored?.missingAtSource ? historyWhenFirstMissing(stored, bill, at) : null);
  const detected = baseline ? [] : diffBills(previous, bill, at, version);
  const written: BillChange[] = [];
  for (const change of detected) if (await deps.changes.putIfAbsent(change)) written.push(change);

  const originSignature = deps.originOutbox ? newOriginSignature(stored?.bill, bill) : undefined;
  let conflict = false;
  try {
    await deps.bills.saveSnapshot(number, version, {
      bill,
      contentHash: result.contentHash,
      etag: result.etag,
      lastModified: result.lastModified,
      at,
      plannedRevisions: revisePlannedDates(stored?.plannedRevisions, bill.plannedEvents, at),
      ...(deps.tiers ? { tier: pollTierOf(bill, deps.now(), deps.tiers) } : {}),
      ...(originSignature ? { originSignature } : {}),
      ...(options.whileNeverMissing ? { whileNeverMissing: true } : {}),
    });
  } catch (error) {
    if (!(error instanceof SnapshotConflictError)) throw error;
    // Another poller saved first; the changes we wrote are still ours to queue, theirs are theirs.
    conflict = true;
  }
  deps.fanOut.queueChanges(written);
  // The snapshot write put the notice in the outbox; after a conflict, the winner's write noticed its own origins.
  if (!conflict && originSignature) deps.fanOut.queueOriginNotice({ billNumber: number, signature: originSignature, noticedAt: at });

  const outcome: BillPollOutcome = conflict ? 'conflict' : baseline ? 'baseline' : detected.length > 0 ? 'changed' : 'no-new-events';
  if (written.length > 0) deps.logger.info('bill changed', { bill: number, changes: written.map((change) => change.id) });
  return { number, outcome, changes: written.length };
}

function validatorsMoved(watched: WatchedBill, served: PageValidators): boolean {
  // Stored validators the server no longer sends read back as null.
  return (served.etag ?? null) !== (watched.etag ?? null) || (served.lastModified ?? null) !== (watched.lastModified ?? null);
}

/**
 * What a bill found after being missing already had: the events dated before the Moscow day it was first seen
 * missing. Those are its baseline, not news, so a page that appears with a long history (a number watched long
 * before sozd served it, a source that answered 404 by mistake) never floods its followers; what happened from
 * that day on is news. Records from before `missingSince` was kept fall back to the last poll, which was missing.
 */
function historyWhenFirstMissing(stored: BillRecord, found: Bill, at: string): Bill | null {
  const since = stored.missingSince ?? stored.health.lastPolledAt ?? at;
  return billBefore(found, moscowLocalOf(Date.parse(since)).slice(0, 10));
}

/** Adds poll results up into a {@link PollSummary}. */
export function createPollTally(startedAt: string, onResult?: (result: BillPollResult) => void) {
  const outcomes: PollSummary['outcomes'] = {
    unchanged: 0, baseline: 0, changed: 0, 'no-new-events': 0, missing: 0, 'missing-later': 0, 'dropped-missing': 0, 'source-error': 0, conflict: 0,
  };
  const errors: PollSummary['errors'] = [];
  let bills = 0;
  let changes = 0;
  return {
    record(result: BillPollResult): void {
      bills++;
      changes += result.changes;
      outcomes[result.outcome]++;
      if (result.error) errors.push({ number: result.number, error: result.error });
      onResult?.(result);
    },
    summary(finishedAt: string, fanOut: FanOutReport): PollSummary {
      return { startedAt, finishedAt, bills, changes, outcomes, errors, fanOut };
    },
  };
}

/**
 * Polls `bills` in order, `concurrency` at a time, handing each result to `record`; one bill's failure never stops the
 * others. Once `stop()` says so, no further bill is started. Resolves to how many were started: always a prefix.
 * @throws the first error `poll` or `record` threw, once the polls in flight have ended (none starts after it): the
 *   run's fan-out batcher is flushed after them, never before
 */
export async function pollEach<T extends WatchedBill>(
  bills: readonly T[],
  options: { concurrency: number; poll: (bill: T) => Promise<BillPollResult>; record: (result: BillPollResult) => void; stop?: () => boolean },
): Promise<number> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    try {
      while (!failed && next < bills.length && !options.stop?.()) options.record(await options.poll(bills[next++]!));
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const workers = await Promise.allSettled(Array.from({ length: options.concurrency }, worker));
  const failure = workers.find((worker): worker is PromiseRejectedResult => worker.status === 'rejected');
  if (failure) throw failure.reason;
  return next;
}

/**
 * {@link pollBill}, with a store or queue failure turned into a result: the bill is polled again next time, nothing
 * half-sent. The bill's health records the failure too, so `status` and the console list it as failing (a stored
 * snapshot that cannot be read fails every poll of its bill until an operator looks).
 */
export function pollBillSafely(deps: BillPollDependencies, watched: WatchedBill): Promise<BillPollResult> {
  return pollBill(deps, watched).catch(async (error: unknown) => {
    deps.logger.error('bill poll failed', { bill: watched.number, error: error as Error });
    const failed = { number: watched.number, outcome: 'source-error' as const, changes: 0, error: `internal: ${(error as Error).message}` };
    // Best effort: when the store itself is what failed, this write fails as well, and the logged error and the run's
    // summary are what is left to say it.
    await deps.bills.recordPollOutcome(watched.number, { kind: 'error', at: deps.now().toISOString(), error: failed.error }).catch(() => undefined);
    return failed;
  });
}

/** Saves a run's summary, without its per-bill errors and fan-out figures (they are in its log and metrics). */
export async function recordPollRun(deps: Pick<PollDependencies, 'bills'>, summary: PollSummary): Promise<void> {
  const { errors: _errors, fanOut: _fanOut, ...run } = summary;
  await deps.bills.recordPollRun(run);
}

/**
 * Polls every watched bill, a few at a time (the fetcher keeps its own per-host limit), and sums up.
 * One bill's failure never stops the others.
 */
export async function pollWatchedBills(
  deps: PollDependencies,
  options: { concurrency?: number; onResult?: (result: BillPollResult) => void } = {},
): Promise<PollSummary> {
  const tally = createPollTally(deps.now().toISOString(), options.onResult);
  const { fanOut } = await withFanOutBatcher(deps, async (batcher) => {
    const pollDeps = { ...deps, fanOut: batcher };
    for await (const page of deps.bills.listWatched()) {
      await pollEach(page, { concurrency: options.concurrency ?? 8, poll: (watched) => pollBillSafely(pollDeps, watched), record: tally.record });
    }
  });
  const summary = tally.summary(deps.now().toISOString(), fanOut);
  await recordPollRun(deps, summary);
  return summary;
}
