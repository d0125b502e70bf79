import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/*
 * One table holds every item (single-table design, docs/table-design.md). Keys are strings built here only,
 * so no other module spells a key prefix.
 */

/** The sparse index: items appear in it only while they carry GSI1PK (watched bills, unqueued changes). */
export const GSI1 = 'GSI1';

/** The attribute that DynamoDB's TTL deletes by; dynalite has no TTL, so readers also filter on it. */
export const TTL_ATTRIBUTE = 'expiresAt';

export const keys = {
  /**
   * A bill's snapshot. It and its state item (`billState`) sort next to each other: no other sort key of a bill lies
   * between `SNAPSHOT` and `STATE`, so one query reads both (shared/store/bill-store.ts).
   */
  bill: (number: string) => ({ PK: `BILL#${number}`, SK: 'SNAPSHOT' }),
  /** The small item a poll reads and writes: watch flag, validators, source health (the snapshot stays untouched). */
  billState: (number: string) => ({ PK: `BILL#${number}`, SK: 'STATE' }),
  /** The summary of the latest poll run of the watch list (unchanged bills are polled without a write of their own). */
  pollRun: { PK: 'POLLRUN', SK: 'LATEST' },
  /** Where a poll tier's current pass over its ring of bills has got to (see shared/pipeline/poll-run.ts). */
  pollPass: (tier: string) => ({ PK: 'POLLPASS', SK: tier }),
  /** The next free request slot at a host, shared by every poller (shared/store/host-slot-store.ts). */
  hostSlots: (host: string) => ({ PK: `HOSTSLOTS#${host}`, SK: 'NEXT' }),
  change: (billNumber: string, changeId: string) => ({ PK: `BILL#${billNumber}`, SK: `CHANGE#${changeId}` }),
  follower: (billNumber: string, subscriberId: string) => ({ PK: `BILL#${billNumber}`, SK: `FOLLOWER#${subscriberId}` }),
  follows: (subscriberId: string, billNumber: string) => ({ PK: `SUBSCRIBER#${subscriberId}`, SK: `FOLLOWS#${billNumber}` }),
  subscriber: (subscriberId: string) => ({ PK: `SUBSCRIBER#${subscriberId}`, SK: 'PROFILE' }),
  delivery: (changeId: string, subscriberId: string, channel: string) => ({
    PK: `DELIVERY#${changeId}`,
    SK: `${channel}#${subscriberId}`,
  }),
  /**
   * One sign-up request waiting for its confirmation link: the preferences asked for, until confirmed or expired.
   * Each request has its own item, so a later request never changes what an earlier link confirms. Without a
   * request id: the one pending item of a sign-up made before requests had ids (its link carries none).
   */
  pendingSignup: (subscriberId: string, requestId?: string) => ({
    PK: `SUBSCRIBER#${subscriberId}`,
    SK: requestId === undefined ? PENDING_PREFIX.slice(0, -1) : `${PENDING_PREFIX}${requestId}`,
  }),
  /** The definition of a topic (a saved query); its id is a hash of the query text. */
  topic: (topicId: string) => ({ PK: `TOPIC#${topicId}`, SK: 'QUERY' }),
  topicFollower: (topicId: string, subscriberId: string) => ({ PK: `TOPIC#${topicId}`, SK: `FOLLOWER#${subscriberId}` }),
  /** Which subscriber an email address is (subscriber ids are random: shared/store/address-book.ts). */
  address: (email: string) => ({ PK: `ADDRESS#${email}`, SK: 'SUBSCRIBER' }),
  /**
   * Where a subscriber with a legacy (address-derived) id went: its random id, written by the id migration
   * (shared/store/subscriber-id-migration.ts) so links carrying the old id keep working.
   */
  movedSubscriber: (legacyId: string) => ({ PK: `MOVED#${legacyId}`, SK: 'SUBSCRIBER' }),
  /** How far a one-off data migration has got, so a run that stopped resumes there. */
  migration: (name: string) => ({ PK: `MIGRATION#${name}`, SK: 'PROGRESS' }),
  /** Why an address must never be mailed again (hard bounce, complaint); keyed like its subscriber. */
  suppression: (subscriberId: string) => ({ PK: `SUPPRESSION#${subscriberId}`, SK: 'SUPPRESSION' }),
  /** One fixed-window counter of a rate limit, e.g. sign-ups per client IP per hour. */
  rateWindow: (scope: string, subject: string, windowStart: number) => ({
    PK: `RATE#${scope}#${subject}`,
    SK: `WINDOW#${windowStart}`,
  }),
  /** A cool-down: no second action of this kind for this subject until it passes (one confirmation email per N minutes). */
  cooldown: (scope: string, subject: string) => ({ PK: `COOLDOWN#${scope}#${subject}`, SK: 'UNTIL' }),
  /** A webhook or Slack endpoint: its URL, secrets, status and the bills it follows. */
  endpoint: (endpointId: string) => ({ PK: `ENDPOINT#${endpointId}`, SK: 'PROFILE' }),
  /** A delivery attempt due later than SQS can delay a message (15 min); the redrive function re-queues it. */
  retryDue: (deliveryKey: string) => ({ PK: `RETRY#${deliveryKey}`, SK: 'DUE' }),
  /** A change waiting for its recipient's next digest; one per (recipient, change), so a change is in one digest. */
  digestPending: (recipient: string, changeId: string) => ({ PK: `DIGEST#${recipient}`, SK: `PENDING#${changeId}` }),
  /** Proof that a change went out in a digest: a late duplicate of its pending item is dropped, never resent. */
  digestSent: (recipient: string, changeId: string) => ({ PK: `DIGEST#${recipient}`, SK: `SENT#${changeId}` }),
  /** Puts a recipient with pending digest items in the DIGEST_PENDING index, so send-digests finds it without a scan. */
  digestMarker: (recipient: string) => ({ PK: `DIGEST#${recipient}`, SK: 'MARKER' }),
  /** A recipient's week-ahead email of one ISO week: claimed before it is sent, then marked, so it goes once a week. */
  weekAhead: (recipient: string, week: string) => ({ PK: `WEEKAHEAD#${recipient}`, SK: `WEEK#${week}` }),
  /** A news feed's polling state: validators for the conditional GET, whether its baseline is taken, its health. */
  feed: (feedId: string) => ({ PK: `FEED#${feedId}`, SK: 'STATE' }),
  /** One way of recognising an item of a feed (guid, normalised link, title and date), claimed by the first item seen so. */
  feedItemSeen: (feedId: string, identityHash: string) => ({ PK: `FEED#${feedId}`, SK: `SEEN#${identityHash}` }),
  /** A news item seen in a feed, once; its id is a hash of the feed id and the item's key. */
  newsItem: (newsId: string) => ({ PK: `NEWS#${newsId}`, SK: 'ITEM' }),
  /** A news item that mentions a bill, kept with the bill for its page and its digest entry. */
  billNews: (billNumber: string, newsId: string) => ({ PK: `BILL#${billNumber}`, SK: `NEWS#${newsId}` }),
  /** A topic match or an "in the news" alert, written once under its deterministic id. */
  alert: (alertId: string) => ({ PK: `ALERT#${alertId}`, SK: 'ALERT' }),
  /**
   * A committee or initiator (shared/origins/bill-origin.ts): its name, and when a bill's passport last named it (absent
   * while only followed, never seen). In the ORIGINS index, by kind and normalised name: the forms' list of names.
   */
  origin: (originId: string) => ({ PK: `ORIGIN#${originId}`, SK: 'DEFINITION' }),
  /** A subscriber following a committee or initiator, with how they want its "new bill" alerts. */
  originFollower: (originId: string, subscriberId: string) => ({ PK: `ORIGIN#${originId}`, SK: `FOLLOWER#${subscriberId}` }),
  /** A small copy of a news item under its feed, newest last in key order: the feed's recent items for the console. */
  feedItem: (feedId: string, seenAt: string, newsId: string) => ({ PK: `FEED#${feedId}`, SK: `ITEM#${seenAt}#${newsId}` }),
} as const;

/**
 * A watched bill's sort key in the WATCHED partition of GSI1: its poll tier's ring, then its number. Active bills
 * keep the bare number (as every bill had before tiers), so a bill watched before tiers existed is polled as active
 * until its first poll files it; the other rings sort after every number (`~`).
 */
export function watchedSortKey(tier: 'active' | 'dormant' | 'resting', number: string): string {
  return tier === 'active' ? number : `${WATCHED_RING_PREFIX}${tier}#${number}`;
}
export const WATCHED_RING_PREFIX = '~';

/** GSI1 partitions. */
export const gsi1 = {
  watched: 'WATCHED',
  outbox: 'OUTBOX',
  /** Subscriber profiles written by sign-up and admin (sorted by address), for the admin API's listing. */
  subscribers: 'SUBSCRIBERS',
  /** Topic definitions (sorted by query text), for the admin API and topic matching. */
  topics: 'TOPICS',
  /** Suppressed addresses (sorted by time), for the admin API. */
  suppressions: 'SUPPRESSIONS',
  /** Webhook and Slack endpoints (sorted by creation time). */
  endpoints: 'ENDPOINTS',
  /** The delivery log of one endpoint, newest last in key order (sorted by creation time). */
  deliveries: (endpointId: string) => `DELIVERIES#${endpointId}`,
  /** Delivery attempts waiting beyond SQS's longest delay (sorted by due time). */
  retryDue: 'RETRY_DUE',
  /** Digest recipients with changes waiting (sorted by recipient). */
  digestPending: 'DIGEST_PENDING',
  /**
   * Bills the watch list dropped (the source never had them) whose followers are not told yet (sorted by drop time):
   * the outbox of the "no longer watched" notice.
   */
  droppedOutbox: 'DROPPED_OUTBOX',
  /** News items recorded but not yet queued for fan-out (sorted by when seen); emptied by every feed poll. */
  newsOutbox: 'NEWS_OUTBOX',
  /** Committees and initiators seen in passports or followed (sorted by kind, then normalised name). */
  origins: 'ORIGINS',
  /** Snapshots of bills whose committee or initiators changed, not yet queued for fan-out (sorted by when noticed). */
  originOutbox: 'ORIGIN_OUTBOX',
  /** The alerts one topic raised (sorted by time), for the console; keyed by the normalised query's key. */
  topicMatches: (topicKey: string) => `MATCHES#${topicKey}`,
} as const;

export const BILL_PREFIX = 'BILL#';
export const FOLLOWER_PREFIX = 'FOLLOWER#';
export const FOLLOWS_PREFIX = 'FOLLOWS#';
export const PENDING_PREFIX = 'PENDING#';
export const TOPIC_PREFIX = 'TOPIC#';
export const NEWS_PREFIX = 'NEWS#';
export const FEED_ITEM_PREFIX = 'ITEM#';
export const DIGEST_PENDING_PREFIX = 'PENDING#';
export const DIGEST_SENT_PREFIX = 'SENT#';

/** The table definition, shared by the local runtime and tests (infra/ declares the same keys in CDK). */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'PK', AttributeType: 'S' },
      { AttributeName: 'SK', AttributeType: 'S' },
      { AttributeName: 'GSI1PK', AttributeType: 'S' },
      { AttributeName: 'GSI1SK', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: GSI1,
        KeySchema: [
          { AttributeName: 'GSI1PK', KeyType: 'HASH' },
          { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

/** A kind of item, named as in {@link keys}. */
export type KeyKind = keyof typeof keys;
/** A GSI1 partition, named as in {@link gsi1}. */
export type IndexKind = keyof typeof gsi1;

/** The partitions a store reads and writes, as kinds of keys: what IAM's `dynamodb:LeadingKeys` conditions are built from. */
export interface StoreKeys {
  /** Kinds of items, by their table partition key (PK). */
  keys: readonly KeyKind[];
  /** GSI1 partitions it queries (LeadingKeys of a Query on the index is its GSI1PK). */
  index: readonly IndexKind[];
}

/**
 * The partition-key pattern of a kind of key, for `dynamodb:LeadingKeys` (StringLike): `BILL#*` for `BILL#<number>`,
 * the value itself for a fixed partition (`POLLRUN`, `WATCHED`).
 */
export function leadingKeyPattern(value: string | ((...args: string[]) => string | { PK: string }) | { PK: string }): string {
  const resolved = typeof value === 'function' ? value('x', 'x', 'x') : value;
  const partition = typeof resolved === 'string' ? resolved : resolved.PK;
  const hash = partition.indexOf('#');
  return hash === -1 ? partition : `${partition.slice(0, hash + 1)}*`;
}

/** The LeadingKeys patterns of some stores: table partitions and GSI1 partitions, each sorted and distinct. */
export function leadingKeysOf(stores: readonly StoreKeys[]): { table: string[]; index: string[] } {
  const distinct = (patterns: string[]) => [...new Set(patterns)].sort();
  return {
    table: distinct(stores.flatMap((store) => store.keys.map((kind) => leadingKeyPattern(keys[kind] as never)))),
    index: distinct(stores.flatMap((store) => store.index.map((kind) => leadingKeyPattern(gsi1[kind] as never)))),
  };
}
