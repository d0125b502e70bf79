import type { TableAccess } from '../access/access.js';
import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './dynamo-helpers.js';
import { EmailAddressSchema } from './subscriber-store.js';
import { keys } from './table-schema.js';

/**
 * Which subscriber an email address is. Ids are random, so an id (in a log, an admin URL, a link minted before
 * links were sealed) says nothing about the address; the address item is the only way from one to the other.
 * Subscribers made before ids were random had an id derived from their address: the first lookup records it in an
 * address item, so their links and follower items keep working until the id migration
 * (shared/store/subscriber-id-migration.ts) moves them to a random id and records where the old id went.
 */
export class DynamoAddressBook {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['GetItem', 'PutItem'],
    keys: ['address', 'movedSubscriber', 'subscriber', 'suppression'],
    index: [],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The subscriber id of an address, if it ever had one (a profile, a suppression, a sign-up). */
  async idOf(email: string): Promise<string | undefined> {
    const address = EmailAddressSchema.parse(email);
    const recorded = await this.recordedId(address);
    if (recorded) return recorded;
    const legacy = legacySubscriberId(address);
    const [profile, suppression] = await Promise.all([this.exists(keys.subscriber(legacy)), this.exists(keys.suppression(legacy))]);
    return profile || suppression ? this.record(address, legacy) : undefined;
  }

  /** The subscriber id of an address, given a fresh random one the first time the address is seen. */
  async idFor(email: string): Promise<string> {
    return (await this.idOf(email)) ?? this.record(EmailAddressSchema.parse(email), randomSubscriberId());
  }

  /**
   * The id a subscriber has now: the random id a migrated legacy id moved to (links minted before the move carry
   * the old one, and an unsubscribe link must work for years), else the id itself.
   */
  async currentId(subscriberId: string): Promise<string> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.movedSubscriber(subscriberId), ConsistentRead: true }),
    );
    return Item?.state === 'moved' && typeof Item.subscriberId === 'string' ? Item.subscriberId : subscriberId;
  }

  private async recordedId(address: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.address(address), ConsistentRead: true }));
    return typeof Item?.subscriberId === 'string' ? Item.subscriberId : undefined;
  }

  /** Records `id` for the address unless another writer recorded one first; returns the id that holds. */
  private async record(address: string, id: string): Promise<string> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.address(address), email: address, subscriberId: id },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return id;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.recordedId(address))!;
    }
  }

  private async exists(key: { PK: string; SK: string }): Promise<boolean> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ProjectionExpression: 'PK', ConsistentRead: true }),
    );
    return Item !== undefined;
  }
}

/** The id subscribers had before ids were random: derived from the address, so guessable from it. */
export function legacySubscriberId(address: string): string {
  return `s${createHash('sha256').update(address).digest('hex').slice(0, 24)}`;
}

/** A fresh subscriber id: 96 random bits, in the shape every id has had (`s` and 24 hex digits). */
export function randomSubscriberId(): string {
  return `s${randomBytes(12).toString('hex')}`;
}
