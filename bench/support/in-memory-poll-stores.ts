import type { BillChange } from '../../shared/bill/bill-change.js';
import type { PollTier, TierAssignment } from '../../shared/bill/poll-tier.js';
import type { BillRecord, BillStore, PollOutcome, PollRunRecord, SnapshotWrite } from '../../shared/store/bill-store.js';
import type { ChangeStore } from '../../shared/store/change-store.js';
import type { HostSlotStore } from '../../shared/store/host-slot-store.js';
import type { PollScheduleStore, ScheduledBill, TierPass } from '../../shared/store/poll-schedule-store.js';

/*
 * The stores the poll-scale simulation runs the real scheduling code against: in memory, so a simulated week of
 * 10,000 bills takes seconds, and counting every write as the DynamoDB store would make it (one write per call).
 * The DynamoDB versions are tested against dynalite (test/pipeline/poll-run.test.ts).
 */

/** Writes made, by kind: what DynamoDB would bill. */
export type WriteCounts = Record<'state' | 'snapshot' | 'change' | 'tier' | 'pass' | 'slots' | 'run', number>;

interface StoredBill {
  record: BillRecord;
  tier?: PollTier;
  tierReviewAt?: string;
}

/** Bills, their tier rings and passes, changes and host slots, in memory. */
export class InMemoryPollWorld {
  readonly writes: WriteCounts = { state: 0, snapshot: 0, change: 0, tier: 0, pass: 0, slots: 0, run: 0 };
  private readonly bills = new Map<string, StoredBill>();
  private readonly rings = new Map<PollTier, string[]>([['active', []], ['dormant', []], ['resting', []]]);
  private readonly passes = new Map<PollTier, TierPass>();
  private readonly changes = new Set<string>();
  private nextFreeMs = 0;

  /** Watches `numbers` as new bills: no snapshot, in the active ring. */
  watch(numbers: readonly string[]): void {
    for (const number of numbers) {
      this.bills.set(number, { record: { number, watched: true, version: 0, health: { ok: true, consecutiveFailures: 0, errorCount: 0 } } });
    }
    this.rings.get('active')!.push(...numbers);
    this.rings.get('active')!.sort();
  }

  private file(number: string, assignment: TierAssignment): void {
    const stored = this.bills.get(number)!;
    if (stored.tier !== assignment.tier) {
      for (const ring of this.rings.values()) {
        const at = ring.indexOf(number);
        if (at >= 0) ring.splice(at, 1);
      }
      const ring = this.rings.get(assignment.tier)!;
      ring.splice(sortedIndex(ring, number), 0, number);
    }
    stored.tier = assignment.tier;
    stored.tierReviewAt = assignment.reviewAt;
  }

  readonly billStore: BillStore = {
    get: async (number) => this.bills.get(number)?.record,
    saveSnapshot: async (number: string, expectedVersion: number, write: SnapshotWrite) => {
      const stored = this.bills.get(number)!;
      this.writes.snapshot += 2;
      stored.record = {
        ...stored.record,
        bill: write.bill,
        version: expectedVersion + 1,
        contentHash: write.contentHash,
        health: { ...stored.record.health, ok: true, lastPolledAt: write.at, consecutiveFailures: 0 },
      };
      if (write.tier) this.file(number, write.tier);
      return expectedVersion + 1;
    },
    recordPollOutcome: async (number: string, outcome: PollOutcome) => {
      this.writes.state++;
      const stored = this.bills.get(number)!;
      stored.record.health = { ...stored.record.health, ok: outcome.kind !== 'error', lastPolledAt: outcome.at };
    },
    recordPollRun: async (_run: PollRunRecord) => void this.writes.run++,
    lastPollRun: async () => undefined,
    watch: unused,
    watchOnce: unused,
    unwatch: unused,
    listWatched: unused,
    listWatchedPage: unused,
    markDropQueued: unused,
    listUnqueuedDrops: unused,
    listWatchedStates: unused,
    watchedHealth: unused,
  };

  readonly changeStore: ChangeStore = {
    putIfAbsent: async (change: BillChange) => {
      this.writes.change++;
      if (this.changes.has(change.id)) return false;
      this.changes.add(change.id);
      return true;
    },
    markAllQueued: async (changes: readonly BillChange[]) => void (this.writes.change += changes.length),
    get: unused,
    listUnqueued: unused,
  };

  readonly schedule: PollScheduleStore = {
    ring: async (tier, after, limit) => {
      const ring = this.rings.get(tier)!;
      const start = after === undefined ? 0 : sortedIndex(ring, after, true);
      return ring.slice(start, start + limit).map((number): ScheduledBill => {
        const { record, tier: filed, tierReviewAt } = this.bills.get(number)!;
        return {
          number,
          version: record.version,
          ...(record.contentHash ? { contentHash: record.contentHash } : {}),
          healthOk: record.health.ok,
          ...(filed ? { tier: filed } : {}),
          ...(tierReviewAt ? { tierReviewAt } : {}),
        };
      });
    },
    pass: async (tier) => this.passes.get(tier),
    savePass: async (pass) => {
      this.writes.pass++;
      this.passes.set(pass.tier, pass);
    },
    fileInTier: async (number, assignment) => {
      this.writes.tier++;
      this.file(number, assignment);
    },
  };

  readonly slots: HostSlotStore = {
    claim: async (_host, count, gapMs, nowMs) => {
      this.writes.slots++;
      const first = Math.max(nowMs, this.nextFreeMs);
      this.nextFreeMs = first + count * gapMs;
      return first;
    },
  };
}

function unused(): never {
  throw new Error('not used by the poll simulation');
}

/** Where `number` goes in the sorted `ring` (after it, when `after`). */
function sortedIndex(ring: readonly string[], number: string, after = false): number {
  let low = 0;
  let high = ring.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ring[middle]! < number || (after && ring[middle] === number)) low = middle + 1;
    else high = middle;
  }
  return low;
}
