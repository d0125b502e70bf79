import type { TableAccess } from '../access/access.js';
import { createHash, randomBytes } from 'node:crypto';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Preferences } from '../subscriptions/subscription-preferences.js';
import { isConditionFailure, queryAll } from './dynamo-helpers.js';
import { indexSortKey } from './index-sort-key.js';
import { EmailAddressSchema, toSubscriber, type Subscriber, type SubscriberStore } from './subscriber-store.js';
import { GSI1, gsi1, keys, TTL_ATTRIBUTE } from './table-schema.js';
import { releaseBills, watchBills } from './bill-store.js';
import { followedOrigins, originId } from '../origins/bill-origin.js';
import { defineOrigins } from './origin-store.js';

/** A sign-up as stored until its link is followed. */
export interface PendingSignup {
  subscriberId: string;
  /** Absent only on a request stored before requests had ids. */
  requestId?: string;
  email: string;
  preferences: Preferences;
  requestedAt: string;
  expiresAt: number;
}

export type ConfirmOutcome =
  | { kind: 'confirmed'; subscriber: Subscriber }
  /** The link was followed before (or the address was active already and nothing waits): nothing changes. */
  | { kind: 'already-active'; subscriber: Subscriber }
  | { kind: 'expired' }
  | { kind: 'suppressed' };

/** One page of a listing; `cursor` fetches the next page and is absent on the last. */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** A topic as the admin API lists it. */
export interface TopicDefinition {
  topicId: string;
  query: string;
}

/** What the subscriber listing can be narrowed to. */
export interface SubscriberListOptions {
  status?: Subscriber['status'];
  frequency?: 'instant' | 'daily' | 'weekly';
  /** Only subscribers whose profile lists this bill. */
  bill?: string;
  /** Only addresses that start with this (the index is sorted by address). */
  emailPrefix?: string;
  limit: number;
  cursor?: string;
  now: Date;
}

/** Thrown for a listing cursor that this store did not hand out. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/** The id of a topic: the same query text always maps to the same topic, so followers of one query share it. */
export function topicIdForQuery(query: string): string {
  return `t${createHash('sha256').update(query).digest('hex').slice(0, 24)}`;
}

/**
 * Subscriptions with their preferences: sign-up awaiting confirmation, confirmation, preference changes.
 * The profile (SUBSCRIBER#id/PROFILE) holds the preferences; once confirmed, BILL#n/FOLLOWER#id and
 * TOPIC#t/FOLLOWER#id items mirror what is followed, carrying frequency and stage filter so fan-out can
 * filter without reading each profile. Unconfirmed addresses never get follower items.
 */
export class DynamoSubscriptionStore {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'],
    keys: ['follower', 'follows', 'pendingSignup', 'subscriber', 'topic', 'topicFollower', 'originFollower'],
    index: ['subscribers', 'topics'],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly subscribers: SubscriberStore,
  ) {}

  /**
   * Records one sign-up request awaiting confirmation, under a fresh request id: requests never overwrite each
   * other, so a link confirms what its own email showed. A new (or still unconfirmed) address gets a pending
   * profile that expires with the request; a known address keeps its profile untouched until a link is followed.
   */
  async requestSignup(input: {
    subscriberId: string;
    email: string;
    preferences: Preferences;
    at: Date;
    expiresAt: number;
  }): Promise<PendingSignup & { requestId: string }> {
    const email = EmailAddressSchema.parse(input.email);
    const { subscriberId } = input;
    const pending = {
      subscriberId,
      requestId: randomBytes(16).toString('base64url'),
      email,
      preferences: input.preferences,
      requestedAt: input.at.toISOString(),
      expiresAt: input.expiresAt,
    };
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.pendingSignup(subscriberId, pending.requestId), ...pending },
        // A random id never collides; the condition only makes sure no request is ever replaced.
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.subscriber(subscriberId),
          UpdateExpression:
            'SET id = :id, email = :email, #language = :language, #status = :pending, createdAt = if_not_exists(createdAt, :at), #ttl = :expiresAt, GSI1PK = :index, GSI1SK = :email',
          ConditionExpression: 'attribute_not_exists(PK) OR #status = :pending',
          ExpressionAttributeNames: { '#language': 'language', '#status': 'status', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':id': subscriberId,
            ':email': email,
            ':language': input.preferences.language,
            ':pending': 'pending',
            ':at': pending.requestedAt,
            ':expiresAt': input.expiresAt,
            ':index': gsi1.subscribers,
          },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    return pending;
  }

  /**
   * One sign-up request waiting for confirmation, unless it has expired or was confirmed. Without a request id:
   * the single request of a sign-up made before requests had ids.
   */
  async getPendingSignup(subscriberId: string, requestId: string | undefined, now: Date): Promise<PendingSignup | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.pendingSignup(subscriberId, requestId), ConsistentRead: true }),
    );
    return Item && !isExpired(Item, now) ? toPendingSignup(Item) : undefined;
  }

  /** The newest unexpired request of an unconfirmed subscriber, for the admin API's view of it. */
  async latestPendingSignup(subscriberId: string, now: Date): Promise<PendingSignup | undefined> {
    let latest: PendingSignup | undefined;
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.subscriber(subscriberId).PK, ':prefix': keys.pendingSignup(subscriberId).SK },
      ConsistentRead: true,
    });
    for await (const page of pages) {
      for (const item of page) {
        if (isExpired(item, now)) continue;
        const pending = toPendingSignup(item);
        if (!latest || pending.requestedAt > latest.requestedAt) latest = pending;
      }
    }
    return latest;
  }

  /** The subscriber, or undefined when there is none or only an expired unconfirmed sign-up. */
  async get(subscriberId: string, now: Date): Promise<Subscriber | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.subscriber(subscriberId), ConsistentRead: true }),
    );
    return Item && !isExpired(Item, now) ? toSubscriber(Item) : undefined;
  }

  /**
   * Follows the confirmation link of one request: that request's preferences become the subscriber's, replacing
   * what an active subscriber followed (the email and the page said so), and the follower items are written.
   * Other pending requests stay as they are: each is confirmed by its own link or expires.
   * `isSuppressed` is asked first: a suppressed address is never activated again.
   */
  async confirm(
    subscriberId: string,
    requestId: string | undefined,
    now: Date,
    isSuppressed: (subscriberId: string) => Promise<boolean>,
  ): Promise<ConfirmOutcome> {
    if (await isSuppressed(subscriberId)) return { kind: 'suppressed' };
    const [pending, current] = await Promise.all([this.getPendingSignup(subscriberId, requestId, now), this.get(subscriberId, now)]);
    if (!pending) return current?.status === 'active' ? { kind: 'already-active', subscriber: current } : { kind: 'expired' };
    const subscriber = await this.writeActive(subscriberId, pending.email, pending.preferences, now, current);
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.pendingSignup(subscriberId, requestId) }));
    return { kind: 'confirmed', subscriber };
  }

  /**
   * Replaces the preferences of a confirmed subscriber and re-syncs the follower items. With `reactivate`,
   * an unsubscribed subscriber becomes active again (they asked, from a link in their own mailbox).
   * Returns undefined, changing nothing, for a subscriber that is absent, unconfirmed or suppressed.
   */
  async updatePreferences(
    subscriberId: string,
    preferences: Preferences,
    now: Date,
    options: { reactivate: boolean },
  ): Promise<Subscriber | undefined> {
    const current = await this.get(subscriberId, now);
    if (!current || current.status === 'pending' || current.status === 'suppressed') return undefined;
    if (current.status === 'unsubscribed' && !options.reactivate) {
      return this.writeProfile(current, preferences, now, 'unsubscribed');
    }
    return this.writeActive(subscriberId, current.email, preferences, now, current);
  }

  /** Stops all mail at once (subscriberStore.unsubscribe) and removes the topic follows too. */
  async unsubscribe(subscriberId: string, now: Date): Promise<void> {
    const current = await this.get(subscriberId, now);
    await this.subscribers.unsubscribe(subscriberId);
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.subscriber(subscriberId),
          UpdateExpression: 'SET unsubscribedAt = :at',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':at': now.toISOString() },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    await this.deleteItems(followItemKeys(current, subscriberId));
  }

  /**
   * The key of a subscriber's private feed URLs, made on first use. With `reset`, a new key replaces it, so every
   * URL made with the old one stops working. Undefined for a subscriber that does not exist.
   */
  async feedKey(subscriberId: string, options: { reset: boolean }): Promise<string | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.subscriber(subscriberId),
          UpdateExpression: options.reset ? 'SET feedKey = :key' : 'SET feedKey = if_not_exists(feedKey, :key)',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':key': randomBytes(16).toString('base64url') },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Attributes?.feedKey as string;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** The bills a subscriber follows, from the FOLLOWS items. */
  async listFollowedBills(subscriberId: string): Promise<string[]> {
    return this.subscribers.listFollowedBills(subscriberId);
  }

  /** Removes every follower item of a subscriber (bills, topics, committees, initiators), leaving the profile as it is. */
  async dropFollows(subscriberId: string, now: Date): Promise<void> {
    const current = await this.get(subscriberId, now);
    for (const billNumber of await this.subscribers.listFollowedBills(subscriberId)) {
      await this.subscribers.unfollow(subscriberId, billNumber);
    }
    await this.deleteItems(followItemKeys(current, subscriberId));
  }

  /**
   * Profiles in address order, a page at a time, optionally only addresses starting with `emailPrefix`, of one
   * status, of one frequency, or following one bill; expired sign-ups left out. Filters apply within a page, so a
   * filtered page may hold fewer than `limit` items and still have a cursor.
   */
  async list(options: SubscriberListOptions): Promise<Page<Subscriber>> {
    const filters = [`attribute_not_exists(#ttl) OR #ttl > :nowSeconds`];
    const values: Record<string, unknown> = { ':index': gsi1.subscribers, ':nowSeconds': epochSeconds(options.now) };
    const names: Record<string, string> = { '#ttl': TTL_ATTRIBUTE };
    for (const field of ['status', 'frequency'] as const) {
      if (!options[field]) continue;
      filters.push(`#${field} = :${field}`);
      values[`:${field}`] = options[field];
      names[`#${field}`] = field;
    }
    if (options.bill) {
      filters.push('contains(#bills, :bill)');
      values[':bill'] = options.bill;
      names['#bills'] = 'bills';
    }
    if (options.emailPrefix) values[':prefix'] = options.emailPrefix.toLowerCase();
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI1,
        KeyConditionExpression: `GSI1PK = :index${options.emailPrefix ? ' AND begins_with(GSI1SK, :prefix)' : ''}`,
        FilterExpression: filters.map((filter) => `(${filter})`).join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor, gsi1.subscribers),
      }),
    );
    return { items: (page.Items ?? []).map(toSubscriber), cursor: encodeCursor(page.LastEvaluatedKey) };
  }

  /** Every topic ever followed, in query order, a page at a time. */
  async listTopics(options: { limit: number; cursor?: string }): Promise<Page<TopicDefinition>> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI1,
        KeyConditionExpression: 'GSI1PK = :index',
        ExpressionAttributeValues: { ':index': gsi1.topics },
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor, gsi1.topics),
      }),
    );
    const items = (page.Items ?? []).map((item) => ({ topicId: item.topicId as string, query: item.query as string }));
    return { items, cursor: encodeCursor(page.LastEvaluatedKey) };
  }

  async getTopic(topicId: string): Promise<TopicDefinition | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.topic(topicId) }));
    return Item ? { topicId: Item.topicId as string, query: Item.query as string } : undefined;
  }

  /** The ids of the confirmed subscribers following a topic. */
  async listTopicFollowers(topicId: string): Promise<string[]> {
    const followers: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.topic(topicId).PK, ':prefix': 'FOLLOWER#' },
          ProjectionExpression: 'subscriberId',
          ExclusiveStartKey,
        }),
      );
      followers.push(...(page.Items ?? []).map((item) => item.subscriberId as string));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return followers;
  }

  private async writeActive(
    subscriberId: string,
    email: string,
    preferences: Preferences,
    now: Date,
    previous: Subscriber | undefined,
  ): Promise<Subscriber> {
    const subscriber = await this.writeProfile(
      previous ?? { id: subscriberId, email, language: preferences.language, status: 'pending', createdAt: now.toISOString() },
      preferences,
      now,
      'active',
    );
    const before = previous?.status === 'active' ? previous : undefined;
    await this.syncFollows(subscriberId, preferences, before);
    return subscriber;
  }

  private async writeProfile(
    current: Subscriber,
    preferences: Preferences,
    now: Date,
    status: 'active' | 'unsubscribed',
  ): Promise<Subscriber> {
    const at = now.toISOString();
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.subscriber(current.id),
        UpdateExpression: [
          'SET id = :id, email = :email, #language = :language, #status = :status, createdAt = if_not_exists(createdAt, :at)',
          '#bills = :bills, #topics = :topics, #committees = :committees, #initiators = :initiators, #timeZone = :timeZone, #frequency = :frequency, #stages = :stages, #newsAlerts = :newsAlerts, #weekAhead = :weekAhead, updatedAt = :at',
          'confirmedAt = if_not_exists(confirmedAt, :at), GSI1PK = :index, GSI1SK = :email',
        ].join(', ') + ' REMOVE #ttl',
        // Named, not written out: DynamoDB reserves some of these words (timeZone) and may reserve more.
        ExpressionAttributeNames: {
          '#language': 'language',
          '#status': 'status',
          '#ttl': TTL_ATTRIBUTE,
          '#bills': 'bills',
          '#topics': 'topics',
          '#committees': 'committees',
          '#initiators': 'initiators',
          '#timeZone': 'timeZone',
          '#frequency': 'frequency',
          '#stages': 'stages',
          '#newsAlerts': 'newsAlerts',
          '#weekAhead': 'weekAhead',
        },
        ExpressionAttributeValues: {
          ':id': current.id,
          ':email': current.email,
          ':language': preferences.language,
          ':status': status,
          ':at': at,
          ':bills': preferences.bills,
          ':topics': preferences.topics,
          ':committees': preferences.committees,
          ':initiators': preferences.initiators,
          ':timeZone': preferences.timeZone,
          ':frequency': preferences.frequency,
          ':stages': preferences.stages,
          ':newsAlerts': preferences.newsAlerts,
          ':weekAhead': preferences.weekAhead,
          ':index': gsi1.subscribers,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toSubscriber(Attributes!);
  }

  /**
   * Makes the follower items match the preferences. Every followed item is rewritten (idempotent puts), so
   * a changed frequency or stage filter reaches the denormalised copies too; what is no longer followed goes. A bill
   * followed because a followed committee or initiator brought it stays while that origin is followed.
   */
  private async syncFollows(subscriberId: string, preferences: Preferences, before: Subscriber | undefined): Promise<void> {
    const delivery = { subscriberId, frequency: preferences.frequency, stages: preferences.stages };
    const puts: Record<string, unknown>[] = [];
    for (const billNumber of preferences.bills) {
      puts.push({ ...keys.follows(subscriberId, billNumber), billNumber, subscriberId });
      puts.push({ ...keys.follower(billNumber, subscriberId), billNumber, ...delivery });
    }
    for (const query of preferences.topics) {
      const topicId = topicIdForQuery(query);
      puts.push({ ...keys.topic(topicId), topicId, query, GSI1PK: gsi1.topics, GSI1SK: indexSortKey(query) });
      puts.push({ ...keys.topicFollower(topicId, subscriberId), topicId, query, ...delivery });
    }
    const origins = followedOrigins(preferences);
    for (const origin of origins) {
      const id = originId(origin.kind, origin.name);
      puts.push({ ...keys.originFollower(id, subscriberId), originId: id, kind: origin.kind, name: origin.name, ...delivery });
    }
    const bills = new Set(preferences.bills);
    const topics = new Set(preferences.topics);
    const followedIds = new Set(origins.map((origin) => originId(origin.kind, origin.name)));
    const follows = before ? await this.subscribers.listFollows(subscriberId) : [];
    const broughtByOrigin = follows.filter((follow) => !bills.has(follow.billNumber) && follow.originId && followedIds.has(follow.originId));
    for (const follow of broughtByOrigin) {
      const claim = { originId: follow.originId, originAlertId: follow.originAlertId };
      puts.push({ ...keys.follower(follow.billNumber, subscriberId), billNumber: follow.billNumber, ...delivery, ...claim });
    }
    const kept = new Set([...bills, ...broughtByOrigin.map((follow) => follow.billNumber)]);
    const droppedBills = follows.map((follow) => follow.billNumber).filter((bill) => !kept.has(bill));
    const deletes = [
      ...droppedBills.flatMap((bill) => [keys.follower(bill, subscriberId), keys.follows(subscriberId, bill)]),
      ...(before?.topics ?? []).filter((query) => !topics.has(query)).map((query) => keys.topicFollower(topicIdForQuery(query), subscriberId)),
      ...(before ? followedOrigins(before) : [])
        .map((origin) => originId(origin.kind, origin.name))
        .filter((id) => !followedIds.has(id))
        .map((id) => keys.originFollower(id, subscriberId)),
    ];
    await this.batchWrite([
      ...puts.map((Item) => ({ PutRequest: { Item } })),
      ...deletes.map((Key) => ({ DeleteRequest: { Key } })),
    ]);
    await defineOrigins(this.db, this.tableName, origins);
    await watchBills(this.db, this.tableName, preferences.bills);
    await releaseBills(this.db, this.tableName, droppedBills);
  }

  private async deleteItems(itemKeys: { PK: string; SK: string }[]): Promise<void> {
    await this.batchWrite(itemKeys.map((Key) => ({ DeleteRequest: { Key } })));
  }

  private async batchWrite(requests: Record<string, unknown>[]): Promise<void> {
    for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
      let batch = requests.slice(start, start + BATCH_WRITE_LIMIT);
      for (let attempt = 0; batch.length > 0; attempt++) {
        if (attempt >= MAX_BATCH_ATTEMPTS) throw new Error(`DynamoDB left ${batch.length} writes unprocessed`);
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        const { UnprocessedItems } = await this.db.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: batch as never } }),
        );
        batch = (UnprocessedItems?.[this.tableName] ?? []) as Record<string, unknown>[];
      }
    }
  }
}

const BATCH_WRITE_LIMIT = 25;
const MAX_BATCH_ATTEMPTS = 6;

/** The topic and origin follower items of a subscriber's profile: what unsubscribing removes besides bill follows. */
function followItemKeys(current: Subscriber | undefined, subscriberId: string): { PK: string; SK: string }[] {
  return [
    ...(current?.topics ?? []).map((query) => keys.topicFollower(topicIdForQuery(query), subscriberId)),
    ...(current ? followedOrigins(current) : []).map((origin) => keys.originFollower(originId(origin.kind, origin.name), subscriberId)),
  ];
}

function toPendingSignup(item: Record<string, unknown>): PendingSignup {
  return {
    subscriberId: item.subscriberId as string,
    ...(typeof item.requestId === 'string' ? { requestId: item.requestId } : {}),
    email: item.email as string,
    // A sign-up requested before the newsAlerts, weekAhead or committee-follow preferences existed has none: it takes the defaults.
    preferences: { newsAlerts: true, weekAhead: false, committees: [], initiators: [], ...(item.preferences as Omit<Preferences, 'newsAlerts' | 'weekAhead' | 'committees' | 'initiators'>) },
    requestedAt: item.requestedAt as string,
    expiresAt: item.expiresAt as number,
  };
}

function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** DynamoDB deletes expired items up to days late (and dynalite never does), so every read checks the TTL too. */
function isExpired(item: Record<string, unknown>, now: Date): boolean {
  const expiresAt = item[TTL_ATTRIBUTE];
  return typeof expiresAt === 'number' && expiresAt <= epochSeconds(now);
}

/** The cursor of a listing's next page: DynamoDB's last evaluated key, opaque to clients. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;
}

const CURSOR_KEY_NAMES = ['GSI1PK', 'GSI1SK', 'PK', 'SK'];

/**
 * Only a full index key of the same partition is accepted back: anything else would make DynamoDB refuse
 * the query (a 500 for bad input) or reach past the partition.
 * @throws InvalidCursorError for anything else
 */
export function decodeCursor(cursor: string | undefined, partition: string): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof key === 'object' &&
      key !== null &&
      !Array.isArray(key) &&
      Object.keys(key).sort().join() === CURSOR_KEY_NAMES.join() &&
      Object.values(key).every((value) => typeof value === 'string' && value.length > 0 && value.length <= 1024) &&
      (key as Record<string, string>).GSI1PK === partition
    ) {
      return key as Record<string, string>;
    }
  } catch {
    // Falls through to the same error as a well-formed but foreign key.
  }
  throw new InvalidCursorError('not a cursor from a previous page');
}
