import type { TableAccess } from '../access/access.js';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Bill } from '../bill/bill.js';
import type { PlannedRevisions } from '../bill/planned-revisions.js';
import { POLL_TIERS, type PollTier, type TierAssignment } from '../bill/poll-tier.js';
import { BILL_DEFLATED, decodeBillSnapshot, encodeBillSnapshot } from './bill-snapshot-codec.js';
import { billSummaryOf, EVENT_COUNT } from './bill-summaries.js';
import { ORIGIN_NOTICE_FIELDS, originNoticeValues } from './origin-outbox-store.js';
import { ignoreConditionFailure, isConditionFailure, queryAll } from './dynamo-helpers.js';
import { queryPage, type PageRequest } from './query-page.js';
import type { Page } from './subscription-store.js';
import { FOLLOWER_PREFIX, GSI1, gsi1, keys, watchedSortKey } from './table-schema.js';

/** How the last poll of a bill went: what `status` shows and operators alarm on. */
export interface SourceHealth {
  ok: boolean;
  lastPolledAt?: string;
  lastOkAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  /** Failures since the last success. */
  consecutiveFailures: number;
  errorCount: number;
}

/** A watched bill as stored: the last good snapshot and what is needed to poll it cheaply. */
export interface BillRecord {
  number: string;
  watched: boolean;
  /** Optimistic-lock version of the snapshot; 0 until the first good parse. */
  version: number;
  /** The last good parse; absent until the first. */
  bill?: Bill;
  /** When the snapshot was last saved (its page last changed). */
  snapshotAt?: string;
  /** How each planned event's date has moved (shared/bill/planned-revisions.ts); absent on snapshots saved before. */
  plannedRevisions?: PlannedRevisions;
  /** True once the source said the bill does not exist yet: its first events then all count as new. */
  missingAtSource?: boolean;
  /** When the source first said the bill does not exist; events dated on earlier days are its baseline, not news. */
  missingSince?: string;
  /** "No such bill" answers in a row; polling backs off until `missingRetryAt`, and stops at a limit. */
  missingPolls?: number;
  missingRetryAt?: string;
  contentHash?: string;
  etag?: string;
  lastModified?: string;
  /** The poll tier the bill is filed in (shared/bill/poll-tier.ts); absent until its first filing. */
  pollTier?: PollTier;
  health: SourceHealth;
}

/**
 * What polling needs of a watched bill without reading its whole snapshot. `healthOk` false (the last poll failed)
 * means the next good poll has health to write; absent is taken as healthy. `missingAtSource` is the state item's
 * flag, false when the item has none; absent means not known (a WatchedBill made elsewhere than from the state item),
 * and polling then reads the snapshot rather than trust `version` to say there is none.
 */
export type WatchedBill = Pick<
  BillRecord,
  'number' | 'version' | 'contentHash' | 'etag' | 'lastModified' | 'missingAtSource' | 'missingPolls' | 'missingRetryAt'
> & {
  healthOk?: boolean;
};

/** The state item's attributes a {@link WatchedBill} is read from (`#number`, `#version` are the caller's names). */
export const WATCHED_BILL_PROJECTION = '#number, #version, contentHash, etag, lastModified, healthOk, missingAtSource, missingPolls, missingRetryAt';

/** A {@link WatchedBill} from a state item read with {@link WATCHED_BILL_PROJECTION}. */
export function watchedBillOf(item: Record<string, unknown>): WatchedBill {
  const { etag, lastModified, missingAtSource, ...bill } = item;
  return {
    ...(bill as WatchedBill),
    // Validators a server stopped sending are stored as null.
    ...(etag ? { etag: etag as string } : {}),
    ...(lastModified ? { lastModified: lastModified as string } : {}),
    // Read from the state item, so known: a flag the item does not have is false, not "not known".
    missingAtSource: missingAtSource === true,
  };
}

/** Thrown when another writer saved the snapshot first (optimistic locking). */
export class SnapshotConflictError extends Error {
  override readonly name = 'SnapshotConflictError';
}

/**
 * Thrown by a save made {@link SnapshotWrite.whileNeverMissing} when the state says the source reported the bill
 * missing after all: the snapshot is saved, the state is not.
 */
export class MissingMeanwhileError extends Error {
  override readonly name = 'MissingMeanwhileError';
}

export interface SnapshotWrite {
  bill: Bill;
  contentHash: string;
  etag?: string;
  lastModified?: string;
  at: string;
  /** The bill's poll tier from this snapshot: it files the bill in its tier's ring of the watch list. */
  tier?: TierAssignment;
  /** The planned dates' revisions as of this snapshot, saved in the same conditional write. */
  plannedRevisions?: PlannedRevisions;
  /**
   * The signature of origins this snapshot noticed (shared/pipeline/notice-origins.ts): the snapshot enters the outbox
   * of "new bill from …" alerts in the same conditional write (shared/store/origin-outbox-store.ts).
   */
  originSignature?: string;
  /**
   * Set by a first read that skipped reading what is stored, trusting the watch list's copy of the state to say the
   * source never reported the bill missing: the state write then holds only if that is still so, else
   * {@link MissingMeanwhileError} (another poller recorded a miss since the copy was read).
   */
  whileNeverMissing?: boolean;
}

/** Validators to keep for the next conditional GET. */
export interface PageValidators {
  etag?: string;
  lastModified?: string;
}

export type PollOutcome =
  /** `validators`: the page answered 200 with the same fingerprint but new validators, kept for the next GET. */
  | { kind: 'ok'; at: string; validators?: PageValidators }
  /** The source has no such bill: ask again at `retryAt`, or, when absent, take the bill off the watch list. */
  | { kind: 'missing'; at: string; retryAt?: string }
  | { kind: 'error'; at: string; error: string };

/** One poll run of the watch list, as a whole: where "last polled" lives for bills whose poll wrote nothing. */
export interface PollRunRecord {
  startedAt: string;
  finishedAt: string;
  /** Bills polled in the run. */
  bills: number;
  changes: number;
  /** How many bills ended each way (unchanged, changed, source-error…). */
  outcomes: Record<string, number>;
}

/** Bills on the watch list and their snapshots. */
export interface BillStore {
  get(number: string): Promise<BillRecord | undefined>;
  /** Adds a bill to the watch list; keeps any snapshot it already has. */
  watch(number: string): Promise<void>;
  /**
   * Puts a bill on the watch list to be read once, without holding it there: after its first read a bill nobody
   * follows leaves the list again (a new bill read for its committee and initiators).
   */
  watchOnce(number: string): Promise<void>;
  unwatch(number: string): Promise<void>;
  listWatched(): AsyncIterable<WatchedBill[]>;
  /** One page of the watch list's bill numbers, in number order. */
  listWatchedPage(page: PageRequest): Promise<Page<string>>;
  /** One page of the watch list with each bill's poll state and health, without its snapshot. */
  listWatchedStates(page: PageRequest): Promise<Page<BillRecord>>;
  /** How many bills are watched and which are failing, from the watch list's index alone. */
  watchedHealth(): Promise<{ watched: number; failing: { number: string; health: SourceHealth }[] }>;
  /**
   * Saves a new snapshot if the stored version is still `expectedVersion`, with its validators and a healthy poll
   * at `write.at`; returns the new version.
   */
  saveSnapshot(number: string, expectedVersion: number, write: SnapshotWrite): Promise<number>;
  /** Writes a poll's health (and validators); polls that change neither never call it, so they write nothing. */
  recordPollOutcome(number: string, outcome: PollOutcome): Promise<void>;
  /** Keeps the summary of the latest poll run (one write per run, whatever the number of bills). */
  recordPollRun(run: PollRunRecord): Promise<void>;
  lastPollRun(): Promise<PollRunRecord | undefined>;
  /** The drop is queued for its notice: the bill leaves the outbox of drops (a no-op once it has). */
  markDropQueued(number: string): Promise<void>;
  /** Drops recorded before `before` (ISO) whose notice was never queued, a page at a time. */
  listUnqueuedDrops(before: string): AsyncIterable<DroppedBill[]>;
}

/** A bill the watch list dropped because the source never had it, and when. */
export interface DroppedBill {
  billNumber: string;
  droppedAt: string;
}

/**
 * BillStore on the single DynamoDB table, in two items per bill: the snapshot (`SNAPSHOT`: the parsed bill and its
 * version) and the poll state (`STATE`: watch flag, validators, source health). A poll that finds the page unchanged
 * and the bill healthy writes nothing; one whose health or validators moved writes the small state item only.
 */
export class DynamoBillStore implements BillStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'],
    keys: ['bill', 'billState', 'pollRun'],
    index: ['watched', 'droppedOutbox'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(number: string): Promise<BillRecord | undefined> {
    // One query reads both items (two GetItems cost the poller a second request on every read or changed bill).
    const { PK, SK: first } = keys.bill(number);
    const last = keys.billState(number).SK;
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :last',
        ExpressionAttributeValues: { ':pk': PK, ':first': first, ':last': last },
        ConsistentRead: true,
      }),
    );
    const snapshot = Items.find((item) => item.SK === first);
    const state = Items.find((item) => item.SK === last);
    if (!snapshot && !state) return undefined;
    return toRecord(number, snapshot ?? {}, state ?? {});
  }

  async watch(number: string): Promise<void> {
    await watchBills(this.db, this.tableName, [number], { byOperator: true });
  }

  async watchOnce(number: string): Promise<void> {
    await watchBills(this.db, this.tableName, [number]);
  }

  async unwatch(number: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.billState(number),
        UpdateExpression: 'REMOVE operatorWatch',
        ConditionExpression: 'attribute_exists(PK)',
      }),
    ).catch(ignoreConditionFailure);
    await releaseBills(this.db, this.tableName, [number]);
  }

  /**
   * One page of the watch list in bill-number order, for listings that show a page at a time.
   * @throws InvalidCursorError for a cursor this listing did not hand out
   */
  async listWatchedStates(page: PageRequest): Promise<Page<BillRecord>> {
    // The index holds the whole state item (watch flag, health): one query per page, no read per bill.
    return queryPage(this.db, { tableName: this.tableName, partition: gsi1.watched, index: true }, page, (item) =>
      typeof item.number === 'string' ? toRecord(item.number, {}, item) : undefined,
    );
  }

  async watchedHealth(): Promise<{ watched: number; failing: { number: string; health: SourceHealth }[] }> {
    let watched = 0;
    const failing: { number: string; health: SourceHealth }[] = [];
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :watched',
      ExpressionAttributeValues: { ':watched': gsi1.watched },
    });
    for await (const page of pages) {
      for (const item of page) {
        watched++;
        const { number, health } = toRecord(String(item.number), {}, item);
        if (!health.ok) failing.push({ number, health });
      }
    }
    return { watched, failing };
  }

  async listWatchedPage(page: PageRequest): Promise<Page<string>> {
    return queryPage(this.db, { tableName: this.tableName, partition: gsi1.watched, index: true }, page, (item) =>
      typeof item.number === 'string' ? item.number : undefined,
    );
  }

  async *listWatched(): AsyncIterable<WatchedBill[]> {
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :watched',
      ExpressionAttributeValues: { ':watched': gsi1.watched },
      ProjectionExpression: WATCHED_BILL_PROJECTION,
      ExpressionAttributeNames: { '#number': 'number', '#version': 'version' },
    });
    for await (const page of pages) yield page.map(watchedBillOf);
  }

  async saveSnapshot(number: string, expectedVersion: number, write: SnapshotWrite): Promise<number> {
    const version = expectedVersion + 1;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.bill(number),
          // The bill is its JSON deflated into one binary attribute (shared/store/bill-snapshot-codec.ts), not a
          // DynamoDB map of its ~1,000 attributes: nothing queries inside it, and marshalling such a map cost more CPU
          // than the rest of a changed bill's poll. The summary and event count beside it are what listings project.
          // REMOVE: a snapshot saved before keeps its older layout (`billJson` string, `bill` map) until this save.
          UpdateExpression:
            `SET #number = :number, ${BILL_DEFLATED} = :bill, summary = :summary, ${EVENT_COUNT} = :events, #version = :version, snapshotAt = :at${write.plannedRevisions ? ', plannedRevisions = :planned' : ''}` +
            `${write.originSignature ? `, ${ORIGIN_NOTICE_FIELDS}` : ''} REMOVE billJson, bill`,
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : '#version = :expected',
          ExpressionAttributeNames: { '#number': 'number', '#version': 'version' },
          ExpressionAttributeValues: {
            ':number': number,
            ':bill': encodeBillSnapshot(write.bill),
            ':summary': billSummaryOf(write.bill),
            ':events': write.bill.events.length,
            ':version': version,
            ':at': write.at,
            ...(write.plannedRevisions ? { ':planned': write.plannedRevisions } : {}),
            ...(write.originSignature ? originNoticeValues(number, write.originSignature, write.at) : {}),
            ...(expectedVersion === 0 ? {} : { ':expected': expectedVersion }),
          },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new SnapshotConflictError(`bill ${number}: snapshot version ${expectedVersion} was replaced by another poller`);
      }
      throw error;
    }
    // A crash before this write leaves old validators: the next poll reads the page in full, finds no new event
    // against the new snapshot, and writes them then.
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.billState(number),
        UpdateExpression:
          'SET #number = :number, #version = :version, contentHash = :hash, etag = :etag, lastModified = :lastModified, ' +
          `${HEALTHY_POLL}${write.tier ? `, ${TIER_FIELDS}` : ''} REMOVE missingAtSource, missingSince, missingPolls, missingRetryAt`,
        ExpressionAttributeNames: { '#number': 'number', '#version': 'version' },
        ExpressionAttributeValues: {
          ':number': number,
          ':version': version,
          ':hash': write.contentHash,
          ':etag': write.etag ?? null,
          ':lastModified': write.lastModified ?? null,
          ':true': true,
          ':at': write.at,
          ':zero': 0,
          ...(write.tier ? tierValues(number, write.tier) : {}),
          ...(write.whileNeverMissing ? { ':false': false } : {}),
        },
        ...(write.whileNeverMissing ? { ConditionExpression: 'attribute_not_exists(missingAtSource) OR missingAtSource = :false' } : {}),
      }),
    ).catch((error: unknown) => {
      if (write.whileNeverMissing && isConditionFailure(error)) {
        throw new MissingMeanwhileError(`bill ${number}: the source reported it missing since the watch list was read`);
      }
      throw error;
    });
    return version;
  }

  async recordPollOutcome(number: string, outcome: PollOutcome): Promise<void> {
    const base = { TableName: this.tableName, Key: keys.billState(number) };
    if (outcome.kind === 'error') {
      await this.db.send(
        new UpdateCommand({
          ...base,
          UpdateExpression:
            'SET #number = :number, healthOk = :false, lastPolledAt = :at, lastErrorAt = :at, lastError = :error ADD consecutiveFailures :one, errorCount :one',
          ExpressionAttributeNames: { '#number': 'number' },
          ExpressionAttributeValues: { ':number': number, ':false': false, ':at': outcome.at, ':error': outcome.error.slice(0, 1000), ':one': 1 },
        }),
      );
      return;
    }
    const validators = outcome.kind === 'ok' ? outcome.validators : undefined;
    const missing = outcome.kind === 'missing' ? outcome : undefined;
    const set = ['#number = :number', HEALTHY_POLL];
    const values: Record<string, unknown> = { ':number': number, ':true': true, ':at': outcome.at, ':zero': 0 };
    if (validators) {
      set.push('etag = :etag, lastModified = :lastModified');
      Object.assign(values, { ':etag': validators.etag ?? null, ':lastModified': validators.lastModified ?? null });
    }
    if (missing) {
      // The back-off of a bill the source does not have; without a retry time the bill leaves the watch list.
      set.push('missingAtSource = :true, missingSince = if_not_exists(missingSince, :at)');
      // A dropped bill leaves the watch list for the outbox of drops, in the same write: its followers' notice cannot be lost.
      set.push(missing.retryAt ? 'missingRetryAt = :retryAt' : 'watched = :false, droppedAsMissingAt = :at, GSI1PK = :dropped, GSI1SK = :droppedKey');
      Object.assign(
        values,
        { ':one': 1 },
        missing.retryAt ? { ':retryAt': missing.retryAt } : { ':false': false, ':dropped': gsi1.droppedOutbox, ':droppedKey': `${outcome.at}#${number}` },
      );
    }
    await this.db.send(
      new UpdateCommand({
        ...base,
        UpdateExpression: `SET ${set.join(', ')}${missing ? ' ADD missingPolls :one' : ''}${missing && !missing.retryAt ? ' REMOVE missingRetryAt' : ''}`,
        ExpressionAttributeNames: { '#number': 'number' },
        ExpressionAttributeValues: values,
      }),
    );
  }

  async markDropQueued(number: string): Promise<void> {
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.billState(number),
          UpdateExpression: 'REMOVE GSI1PK, GSI1SK',
          // A bill followed and watched again since is on the watch list: it stays there.
          ConditionExpression: 'GSI1PK = :dropped',
          ExpressionAttributeValues: { ':dropped': gsi1.droppedOutbox },
        }),
      )
      .catch(ignoreConditionFailure);
  }

  async *listUnqueuedDrops(before: string): AsyncIterable<DroppedBill[]> {
    const pages = queryAll<{ number: string; droppedAsMissingAt: string }>(this.db, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :dropped AND GSI1SK < :before',
      ExpressionAttributeValues: { ':dropped': gsi1.droppedOutbox, ':before': before },
      ProjectionExpression: '#number, droppedAsMissingAt',
      ExpressionAttributeNames: { '#number': 'number' },
    });
    for await (const page of pages) yield page.map((item) => ({ billNumber: item.number, droppedAt: item.droppedAsMissingAt }));
  }

  async recordPollRun(run: PollRunRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.pollRun, ...run } }));
  }

  async lastPollRun(): Promise<PollRunRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.pollRun, ConsistentRead: true }));
    if (!Item) return undefined;
    const { PK: _pk, SK: _sk, ...run } = Item;
    return run as PollRunRecord;
  }
}

/** The state item's poll tier, the moment to review it, and its place in the tier's ring (see tierValues). */
export const TIER_FIELDS = 'pollTier = :tier, tierReviewAt = :reviewAt, GSI1SK = :ringKey';

/** The values of {@link TIER_FIELDS}. */
export function tierValues(number: string, assignment: TierAssignment): Record<string, string | null> {
  return { ':tier': assignment.tier, ':reviewAt': assignment.reviewAt ?? null, ':ringKey': watchedSortKey(assignment.tier, number) };
}

/** The state item's fields after a good poll at `:at` (`:true`, `:zero` bound by the caller). */
const HEALTHY_POLL = 'healthOk = :true, lastPolledAt = :at, lastOkAt = :at, consecutiveFailures = :zero';

/**
 * Puts bills on the watch list (idempotent; keeps any snapshot). Every store that makes someone follow a bill calls
 * it after writing the follower item, so a followed bill is always polled, whichever door the follow came through.
 * An operator's watch (admin API, CLI) is recorded as such: it holds the bill on the list with no follower at all.
 */
export async function watchBills(
  db: DynamoDBDocumentClient,
  tableName: string,
  numbers: Iterable<string>,
  options: { byOperator?: boolean } = {},
): Promise<void> {
  for (const number of new Set(numbers)) {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.billState(number),
        UpdateExpression: `SET #number = :number, watched = :true, GSI1PK = :watched, GSI1SK = :number, #version = if_not_exists(#version, :zero)${
          options.byOperator ? ', operatorWatch = :true' : ''
        }`,
        ExpressionAttributeNames: { '#number': 'number', '#version': 'version' },
        ExpressionAttributeValues: { ':number': number, ':true': true, ':watched': gsi1.watched, ':zero': 0 },
      }),
    );
  }
}

/**
 * Takes bills off the watch list once nothing follows them: no follower item (subscriber, webhook, Slack) and no
 * operator's watch. Called after a follower goes. A follow racing with this is never lost: the follower item is
 * written before its watch, and the followers are read again after the unwatch, re-watching if one appeared.
 */
export async function releaseBills(db: DynamoDBDocumentClient, tableName: string, numbers: Iterable<string>): Promise<void> {
  for (const number of new Set(numbers)) {
    if (await hasFollower(db, tableName, number)) continue;
    const released = await db
      .send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.billState(number),
          UpdateExpression: 'SET watched = :false REMOVE GSI1PK, GSI1SK',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(operatorWatch)',
          ExpressionAttributeValues: { ':false': false },
        }),
      )
      .then(
        () => true,
        (error: unknown) => {
          ignoreConditionFailure(error);
          return false;
        },
      );
    if (released && (await hasFollower(db, tableName, number))) await watchBills(db, tableName, [number]);
  }
}

async function hasFollower(db: DynamoDBDocumentClient, tableName: string, number: string): Promise<boolean> {
  const { Items } = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :follower)',
      ExpressionAttributeValues: { ':pk': keys.bill(number).PK, ':follower': FOLLOWER_PREFIX },
      ProjectionExpression: 'PK',
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).length > 0;
}

function toRecord(number: string, snapshot: Record<string, unknown>, state: Record<string, unknown>): BillRecord {
  const text = (key: string) => (typeof state[key] === 'string' ? (state[key] as string) : undefined);
  return {
    number,
    watched: state.watched === true,
    // The snapshot's own version is the lock; the state's copy may lag behind it after a crash.
    version: Number(snapshot.version ?? 0),
    bill: decodeBillSnapshot(number, snapshot),
    ...(typeof snapshot.snapshotAt === 'string' ? { snapshotAt: snapshot.snapshotAt } : {}),
    ...(snapshot.plannedRevisions ? { plannedRevisions: snapshot.plannedRevisions as PlannedRevisions } : {}),
    missingAtSource: state.missingAtSource === true,
    missingSince: text('missingSince'),
    ...(typeof state.missingPolls === 'number' ? { missingPolls: state.missingPolls } : {}),
    ...(typeof state.missingRetryAt === 'string' ? { missingRetryAt: state.missingRetryAt } : {}),
    contentHash: text('contentHash'),
    etag: text('etag'),
    lastModified: text('lastModified'),
    ...(POLL_TIERS.includes(state.pollTier as PollTier) ? { pollTier: state.pollTier as PollTier } : {}),
    health: {
      ok: state.healthOk !== false,
      lastPolledAt: text('lastPolledAt'),
      lastOkAt: text('lastOkAt'),
      lastErrorAt: text('lastErrorAt'),
      lastError: text('lastError'),
      consecutiveFailures: Number(state.consecutiveFailures ?? 0),
      errorCount: Number(state.errorCount ?? 0),
    },
  };
}
