import { createDocumentClient } from '../aws/clients.js';
import { loadConfig } from '../config/config.js';
import { DynamoAddressBook } from '../store/address-book.js';
import { DynamoBillStore } from '../store/bill-store.js';
import { DynamoBillSummaryReader } from '../store/bill-summaries.js';
import { DynamoEndpointStore } from '../store/endpoint-store.js';
import { DynamoFeedStore } from '../store/feed-store.js';
import { DynamoSubscriberStore } from '../store/subscriber-store.js';
import { SubscriberIdMigration } from '../store/subscriber-id-migration.js';
import { DynamoSubscriptionStore } from '../store/subscription-store.js';

/** The stores a CLI command works on. */
export interface CliStores {
  bills: DynamoBillStore;
  /** What listings show of each bill (its title and stage, how many events its snapshot holds), without reading the bills. */
  billSummaries: DynamoBillSummaryReader;
  subscribers: DynamoSubscriberStore;
  /** Which subscriber an address is. */
  addresses: DynamoAddressBook;
  /** Preferences with their follower items (committees and initiators followed). */
  subscriptions: DynamoSubscriptionStore;
  endpoints: DynamoEndpointStore;
  feeds: DynamoFeedStore;
  /** The one-off move of legacy subscriber ids to random ones. */
  subscriberIds: SubscriberIdMigration;
}

/**
 * Runs `work` against the stores on the configured table, then closes the client: a command that returns
 * must not leave sockets holding the process (or a test worker) open.
 */
export async function withStores<T>(work: (stores: CliStores) => Promise<T>): Promise<T> {
  const { tableName } = loadConfig();
  const db = createDocumentClient();
  const subscribers = new DynamoSubscriberStore(db, tableName);
  try {
    return await work({
      bills: new DynamoBillStore(db, tableName),
      billSummaries: new DynamoBillSummaryReader(db, tableName),
      subscribers,
      addresses: new DynamoAddressBook(db, tableName),
      subscriptions: new DynamoSubscriptionStore(db, tableName, subscribers),
      endpoints: new DynamoEndpointStore(db, tableName),
      feeds: new DynamoFeedStore(db, tableName),
      subscriberIds: new SubscriberIdMigration(db, tableName),
    });
  } finally {
    db.destroy();
  }
}
