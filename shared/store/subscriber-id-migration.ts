import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  ScanCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { runConcurrently } from '../pipeline/run-concurrently.js';
import { legacySubscriberId, randomSubscriberId } from './address-book.js';
import { isConditionFailure, queryAll } from './dynamo-helpers.js';
import { topicIdForQuery } from './subscription-store.js';
import { FOLLOWS_PREFIX, keys } from './table-schema.js';

type Key = { PK: string; SK: string };
type Item = Record<string, unknown> & Key;

/** How one run of the migration went. */
export interface SubscriberIdMigrationSummary {
  /** Profiles and suppressions read this run. */
  examined: number;
  /** Legacy subscribers moved to a random id this run (a resumed move counts here too). */
  moved: number;
  /** The table was read to its end: every legacy subscriber has a random id. */
  finished: boolean;
}

export interface SubscriberIdMigrationOptions {
  /** Items read from the table per page; each page's legacy subscribers are moved before the next page is read. */
  pageSize?: number;
  /** Subscribers moved at once within a page. */
  concurrency?: number;
  /** Stop after this many pages (the next run resumes where this one stopped). */
  maxPages?: number;
  /** Called after each page, e.g. for the CLI's progress line. */
  onPage?: (summary: SubscriberIdMigrationSummary) => void;
}

const MIGRATION = 'subscriber-ids';

/**
 * Moves every subscriber that still has a legacy id (derived from its address, so guessable from it) to a random
 * id, with everything keyed by that id: the profile, its follows and pending sign-ups, its follower items on bills
 * and topics, its suppression, its digest list, and the address item. One-off, resumable and idempotent: the table
 * is read a page at a time and the position saved after each page; each subscriber's move is claimed by a
 * conditional write of a MOVED item naming the new id, so a move cut short resumes with the same id, and a moved
 * subscriber is never moved again. Once the copy is complete the MOVED item is marked `moved`: from then on links
 * carrying the old id (a one-click unsubscribe link lives for years) lead to the new id, and the old items go.
 *
 * dynalite has no transactions, so each step is an idempotent write ordered so that at every moment the subscriber
 * is reachable: the new items are written before the old ones go, and the follower items (what fan-out reads) are
 * moved one at a time, new before old, so a crash leaves at most one bill followed twice until the run resumes.
 */
export class SubscriberIdMigration {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Runs the migration from where the last run stopped, to the end of the table or `maxPages`. */
  async run(options: SubscriberIdMigrationOptions = {}): Promise<SubscriberIdMigrationSummary> {
    const summary: SubscriberIdMigrationSummary = { examined: 0, moved: 0, finished: false };
    let cursor = await this.savedCursor();
    if (cursor === 'done') return { ...summary, finished: true };
    for (let pages = 0; options.maxPages === undefined || pages < options.maxPages; pages++) {
      const page = await this.db.send(
        new ScanCommand({
          TableName: this.tableName,
          // A one-off job may scan: legacy subscribers made by old CLIs are in no index.
          FilterExpression: '(SK = :profile AND begins_with(PK, :subscriber)) OR SK = :suppression',
          ExpressionAttributeValues: { ':profile': 'PROFILE', ':subscriber': 'SUBSCRIBER#', ':suppression': 'SUPPRESSION' },
          ProjectionExpression: 'PK, SK, id, subscriberId, email',
          Limit: options.pageSize ?? 100,
          ...(cursor ? { ExclusiveStartKey: cursor } : {}),
        }),
      );
      const items = (page.Items ?? []) as Item[];
      summary.examined += items.length;
      const legacy = new Map<string, string>();
      for (const item of items) {
        const id = (item.id ?? item.subscriberId) as unknown;
        if (typeof id === 'string' && typeof item.email === 'string' && id === legacySubscriberId(item.email)) legacy.set(id, item.email);
      }
      await runConcurrently([...legacy], options.concurrency ?? 4, async ([id, email]) => {
        if (await this.move(id, email)) summary.moved++;
      });
      cursor = page.LastEvaluatedKey as Key | undefined;
      await this.saveCursor(cursor ?? 'done');
      options.onPage?.({ ...summary });
      if (!cursor) return { ...summary, finished: true };
    }
    return summary;
  }

  /**
   * Moves one legacy subscriber to a random id (or finishes a move cut short); false when it had already moved
   * and nothing of the old id was left.
   */
  async move(legacyId: string, email: string): Promise<boolean> {
    const claim = await this.claim(legacyId);
    const newId = claim.subscriberId;
    if (claim.state !== 'moved') {
      const ownItems = await this.partition(keys.subscriber(legacyId).PK);
      const suppression = await this.get(keys.suppression(legacyId));
      const digest = await this.partition(keys.digestMarker(legacyId).PK);
      // The profile and everything in the subscriber's own partitions first, so the new id is whole before anything points to it.
      for (const item of [...ownItems, ...(suppression ? [suppression] : []), ...digest]) await this.put(renamed(item, legacyId, newId));
      const profile = ownItems.find((item) => item.SK === 'PROFILE');
      const followed = [
        ...ownItems.filter((item) => item.SK.startsWith(FOLLOWS_PREFIX)).map((item) => keys.follower(item.billNumber as string, legacyId)),
        ...(Array.isArray(profile?.topics) ? (profile.topics as string[]) : []).map((query) => keys.topicFollower(topicIdForQuery(query), legacyId)),
      ];
      for (const key of followed) {
        const follower = await this.get(key);
        if (follower) await this.put(renamed(follower, legacyId, newId));
        await this.delete(key);
      }
      await this.pointAddress(email, legacyId, newId);
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.movedSubscriber(legacyId),
          UpdateExpression: 'SET #state = :moved, movedAt = :at',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':moved': 'moved', ':at': new Date().toISOString() },
        }),
      );
    }
    // The old id's items go last; a run cut short here deletes the rest next time.
    const leftovers = [
      ...(await this.partition(keys.subscriber(legacyId).PK)),
      ...(await this.partition(keys.digestMarker(legacyId).PK)),
      ...((await this.get(keys.suppression(legacyId))) ? [keys.suppression(legacyId)] : []),
    ];
    for (const key of leftovers) await this.delete(key);
    return claim.state !== 'moved' || leftovers.length > 0;
  }

  /** The MOVED item of a legacy id: written with a fresh random id unless an earlier run already chose one. */
  private async claim(legacyId: string): Promise<{ subscriberId: string; state: 'moving' | 'moved' }> {
    const fresh = { subscriberId: randomSubscriberId(), state: 'moving' as const };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.movedSubscriber(legacyId), ...fresh, startedAt: new Date().toISOString() },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return fresh;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const claimed = (await this.get(keys.movedSubscriber(legacyId)))!;
      return { subscriberId: claimed.subscriberId as string, state: claimed.state === 'moved' ? 'moved' : 'moving' };
    }
  }

  /** The address item names the new id, unless it already names another subscriber than the legacy one. */
  private async pointAddress(email: string, legacyId: string, newId: string): Promise<void> {
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.address(email),
          UpdateExpression: 'SET email = :email, subscriberId = :new',
          ConditionExpression: 'attribute_not_exists(PK) OR subscriberId IN (:legacy, :new)',
          ExpressionAttributeValues: { ':email': email, ':legacy': legacyId, ':new': newId },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }

  private async savedCursor(): Promise<Key | 'done' | undefined> {
    const progress = await this.get(keys.migration(MIGRATION));
    if (progress?.done === true) return 'done';
    return progress?.cursor as Key | undefined;
  }

  private async saveCursor(cursor: Key | 'done'): Promise<void> {
    const state = cursor === 'done' ? { done: true } : { done: false, cursor };
    await this.put({ ...keys.migration(MIGRATION), ...state, savedAt: new Date().toISOString() });
  }

  private async partition(pk: string): Promise<Item[]> {
    const items: Item[] = [];
    for await (const page of queryAll<Item>(this.db, { TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true })) {
      items.push(...page);
    }
    return items;
  }

  private async get(key: Key): Promise<Item | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return Item as Item | undefined;
  }

  private async put(item: Record<string, unknown>): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  private async delete(key: Key): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { PK: key.PK, SK: key.SK } }));
  }
}

/**
 * The item as it is under the new id: every key and attribute that names the old id names the new one. Ids are 25
 * characters of `s` and hex, so one never occurs inside another value by chance.
 */
function renamed(item: Item, legacyId: string, newId: string): Item {
  return Object.fromEntries(
    Object.entries(item).map(([name, value]) => [name, typeof value === 'string' ? value.split(legacyId).join(newId) : value]),
  ) as Item;
}
