import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Language } from '../bill/stages.js';
import { ignoreConditionFailure, isConditionFailure, queryAll } from './dynamo-helpers.js';
import { FOLLOWS_PREFIX, gsi1, keys, TTL_ATTRIBUTE, type StoreKeys } from './table-schema.js';
import { DynamoAddressBook } from './address-book.js';
import { releaseBills, watchBills } from './bill-store.js';

export { EmailAddressSchema } from '../email/email-address.js';
import { EmailAddressSchema } from '../email/email-address.js';

export const LanguageSchema = z.enum(['ru', 'en']);

/** `pending`: signed up, confirmation link not followed yet; nothing but that one email is ever sent to it. */
export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed' | 'suppressed';

export interface Subscriber {
  id: string;
  email: string;
  language: Language;
  status: SubscriberStatus;
  createdAt: string;
  /*
   * The fields below are written by sign-up, the preference pages and the admin API
   * (shared/store/subscription-store.ts); subscribers made by the CLI have none of them.
   */
  /** Bills followed, as on the profile; the FOLLOWS/FOLLOWER items mirror it once confirmed. */
  bills?: string[];
  /** Topic queries followed. */
  topics?: string[];
  /** Committees and initiators followed: every new bill from them is alerted and watched (shared/origins). */
  committees?: string[];
  initiators?: string[];
  /** IANA time zone, e.g. Europe/Moscow. */
  timeZone?: string;
  frequency?: 'instant' | 'daily' | 'weekly';
  /** 'all', or the stage ids (shared/bill/stages.ts) whose changes matter. */
  stages?: 'all' | number[];
  /** False when "in the news" alerts are turned off; absent means on. */
  newsAlerts?: boolean;
  /** True when the subscriber asked for the week-ahead email (shared/digests/send-week-ahead.ts); absent means off. */
  weekAhead?: boolean;
  confirmedAt?: string;
  updatedAt?: string;
  unsubscribedAt?: string;
  /** Why the address is suppressed (a hard bounce, a complaint); set with status 'suppressed'. */
  suppressionReason?: string;
  /** Epoch seconds after which an unconfirmed sign-up is gone (TTL; readers filter it too). */
  expiresAt?: number;
  /** The key in the subscriber's private feed URLs; a new one revokes every URL made with the old. */
  feedKey?: string;
}

/** The address bounced or complained: it is never mailed again, and cannot be subscribed again. */
export class SuppressedAddressError extends Error {
  override readonly name = 'SuppressedAddressError';
  constructor(readonly email: string) {
    super(`${email} is on the suppression list (it bounced or complained) and cannot be subscribed`);
  }
}

/** Subscribers and the bills they follow. */
export interface SubscriberStore {
  /** Creates or updates the subscriber for an address (idempotent) and returns it. */
  /** Creates or confirms an email subscriber; without `language`, an existing subscriber keeps theirs (a new one gets ru). */
  upsertEmailSubscriber(input: { email: string; language?: Language; at: string }): Promise<Subscriber>;
  get(subscriberId: string): Promise<Subscriber | undefined>;
  follow(subscriberId: string, billNumber: string): Promise<void>;
  unfollow(subscriberId: string, billNumber: string): Promise<void>;
  listFollowedBills(subscriberId: string): Promise<string[]>;
  /** The bill follows, each with the committee or initiator alert that made it, if one did. */
  listFollows(subscriberId: string): Promise<FollowedBill[]>;
  /** Stops all mail to the subscriber at once; their follows are removed. */
  unsubscribe(subscriberId: string): Promise<void>;
}

/** A bill a subscriber follows; `originId` and `originAlertId` when a "new bill from …" alert made the follow. */
export interface FollowedBill {
  billNumber: string;
  originId?: string;
  originAlertId?: string;
}

/** SubscriberStore on the single DynamoDB table (adjacency list: BILL#n/FOLLOWER#id and SUBSCRIBER#id/FOLLOWS#n). */
export class DynamoSubscriberStore implements SubscriberStore {
  /**
   * The partitions it reads and writes, those of the address book it builds included: the `dynamodb:LeadingKeys`
   * of every function that uses it.
   */
  static readonly partitions: StoreKeys = { keys: ['address', 'follower', 'follows', 'movedSubscriber', 'subscriber', 'suppression'], index: ['subscribers'] };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async upsertEmailSubscriber(input: { email: string; language?: Language; at: string }): Promise<Subscriber> {
    const email = EmailAddressSchema.parse(input.email);
    const id = await new DynamoAddressBook(this.db, this.tableName).idFor(email);
    let Attributes: Record<string, unknown> | undefined;
    try {
      ({ Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.subscriber(id),
          // Listed in the admin index like API sign-ups; an operator's subscribe confirms, so no expiry is left.
          UpdateExpression:
            `SET id = :id, email = :email, #language = ${input.language ? ':language' : 'if_not_exists(#language, :language)'}, #status = :active, createdAt = if_not_exists(createdAt, :at), GSI1PK = :index, GSI1SK = :email REMOVE #ttl`,
          // A bounced or complaining address stays suppressed, whoever asks.
          ConditionExpression: 'attribute_not_exists(#status) OR #status <> :suppressed',
          ExpressionAttributeNames: { '#language': 'language', '#status': 'status', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':id': id,
            ':email': email,
            ':language': input.language ?? 'ru',
            ':active': 'active',
            ':suppressed': 'suppressed',
            ':at': input.at,
            ':index': gsi1.subscribers,
          },
          ReturnValues: 'ALL_NEW',
        }),
      ));
    } catch (error) {
      if (isConditionFailure(error)) throw new SuppressedAddressError(email);
      throw error;
    }
    return toSubscriber(Attributes!);
  }

  /** The subscriber; an id the id migration moved answers with the subscriber it became (a message queued before the move). */
  async get(subscriberId: string): Promise<Subscriber | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.subscriber(subscriberId) }));
    if (Item) return toSubscriber(Item);
    const current = await new DynamoAddressBook(this.db, this.tableName).currentId(subscriberId);
    return current === subscriberId ? undefined : this.get(current);
  }

  async follow(subscriberId: string, billNumber: string): Promise<void> {
    // Two idempotent puts rather than a transaction: a crash between them leaves a follow that the next
    // subscribe repairs, and fan-out reads only the FOLLOWER side.
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.follows(subscriberId, billNumber), billNumber, subscriberId } }),
    );
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.follower(billNumber, subscriberId), billNumber, subscriberId } }),
    );
    await watchBills(this.db, this.tableName, [billNumber]);
  }

  async unfollow(subscriberId: string, billNumber: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.follower(billNumber, subscriberId) }));
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.follows(subscriberId, billNumber) }));
    await releaseBills(this.db, this.tableName, [billNumber]);
  }

  async listFollowedBills(subscriberId: string): Promise<string[]> {
    return (await this.listFollows(subscriberId)).map((follow) => follow.billNumber);
  }

  async listFollows(subscriberId: string): Promise<FollowedBill[]> {
    const follows: FollowedBill[] = [];
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.subscriber(subscriberId).PK, ':prefix': FOLLOWS_PREFIX },
    });
    for await (const page of pages) {
      for (const item of page) {
        follows.push({
          billNumber: item.billNumber as string,
          ...(typeof item.originId === 'string' ? { originId: item.originId } : {}),
          ...(typeof item.originAlertId === 'string' ? { originAlertId: item.originAlertId } : {}),
        });
      }
    }
    return follows;
  }

  async unsubscribe(subscriberId: string): Promise<void> {
    // The status flips first so that mail already queued is dropped at send time, whatever happens next.
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.subscriber(subscriberId),
        UpdateExpression: 'SET #status = :unsubscribed',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':unsubscribed': 'unsubscribed' },
      }),
    ).catch(ignoreConditionFailure);
    for (const billNumber of await this.listFollowedBills(subscriberId)) await this.unfollow(subscriberId, billNumber);
  }
}

/** The subscriber of a profile item; exported for the stores that write profiles with preferences. */
export function toSubscriber(item: Record<string, unknown>): Subscriber {
  const text = (key: string) => (typeof item[key] === 'string' ? (item[key] as string) : undefined);
  const subscriber: Subscriber = {
    id: item.id as string,
    email: item.email as string,
    language: LanguageSchema.parse(item.language),
    status: item.status as SubscriberStatus,
    createdAt: item.createdAt as string,
  };
  const optional: Partial<Subscriber> = {
    bills: Array.isArray(item.bills) ? (item.bills as string[]) : undefined,
    topics: Array.isArray(item.topics) ? (item.topics as string[]) : undefined,
    committees: Array.isArray(item.committees) ? (item.committees as string[]) : undefined,
    initiators: Array.isArray(item.initiators) ? (item.initiators as string[]) : undefined,
    timeZone: text('timeZone'),
    frequency: text('frequency') as Subscriber['frequency'],
    stages: item.stages === 'all' || Array.isArray(item.stages) ? (item.stages as Subscriber['stages']) : undefined,
    newsAlerts: typeof item.newsAlerts === 'boolean' ? item.newsAlerts : undefined,
    weekAhead: typeof item.weekAhead === 'boolean' ? item.weekAhead : undefined,
    confirmedAt: text('confirmedAt'),
    updatedAt: text('updatedAt'),
    unsubscribedAt: text('unsubscribedAt'),
    suppressionReason: text('suppressionReason'),
    expiresAt: typeof item.expiresAt === 'number' ? item.expiresAt : undefined,
    feedKey: text('feedKey'),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(subscriber, { [key]: value });
  }
  return subscriber;
}
